import { normalizeEmail } from '../../../shared/normalize.js';
import type { SignInRequest } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { ARGON2_PARAMS, hashPassword, verifyPassword } from './passwords.js';
import { startSession, toSessionUser } from './sessions.service.js';
import { findUserByEmail, updatePasswordHash } from './users.repo.js';

const CURRENT_PARAMS = `m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}`;

/**
 * Signs a person in by email and password. An unknown email and a wrong password give the
 * same error after the same work (a dummy hash is verified), so accounts cannot be enumerated.
 */
export async function signIn(
  ctx: AppContext,
  organizationId: string,
  request: SignInRequest,
  client: { userAgent: string | undefined; ip: string },
) {
  const user = await findUserByEmail(ctx.db, organizationId, normalizeEmail(request.email));
  const ok = await verifyPassword(user?.passwordHash ?? null, request.password);
  if (!user || !ok) throw new AppError('invalid_credentials');
  if (user.passwordHash && !user.passwordHash.includes(CURRENT_PARAMS)) {
    // Parameters were raised since this hash was made: upgrade it while we know the password.
    await updatePasswordHash(ctx.db, user.id, await hashPassword(request.password));
  }
  const token = await startSession(ctx.db, user, client);
  return { token, user: toSessionUser(user) };
}

import { normalizePersonalCode } from '../../../shared/login.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Organization } from '../orgs/index.js';
import { markAccessOpened } from './account.repo.js';
import { recordAudit } from './audit.repo.js';
import { ACTIVATION_PURPOSE } from './invitations.repo.js';
import { loginOf } from './invitations.service.js';
import { assertNewPassword } from './password-policy.js';
import { claimUserToken, findUsableUserToken, spendUserTokens } from './password-reset.repo.js';
import { hashPassword } from './passwords.js';
import { hashToken } from './tokens.js';
import { findUserById, updatePasswordHash } from './users.repo.js';

/**
 * The stored hash of what the person brought: an invitation link's token as is, or an
 * access-sheet code as people type it (any case, with spaces or a dash: `abcd-efgh`).
 */
function activationTokenHash(token: string): { hash: string; via: 'link' | 'code' } {
  const code = normalizePersonalCode(token);
  return code ? { hash: hashToken(code), via: 'code' } : { hash: hashToken(token), via: 'link' };
}

async function findActivation(ctx: AppContext, organizationId: string, token: string, now: Date) {
  const { hash, via } = activationTokenHash(token);
  const row = await findUsableUserToken(ctx.db, organizationId, ACTIVATION_PURPOSE, hash, now);
  const user = row ? await findUserById(ctx.db, row.userId) : null;
  if (!user) throw new AppError('link_invalid');
  return { user, hash, via };
}

/** GET /api/auth/activate/{token}: who the invitation is for, or 410 `link_invalid`. */
export async function checkActivation(ctx: AppContext, organizationId: string, token: string) {
  const { user } = await findActivation(ctx, organizationId, token, new Date());
  return { displayName: user.displayName, login: loginOf(user) };
}

/**
 * An invitation link or access-sheet code becomes the person's own password. The token is used
 * atomically with the change (of two concurrent uses exactly one succeeds); every other unused
 * activation token of the account stops working; access counts as opened from now if staff had
 * not set it. No session is started: the person then signs in with the new password.
 */
export async function activateAccount(
  ctx: AppContext,
  organization: Organization,
  request: { token: string; newPassword: string },
  client: { ip: string },
  now = new Date(),
): Promise<{ login: string }> {
  const { user, hash, via } = await findActivation(ctx, organization.id, request.token, now);
  assertNewPassword(request.newPassword, {
    minLength: organization.passwordMinLength,
    login: [user.email, user.phone, user.personalCode],
  });
  const passwordHash = await hashPassword(request.newPassword);
  await ctx.db.transaction(async (tx) => {
    const claimed = await claimUserToken(tx, organization.id, ACTIVATION_PURPOSE, hash, now);
    if (!claimed) throw new AppError('link_invalid');
    await updatePasswordHash(tx, user.id, passwordHash);
    await spendUserTokens(tx, user.id, ACTIVATION_PURPOSE, now);
    await markAccessOpened(tx, user.id, now);
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: null,
      subjectId: user.id,
      action: 'account.activated',
      details: { via },
      ip: client.ip,
    });
  });
  return { login: loginOf(user) };
}

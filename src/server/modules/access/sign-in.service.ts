import type { SignInRequest } from '../../../shared/contracts/auth.js';
import { parseLogin } from '../../../shared/login.js';
import { AppError } from '../../infra/app-error.js';
import { verifyCaptcha } from '../../infra/captcha.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import type { Organization } from '../orgs/index.js';
import { evaluateAccess } from './access-state.js';
import { recordAudit } from './audit.repo.js';
import { accountBlockedError } from './blocked-error.js';
import { findSignInSubject } from './login.repo.js';
import { ARGON2_PARAMS, hashPassword, verifyPassword } from './passwords.js';
import { recordSignInEvent } from './sign-in-events.repo.js';
import { endUserSessions, findLiveSessions } from './sessions.repo.js';
import { startSignedInSession, toSessionInfo, type ClientInfo } from './sessions.service.js';
import {
  accountKey,
  addressKey,
  clearThrottle,
  findThrottles,
  recordFailure,
  type ThrottleRow,
  unknownLoginKey,
} from './throttle.repo.js';
import { updatePasswordHash } from './users.repo.js';

/** Consecutive failures per login before it locks: 1 min, doubling to 1 h (NIST allows ≤ 100). */
export const LOCKOUT = { threshold: 10, baseSeconds: 60, maxSeconds: 3600 } as const;
/** Failures from one address (any login) after which sign-in needs a captcha. */
export const CAPTCHA_AFTER_ADDRESS_FAILURES = 5;
// Address failures are only counted (they never lock: a shared NAT must not lock everyone out).
const COUNT_ONLY = { threshold: 1_000_000_000, baseSeconds: 0, maxSeconds: 0 } as const;
// An address's failures are forgotten after an hour without one.
const ADDRESS_WINDOW_MS = 3600_000;

const CURRENT_PARAMS = `m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}`;

/**
 * Signs a person in by email, phone or personal code. Unknown logins and wrong passwords give
 * the same answer after the same work (a dummy hash is verified), and lock out the same way;
 * account states (blocks, session limit) are revealed only after the right password.
 */
export async function signIn(
  ctx: AppContext,
  organization: Organization,
  request: SignInRequest,
  client: ClientInfo,
) {
  const now = new Date();
  const login = parseLogin(request.login);
  const address = addressKey(client.ip);
  const subject = login ? await findSignInSubject(ctx.db, organization.id, login, address) : null;
  const user = subject?.user ?? null;
  const key = user
    ? accountKey(user.id)
    : unknownLoginKey(login?.value ?? request.login.trim().toLowerCase());
  const event = (result: Parameters<typeof recordSignInEvent>[1]['result']) =>
    user
      ? recordSignInEvent(ctx.db, {
          organizationId: organization.id,
          userId: user.id,
          result,
          ...client,
        })
      : Promise.resolve();

  // Unknown logins still read their throttles (a lockout must not tell them apart).
  const throttles =
    subject?.throttles ?? (await findThrottles(ctx.db, organization.id, [key, address]));
  const throttle = throttles.find((row) => row.key === key);
  const addressThrottle = throttles.find((row) => row.key === address);
  await requireCaptchaAfterFailures(ctx, organization.id, addressThrottle, request.captcha, now);

  if (throttle?.lockedUntil && throttle.lockedUntil > now) {
    await event('too_many_attempts');
    const retryAfterSeconds = Math.ceil((throttle.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('too_many_attempts', { retryAfterSeconds });
  }

  const passwordOk = await verifyPassword(user?.passwordHash ?? null, request.password);
  if (!user || !passwordOk) {
    await recordFailure(ctx.db, organization.id, key, LOCKOUT, now);
    const fromAddress = await recordFailure(ctx.db, organization.id, address, COUNT_ONLY, now);
    await event('invalid_credentials');
    // Tells the form to show the captcha now rather than after one more refused attempt; it
    // depends only on this address's failures, so it reveals nothing about the login.
    const captchaRequired = (fromAddress?.failures ?? 0) >= CAPTCHA_AFTER_ADDRESS_FAILURES;
    throw new AppError('invalid_credentials', captchaRequired ? { captchaRequired } : undefined);
  }
  if (throttle) await clearThrottle(ctx.db, organization.id, key);

  const reasons = evaluateAccess(user, subject?.blocks ?? [], now);
  if (reasons.length > 0) {
    await event('account_blocked');
    throw accountBlockedError(user, reasons, organization);
  }

  if (user.passwordHash && !user.passwordHash.includes(CURRENT_PARAMS)) {
    // Parameters were raised since this hash was made: upgrade it while we know the password.
    await updatePasswordHash(ctx.db, user.id, await hashPassword(request.password));
  }

  const limit = user.sessionLimit ?? organization.sessionLimit;
  const live = limit === null ? [] : await findLiveSessions(ctx.db, user.id, now);
  if (limit !== null && live.length >= limit && !request.signOutOtherDevices) {
    await event('session_limit_reached');
    throw new AppError('session_limit_reached', {
      limit,
      sessions: live.map((session) => toSessionInfo(session, null)),
    });
  }

  const write = (db: DbOrTx) =>
    startSignedInSession(ctx, db, user, client, request.remember, now).then((started) => ({
      ...started,
      user,
    }));
  if (limit === null || live.length < limit) return write(ctx.db);
  return ctx.db.transaction(async (tx) => {
    await endUserSessions(tx, user.id, 'signed_out_elsewhere');
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: null,
      subjectId: user.id,
      action: 'sessions.signed_out_elsewhere',
      details: { ended: live.length },
      ip: client.ip,
    });
    return write(tx);
  });
}

/** After repeated failures from one address, sign-in needs a solved captcha (any login). */
async function requireCaptchaAfterFailures(
  ctx: AppContext,
  organizationId: string,
  address: Pick<ThrottleRow, 'key' | 'failures' | 'updatedAt'> | undefined,
  captcha: string | undefined,
  now: Date,
) {
  if (!address) return;
  if (now.getTime() - address.updatedAt.getTime() > ADDRESS_WINDOW_MS) {
    await clearThrottle(ctx.db, organizationId, address.key);
    return;
  }
  if (address.failures < CAPTCHA_AFTER_ADDRESS_FAILURES) return;
  if (!captcha) throw new AppError('captcha_required');
  if (!(await verifyCaptcha(ctx, captcha))) throw new AppError('captcha_invalid');
}

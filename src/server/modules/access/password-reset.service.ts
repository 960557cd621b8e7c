import type { z } from 'zod';
import type { ZPasswordResetConfirm } from '../../../shared/contracts/auth.js';
import type { Locale } from '../../../shared/errors.js';
import { normalizePhone, parseLogin } from '../../../shared/login.js';
import { AppError } from '../../infra/app-error.js';
import { requireCaptcha } from '../../infra/captcha.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import { markAccessOpened } from './account.repo.js';
import { recordAudit } from './audit.repo.js';
import { loginOf } from './invitations.service.js';
import { findAccountByLogin } from './login.repo.js';
import { assertNewPassword } from './password-policy.js';
import {
  claimSmsCode,
  claimUserToken,
  EMAIL_VERIFICATION_PURPOSE,
  findUsableUserToken,
  insertUserToken,
  spendUserTokens,
  takeQuota,
} from './password-reset.repo.js';
import { hashPassword } from './passwords.js';
import { endUserSessions } from './sessions.repo.js';
import { checkSmsCode, issueSmsCode } from './sms-codes.service.js';
import { clearSignInLock, countUse, resetAddressKey } from './throttle.repo.js';
import { generateToken, hashToken } from './tokens.js';
import { findUserById, updatePasswordHash, type UserRow } from './users.repo.js';

const PURPOSE = 'password_reset';
// One "no account uses this address" email per address per hour, so the form cannot be used
// to flood someone's mailbox.
const NO_ACCOUNT_NOTICE_WINDOW_MS = 3600_000;

/** Reset requests one client address may make in an hour before it needs a solved captcha. */
export const RESET_REQUESTS_BEFORE_CAPTCHA = 3;
const RESET_ADDRESS_WINDOW_MS = 3600_000;

/** Where a request comes from: for the audit log and the language of an unknown person. */
export interface ResetClient {
  ip: string;
  locale: Locale;
  /** The ALTCHA payload the form sent, if any (needed after a few requests from the address). */
  captcha?: string | undefined;
}

export const localeOf = (user: UserRow): Locale => (user.locale === 'en' ? 'en' : 'ru');

/**
 * «Забыли пароль?»: an email or phone login gets a single-use link by email or a 6-digit code by
 * SMS; an unknown email gets a notice that no account uses it (rate-limited per address); an
 * unknown phone gets nothing (no SMS to strangers). The caller answers 202 whatever happened,
 * so the answer reveals nothing, and every branch does comparable work (a lookup and a write).
 * From the fourth request of a client address within an hour, a solved captcha is required
 * first (400 `captcha_required` / `captcha_invalid`); that depends on the address only, never
 * on the login, so it reveals nothing either.
 */
export async function requestPasswordReset(
  ctx: AppContext,
  organization: Organization,
  login: string,
  client: ResetClient,
  now = new Date(),
): Promise<void> {
  // Every request counts, a refused one too: a bot cannot reset the count by failing captchas.
  const fromAddress = await countUse(
    ctx.db,
    organization.id,
    resetAddressKey(client.ip),
    RESET_ADDRESS_WINDOW_MS,
    now,
  );
  if (fromAddress > RESET_REQUESTS_BEFORE_CAPTCHA) await requireCaptcha(ctx, client.captcha);
  const parsed = parseLogin(login);
  if (!parsed) return;
  const user = await findAccountByLogin(ctx.db, organization.id, parsed);
  if (parsed.kind === 'phone') {
    if (!user) return;
    await ctx.db.transaction(async (tx) => {
      const issued = await issueSmsCode(ctx, tx, {
        organizationId: organization.id,
        userId: user.id,
        phone: parsed.value,
        purpose: 'password_reset',
        locale: localeOf(user),
        now,
      });
      if (issued.sent) await auditRequest(tx, organization, user, 'sms', client);
    });
    return;
  }
  if (user?.email) {
    const email = user.email;
    const token = generateToken();
    const minutes = ctx.config.passwordResetTtlMinutes;
    await ctx.db.transaction(async (tx) => {
      await insertUserToken(tx, {
        organizationId: organization.id,
        userId: user.id,
        purpose: PURPOSE,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + minutes * 60_000),
      });
      await enqueueEmail(ctx, tx, {
        organizationId: organization.id,
        to: { address: email, name: user.displayName },
        locale: localeOf(user),
        template: 'password_reset',
        data: {
          displayName: user.displayName,
          organizationName: organization.name,
          resetUrl: `${ctx.config.publicUrl}/reset-password?token=${token}`,
          minutes,
        },
      });
      await auditRequest(tx, organization, user, 'email', client);
    });
    return;
  }
  if (parsed.kind !== 'email' || user) return;
  const address = parsed.value;
  await ctx.db.transaction(async (tx) => {
    const key = `notice:reset-no-account:${address}`;
    if (!(await takeQuota(tx, organization.id, key, NO_ACCOUNT_NOTICE_WINDOW_MS, now))) return;
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address },
      locale: client.locale,
      template: 'password_reset_no_account',
      data: {
        organizationName: organization.name,
        address,
        supportEmail: organization.supportEmail,
        supportPhone: organization.supportPhone,
      },
    });
  });
}

async function auditRequest(
  tx: DbOrTx,
  organization: Organization,
  user: UserRow,
  via: 'email' | 'sms',
  client: ResetClient,
) {
  await recordAudit(tx, {
    organizationId: organization.id,
    actorId: null,
    subjectId: user.id,
    action: 'password.reset_requested',
    details: { via },
    ip: client.ip,
  });
}

/** GET /api/auth/password-reset/{token}: whose link it is, or 410 `link_invalid`. */
export async function checkResetLink(ctx: AppContext, organizationId: string, token: string) {
  const row = await findUsableUserToken(
    ctx.db,
    organizationId,
    PURPOSE,
    hashToken(token),
    new Date(),
  );
  const user = row ? await findUserById(ctx.db, row.userId) : null;
  if (!user) throw new AppError('link_invalid');
  return { login: loginOf(user) };
}

const accountLogins = (user: UserRow) => [user.email, user.phone, user.personalCode];

/**
 * Sets a new password from a reset link or an SMS code. The link or code is used in the same
 * transaction as the change, in one conditional UPDATE, so of two concurrent uses exactly one
 * succeeds. Every session of the account ends (the person signs in again), a sign-in lockout
 * is lifted (reset works while locked), and the change is audited.
 */
export async function confirmPasswordReset(
  ctx: AppContext,
  organization: Organization,
  request: z.infer<typeof ZPasswordResetConfirm>,
  client: { ip: string },
  now = new Date(),
): Promise<void> {
  if ('token' in request) {
    const tokenHash = hashToken(request.token);
    const row = await findUsableUserToken(ctx.db, organization.id, PURPOSE, tokenHash, now);
    const user = row ? await findUserById(ctx.db, row.userId) : null;
    if (!user) throw new AppError('link_invalid');
    assertNewPassword(request.newPassword, {
      minLength: organization.passwordMinLength,
      login: accountLogins(user),
    });
    const passwordHash = await hashPassword(request.newPassword);
    await ctx.db.transaction(async (tx) => {
      const claimed = await claimUserToken(tx, organization.id, PURPOSE, tokenHash, now);
      if (!claimed) throw new AppError('link_invalid');
      await finishReset(tx, organization, user, passwordHash, 'email', client.ip, now);
    });
    return;
  }
  const phone = normalizePhone(request.phone);
  if (!phone) throw new AppError('code_expired');
  const code = await checkSmsCode(ctx, {
    organizationId: organization.id,
    phone,
    purpose: 'password_reset',
    code: request.code,
    now,
  });
  const user = await findUserById(ctx.db, code.userId);
  if (!user) throw new AppError('code_expired');
  assertNewPassword(request.newPassword, {
    minLength: organization.passwordMinLength,
    login: accountLogins(user),
  });
  const passwordHash = await hashPassword(request.newPassword);
  await ctx.db.transaction(async (tx) => {
    if (!(await claimSmsCode(tx, code.id, now))) throw new AppError('code_expired');
    await finishReset(tx, organization, user, passwordHash, 'sms', client.ip, now);
  });
}

async function finishReset(
  tx: DbOrTx,
  organization: Organization,
  user: UserRow,
  passwordHash: string,
  via: 'email' | 'sms',
  ip: string,
  now: Date,
) {
  await updatePasswordHash(tx, user.id, passwordHash);
  await spendUserTokens(tx, user.id, PURPOSE, now);
  // A reset link proves the address as well as a verification link does. Completing a pending
  // self-registration here also takes the account back from anyone who registered the address
  // first with a password of their own.
  if (via === 'email' && (await spendUserTokens(tx, user.id, EMAIL_VERIFICATION_PURPOSE, now))) {
    await markAccessOpened(tx, user.id, now);
  }
  const endedSessions = await endUserSessions(tx, user.id, 'password_changed');
  await clearSignInLock(tx, organization.id, user.id);
  await recordAudit(tx, {
    organizationId: organization.id,
    actorId: null,
    subjectId: user.id,
    action: 'password.reset',
    details: { via, endedSessions },
    ip,
  });
}

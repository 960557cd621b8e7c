import type { RegisterRequest } from '../../../shared/contracts/account.js';
import type { Locale } from '../../../shared/errors.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import { requireCaptcha } from '../../infra/captcha.js';
import type { AppContext } from '../../infra/context.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import { markAccessOpened } from './account.repo.js';
import { recordAudit } from './audit.repo.js';
import { assertNewPassword } from './password-policy.js';
import {
  claimUserToken,
  EMAIL_VERIFICATION_PURPOSE,
  insertUserToken,
  spendUserTokens,
  takeQuota,
} from './password-reset.repo.js';
import { hashPassword } from './passwords.js';
import { localeOf } from './password-reset.service.js';
import { generateToken, hashToken } from './tokens.js';
import { findUserByEmail, findUserById, insertUser } from './users.repo.js';

const EMAIL_VERIFICATION = EMAIL_VERIFICATION_PURPOSE;
const VERIFICATION_TTL_HOURS = 24;
// One "you already have an account" email per address per hour (no mailbox flooding).
const EXISTS_NOTICE_WINDOW_MS = 3600_000;

/**
 * Self-registration, when the organization allows it (`registration_closed` otherwise): after the
 * captcha and the password policy, a new account waits for its address to be confirmed (access
 * opens then). If the address already has an account, that address gets a notice instead. The
 * caller answers 202 either way, after the same work (the password is hashed in both cases).
 */
export async function register(
  ctx: AppContext,
  organization: Organization,
  request: RegisterRequest,
  client: { ip: string; locale: Locale },
  now = new Date(),
): Promise<void> {
  if (!organization.selfRegistration) throw new AppError('registration_closed');
  await requireCaptcha(ctx, request.captcha);
  const email = normalizeEmail(request.email);
  assertNewPassword(request.password, { minLength: organization.passwordMinLength, login: email });
  const passwordHash = await hashPassword(request.password);
  await ctx.db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      organizationId: organization.id,
      email,
      displayName: request.displayName,
      passwordHash,
      staffRole: null,
      locale: client.locale,
    });
    if (!user) {
      const existing = await findUserByEmail(tx, organization.id, email);
      const key = `notice:registration-exists:${email}`;
      if (!existing || !(await takeQuota(tx, organization.id, key, EXISTS_NOTICE_WINDOW_MS, now))) {
        return;
      }
      await enqueueEmail(ctx, tx, {
        organizationId: organization.id,
        to: { address: email, name: existing.displayName },
        locale: localeOf(existing),
        template: 'registration_exists',
        data: {
          displayName: existing.displayName,
          organizationName: organization.name,
          resetUrl: `${ctx.config.publicUrl}/forgot-password`,
        },
      });
      return;
    }
    const token = generateToken();
    await insertUserToken(tx, {
      organizationId: organization.id,
      userId: user.id,
      purpose: EMAIL_VERIFICATION,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + VERIFICATION_TTL_HOURS * 3600_000),
    });
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: email, name: user.displayName },
      locale: client.locale,
      template: 'registration_confirm',
      data: {
        displayName: user.displayName,
        organizationName: organization.name,
        confirmUrl: `${ctx.config.publicUrl}/confirm-registration?token=${token}`,
        hours: VERIFICATION_TTL_HOURS,
      },
    });
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: null,
      subjectId: user.id,
      action: 'account.registered',
      ip: client.ip,
    });
  });
}

/** Confirms a self-registration from the emailed link: access opens; the person then signs in. */
export async function confirmRegistration(
  ctx: AppContext,
  organization: Organization,
  token: string,
  client: { ip: string },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const claimed = await claimUserToken(
      tx,
      organization.id,
      EMAIL_VERIFICATION,
      hashToken(token),
      now,
    );
    const user = claimed ? await findUserById(tx, claimed.userId) : null;
    if (!user?.email) throw new AppError('link_invalid');
    await spendUserTokens(tx, user.id, EMAIL_VERIFICATION, now);
    await markAccessOpened(tx, user.id, now);
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: null,
      subjectId: user.id,
      action: 'account.email_verified',
      ip: client.ip,
    });
    return { login: user.email };
  });
}

import { z } from 'zod';
import type {
  ChangeEmailRequest,
  ChangePasswordRequest,
  ChangePhoneRequest,
  ConfirmPhoneRequest,
  SignInHistoryEntry,
} from '../../../shared/contracts/account.js';
import type { Locale } from '../../../shared/errors.js';
import { normalizePhone } from '../../../shared/login.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import { contactTaken, listSignInEvents, updateOwnAccount } from './account.repo.js';
import { recordAudit } from './audit.repo.js';
import { describeDevice } from './device.js';
import { assertNewPassword } from './password-policy.js';
import {
  claimSmsCode,
  claimUserToken,
  insertUserToken,
  spendUserTokens,
} from './password-reset.repo.js';
import { localeOf } from './password-reset.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endUserSessions } from './sessions.repo.js';
import { checkSmsCode, issueSmsCode } from './sms-codes.service.js';
import { generateToken, hashToken } from './tokens.js';
import { findUserById, updatePasswordHash, type UserRow } from './users.repo.js';

const EMAIL_CHANGE = 'email_change';
const EMAIL_CHANGE_TTL_HOURS = 24;

/** Who acts: the signed-in account, its session and where the request came from. */
export interface AccountActor {
  userId: string;
  sessionId: string | null;
  ip: string;
}

/**
 * The signed-in account, re-authenticated by its current password (sensitive changes: password,
 * email, phone). A wrong password is 403 `invalid_current_password`.
 */
async function reauthenticate(
  ctx: AppContext,
  organization: Organization,
  actor: AccountActor,
  currentPassword: string,
): Promise<UserRow> {
  const user = await findUserById(ctx.db, actor.userId);
  if (user?.organizationId !== organization.id) throw new AppError('unauthenticated');
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('invalid_current_password');
  }
  return user;
}

const audit = (organization: Organization, actor: AccountActor) => ({
  organizationId: organization.id,
  actorId: null,
  subjectId: actor.userId,
  ip: actor.ip,
});

/** Changes the password; with `signOutOtherDevices` every other session ends (this one stays). */
export async function changePassword(
  ctx: AppContext,
  organization: Organization,
  actor: AccountActor,
  request: ChangePasswordRequest,
) {
  const user = await reauthenticate(ctx, organization, actor, request.currentPassword);
  assertNewPassword(request.newPassword, {
    minLength: organization.passwordMinLength,
    login: [user.email, user.phone, user.personalCode],
  });
  const passwordHash = await hashPassword(request.newPassword);
  return ctx.db.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    const signedOutSessions = request.signOutOtherDevices
      ? await endUserSessions(tx, user.id, 'password_changed', actor.sessionId ?? undefined)
      : 0;
    await recordAudit(tx, {
      ...audit(organization, actor),
      action: 'password.changed',
      details: { signedOutSessions },
    });
    return { signedOutSessions };
  });
}

/**
 * Asks to change the sign-in email: a single-use link (24 h) to the new address and a notice to
 * the old one. Nothing changes until the link is opened.
 */
export async function requestEmailChange(
  ctx: AppContext,
  organization: Organization,
  actor: AccountActor,
  request: ChangeEmailRequest,
) {
  const user = await reauthenticate(ctx, organization, actor, request.currentPassword);
  const email = normalizeEmail(request.newEmail);
  if (email === user.email) return { sentTo: email };
  if (await contactTaken(ctx.db, organization.id, { email }, user.id)) {
    throw new AppError('email_taken');
  }
  const token = generateToken();
  const locale = localeOf(user);
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    // Only the newest request counts: an older link to another address stops working.
    await spendUserTokens(tx, user.id, EMAIL_CHANGE, now);
    await insertUserToken(tx, {
      organizationId: organization.id,
      userId: user.id,
      purpose: EMAIL_CHANGE,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * 3600_000),
      data: { email },
    });
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: email, name: user.displayName },
      locale,
      template: 'email_change_confirm',
      data: {
        displayName: user.displayName,
        organizationName: organization.name,
        confirmUrl: `${ctx.config.publicUrl}/confirm-email?token=${token}`,
        hours: EMAIL_CHANGE_TTL_HOURS,
      },
    });
    if (user.email) {
      await enqueueEmail(ctx, tx, {
        organizationId: organization.id,
        to: { address: user.email, name: user.displayName },
        locale,
        template: 'email_change_notice',
        data: {
          displayName: user.displayName,
          organizationName: organization.name,
          newAddress: email,
        },
      });
    }
    await recordAudit(tx, {
      ...audit(organization, actor),
      action: 'email.change_requested',
      details: { from: user.email, to: email },
    });
  });
  return { sentTo: email };
}

const ZEmailChangeData = z.object({ email: z.string() });

/**
 * Confirms an email change from the link (no sign-in needed: the link is the proof). The account
 * keeps its id, so tickets, students and history stay with it. Reset links sent to the old
 * address stop working.
 */
export async function confirmEmailChange(
  ctx: AppContext,
  organization: Organization,
  token: string,
  client: { ip: string },
) {
  const now = new Date();
  return ctx.db.transaction(async (tx) => {
    const claimed = await claimUserToken(tx, organization.id, EMAIL_CHANGE, hashToken(token), now);
    const data = ZEmailChangeData.safeParse(claimed?.data);
    if (!claimed || !data.success) throw new AppError('link_invalid');
    const user = await findUserById(tx, claimed.userId);
    if (!user) throw new AppError('link_invalid');
    const { email } = data.data;
    if (await contactTaken(tx, organization.id, { email }, user.id)) {
      throw new AppError('email_taken');
    }
    await updateOwnAccount(tx, user.id, { email });
    await spendUserTokens(tx, user.id, 'password_reset', now);
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: null,
      subjectId: user.id,
      action: 'email.changed',
      details: { from: user.email, to: email },
      ip: client.ip,
    });
    return { email };
  });
}

/** Asks to change the phone: a 6-digit code goes by SMS to the new number. */
export async function requestPhoneChange(
  ctx: AppContext,
  organization: Organization,
  actor: AccountActor,
  request: ChangePhoneRequest,
) {
  const user = await reauthenticate(ctx, organization, actor, request.currentPassword);
  const phone = normalizePhone(request.newPhone);
  if (!phone) {
    throw new AppError('validation_failed', [{ path: ['newPhone'], code: 'invalid_phone' }]);
  }
  if (await contactTaken(ctx.db, organization.id, { phone }, user.id)) {
    throw new AppError('phone_taken');
  }
  await ctx.db.transaction(async (tx) => {
    const issued = await issueSmsCode(ctx, tx, {
      organizationId: organization.id,
      userId: user.id,
      phone,
      purpose: 'phone_change',
      locale: localeOf(user),
      now: new Date(),
    });
    if (!issued.sent) {
      throw new AppError('rate_limited', { retryAfterSeconds: issued.retryAfterSeconds });
    }
    await recordAudit(tx, {
      ...audit(organization, actor),
      action: 'phone.change_requested',
      details: { to: phone },
    });
  });
  return { sentTo: phone };
}

/** Confirms the new phone with the SMS code; 400 `code_invalid`, 410 `code_expired`. */
export async function confirmPhoneChange(
  ctx: AppContext,
  organization: Organization,
  actor: AccountActor,
  request: ConfirmPhoneRequest,
) {
  const phone = normalizePhone(request.phone);
  if (!phone) throw new AppError('code_expired');
  const now = new Date();
  const code = await checkSmsCode(ctx, {
    organizationId: organization.id,
    phone,
    purpose: 'phone_change',
    code: request.code,
    now,
  });
  if (code.userId !== actor.userId) throw new AppError('code_expired');
  return ctx.db.transaction(async (tx) => {
    if (!(await claimSmsCode(tx, code.id, now))) throw new AppError('code_expired');
    if (await contactTaken(tx, organization.id, { phone }, actor.userId)) {
      throw new AppError('phone_taken');
    }
    const before = await findUserById(tx, actor.userId);
    await updateOwnAccount(tx, actor.userId, { phone });
    await recordAudit(tx, {
      ...audit(organization, actor),
      action: 'phone.changed',
      details: { from: before?.phone ?? null, to: phone },
    });
    return { phone };
  });
}

/** Sets the language of the interface and of the account's emails and SMS. */
export async function setLocale(
  ctx: AppContext,
  organization: Organization,
  actor: AccountActor,
  locale: Locale,
) {
  await ctx.db.transaction(async (tx) => {
    await updateOwnAccount(tx, actor.userId, { locale });
    await recordAudit(tx, {
      ...audit(organization, actor),
      action: 'locale.changed',
      details: { locale },
    });
  });
  return { locale };
}

/** The account's sign-in history, newest first (time, result, address, device). */
export async function listSignInHistory(
  ctx: AppContext,
  userId: string,
  limit: number,
): Promise<SignInHistoryEntry[]> {
  const events = await listSignInEvents(ctx.db, userId, limit);
  return events.map((event) => ({
    id: event.id,
    at: event.createdAt.toISOString(),
    result: event.result,
    ip: event.ip,
    device: describeDevice(event.userAgent),
  }));
}

import { timingSafeEqual } from 'node:crypto';
import {
  formatRecoveryNumber,
  parseRecoveryNumber,
  type RecoveryPublicStatus,
} from '../../../shared/contracts/recovery.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { claimSmsCode, verifySmsCode } from '../access/index.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import { generateSecret, hashSecret, recoveryUrls } from './recovery-links.js';
import { channelOf, localeOf, sendRecoveryCode, tellRecoveryReceived } from './recovery-notify.js';
import {
  claimRecoveryConfirmation,
  claimRecoveryPhoneConfirmation,
  findRecoveryByConfirmToken,
  findRecoveryByNumber,
  replaceRecoveryConfirmToken,
  type RecoveryRequestRow,
} from './recovery.repo.js';
import { RECOVERY_CONFIRM_TTL_MS } from './submit.service.js';

/** What the person may see of their request. */
export function presentPublicStatus(row: RecoveryRequestRow, now: Date): RecoveryPublicStatus {
  return {
    number: formatRecoveryNumber(row.number),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmationExpired: row.status === 'unconfirmed' && row.confirmExpiresAt <= now,
    confirmationChannel: channelOf(row),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    rejectReason: row.status === 'rejected' ? row.rejectReason : null,
  };
}

/**
 * The request with this number whose status secret matches, or 404 `not_found` either way, so
 * numbers (which are sequential) cannot be probed for existence.
 */
async function findWithSecret(
  ctx: AppContext,
  organization: Organization,
  number: string,
  secret: string,
) {
  const value = parseRecoveryNumber(number);
  const row = value === null ? null : await findRecoveryByNumber(ctx.db, organization.id, value);
  const given = Buffer.from(hashSecret(secret));
  const expected = Buffer.from(row?.statusSecretHash ?? hashSecret(''));
  if (!row || !timingSafeEqual(given, expected)) throw new AppError('not_found');
  return row;
}

/** GET /api/recovery-requests/{number}?secret=… */
export async function getRecoveryStatus(
  ctx: AppContext,
  organization: Organization,
  number: string,
  secret: string,
  now = new Date(),
): Promise<RecoveryPublicStatus> {
  return presentPublicStatus(await findWithSecret(ctx, organization, number, secret), now);
}

/**
 * The confirmation link: the request goes to the staff queue and the person gets a
 * "received" email. Single use; an expired link is 410 `link_invalid` with
 * `details.reason: 'expired'` and the number, so the page can offer a new link.
 */
export async function confirmRecoveryRequest(
  ctx: AppContext,
  organization: Organization,
  token: string,
  now = new Date(),
): Promise<RecoveryPublicStatus> {
  const tokenHash = hashSecret(token);
  const confirmed = await ctx.db.transaction(async (tx) => {
    const row = await claimRecoveryConfirmation(tx, organization.id, tokenHash, now);
    if (!row) return null;
    await tellRecoveryReceived(ctx, tx, organization, row);
    return row;
  });
  if (confirmed) return presentPublicStatus(confirmed, now);
  const stale = await findRecoveryByConfirmToken(ctx.db, organization.id, tokenHash);
  if (stale?.status === 'unconfirmed')
    throw new AppError('link_invalid', {
      reason: 'expired',
      number: formatRecoveryNumber(stale.number),
    });
  throw new AppError('link_invalid');
}

/**
 * POST /api/recovery-requests/{number}/confirm-phone: the SMS code of a request that has only a
 * new phone. The code's try is spent first (at most 5); a match confirms the request and spends
 * the code in one transaction, so the request goes to staff once. 400 `code_invalid` for a wrong
 * code; 410 `code_expired` when the code expired, was used or replaced, its tries ran out, or the
 * request is no longer waiting for confirmation; 409 `invalid_state` for a request confirmed
 * by email link.
 */
export async function confirmRecoveryByPhone(
  ctx: AppContext,
  organization: Organization,
  number: string,
  request: { secret: string; code: string },
  now = new Date(),
): Promise<RecoveryPublicStatus> {
  const row = await findWithSecret(ctx, organization, number, request.secret);
  if (row.newEmail !== null || !row.newPhone) throw new AppError('invalid_state');
  if (row.status !== 'unconfirmed' || row.confirmExpiresAt <= now)
    throw new AppError('code_expired');
  const code = await verifySmsCode(ctx, {
    organizationId: organization.id,
    phone: row.newPhone,
    purpose: 'recovery_confirm',
    code: request.code,
    now,
  });
  const confirmed = await ctx.db.transaction(async (tx) => {
    if (!(await claimSmsCode(tx, code.id, now))) throw new AppError('code_expired');
    const claimed = await claimRecoveryPhoneConfirmation(tx, organization.id, row.id, now);
    if (!claimed) throw new AppError('code_expired');
    await tellRecoveryReceived(ctx, tx, organization, claimed);
    return claimed;
  });
  return presentPublicStatus(confirmed, now);
}

/**
 * POST /api/recovery-requests/{number}/resend-confirmation: a new 24-hour link to the new
 * address (the old link stops working), or for a phone-only request a new SMS code (older codes
 * stop working; 429 `rate_limited` when the phone had too many codes lately). Only while the
 * request is unconfirmed.
 */
export async function resendRecoveryConfirmation(
  ctx: AppContext,
  organization: Organization,
  number: string,
  secret: string,
  now = new Date(),
): Promise<{ confirmationExpiresAt: string }> {
  const row = await findWithSecret(ctx, organization, number, secret);
  if (row.status !== 'unconfirmed') throw new AppError('invalid_state');
  const expiresAt = new Date(now.getTime() + RECOVERY_CONFIRM_TTL_MS);
  const { newEmail, newPhone } = row;
  if (!newEmail) {
    if (!newPhone) throw new AppError('invalid_state');
    await ctx.db.transaction(async (tx) => {
      if (!(await replaceRecoveryConfirmToken(tx, row.id, null, expiresAt)))
        throw new AppError('invalid_state');
      await sendRecoveryCode(ctx, tx, {
        organizationId: organization.id,
        phone: newPhone,
        locale: localeOf(row),
        now,
      });
    });
    return { confirmationExpiresAt: expiresAt.toISOString() };
  }
  const token = generateSecret();
  await ctx.db.transaction(async (tx) => {
    if (!(await replaceRecoveryConfirmToken(tx, row.id, hashSecret(token), expiresAt)))
      throw new AppError('invalid_state');
    const urls = recoveryUrls(ctx, formatRecoveryNumber(row.number), secret, token);
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: newEmail, name: row.fullName },
      locale: localeOf(row),
      template: 'recovery_confirm',
      data: {
        fullName: row.fullName,
        organizationName: organization.name,
        number: formatRecoveryNumber(row.number),
        confirmUrl: urls.confirmUrl,
        statusUrl: urls.statusUrl,
        hours: RECOVERY_CONFIRM_TTL_MS / 3600_000,
      },
    });
  });
  return { confirmationExpiresAt: expiresAt.toISOString() };
}

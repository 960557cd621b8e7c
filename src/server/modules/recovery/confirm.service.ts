import { timingSafeEqual } from 'node:crypto';
import {
  formatRecoveryNumber,
  parseRecoveryNumber,
  type RecoveryPublicStatus,
} from '../../../shared/contracts/recovery.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import { generateSecret, hashSecret, recoveryUrls } from './recovery-links.js';
import {
  claimRecoveryConfirmation,
  findRecoveryByConfirmToken,
  findRecoveryByNumber,
  replaceRecoveryConfirmToken,
  type RecoveryRequestRow,
} from './recovery.repo.js';
import { RECOVERY_CONFIRM_TTL_MS } from './submit.service.js';

const localeOf = (row: RecoveryRequestRow): Locale => (row.locale === 'en' ? 'en' : 'ru');

/** What the person may see of their request. */
export function presentPublicStatus(row: RecoveryRequestRow, now: Date): RecoveryPublicStatus {
  return {
    number: formatRecoveryNumber(row.number),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmationExpired: row.status === 'unconfirmed' && row.confirmExpiresAt <= now,
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
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: row.newEmail, name: row.fullName },
      locale: localeOf(row),
      template: 'recovery_received',
      data: {
        fullName: row.fullName,
        organizationName: organization.name,
        // No status link: its secret is stored only hashed (the first email carries it).
        number: formatRecoveryNumber(row.number),
      },
    });
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
 * POST /api/recovery-requests/{number}/resend-confirmation: a new 24-hour link to the new
 * address (the old link stops working). Only while the request is unconfirmed.
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
  const token = generateSecret();
  const expiresAt = new Date(now.getTime() + RECOVERY_CONFIRM_TTL_MS);
  await ctx.db.transaction(async (tx) => {
    if (!(await replaceRecoveryConfirmToken(tx, row.id, hashSecret(token), expiresAt)))
      throw new AppError('invalid_state');
    const urls = recoveryUrls(ctx, formatRecoveryNumber(row.number), secret, token);
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: row.newEmail, name: row.fullName },
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

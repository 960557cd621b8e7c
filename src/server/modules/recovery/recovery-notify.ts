import {
  formatRecoveryNumber,
  type RecoveryConfirmationChannel,
} from '../../../shared/contracts/recovery.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { issueSmsCode } from '../access/index.js';
import { enqueueEmail } from '../notify/index.js';
import { enqueueSms } from '../notify/sms/index.js';
import type { Organization } from '../orgs/index.js';
import type { RecoveryRequestRow } from './recovery.repo.js';

// How a request reaches the person: by its new email when it has one, otherwise by SMS to its
// new phone (the form takes "a new email and/or phone"). Every status message goes the way the
// request was confirmed.

/** `email` when the request has a new email, `sms` when it has only a new phone. */
export const channelOf = (
  row: Pick<RecoveryRequestRow, 'newEmail'>,
): RecoveryConfirmationChannel => (row.newEmail ? 'email' : 'sms');

/** The language the person filled the form in. */
export const localeOf = (row: Pick<RecoveryRequestRow, 'locale'>): Locale =>
  row.locale === 'en' ? 'en' : 'ru';

/**
 * Sends a 6-digit code to the new phone of a phone-only request, in `tx`. The code belongs to no
 * account (it proves only that the phone is the person's) and shares the access module's
 * limits: 10 minutes, 5 tries, 3 codes an hour and one a minute per phone. Too many codes lately
 * is 429 `rate_limited` with `details.retryAfterSeconds`, so nothing is stored.
 */
export async function sendRecoveryCode(
  ctx: AppContext,
  tx: DbOrTx,
  options: { organizationId: string; phone: string; locale: Locale; now: Date },
): Promise<void> {
  const issued = await issueSmsCode(ctx, tx, {
    organizationId: options.organizationId,
    userId: null,
    phone: options.phone,
    purpose: 'recovery_confirm',
    locale: options.locale,
    now: options.now,
  });
  if (!issued.sent) {
    throw new AppError('rate_limited', { retryAfterSeconds: issued.retryAfterSeconds });
  }
}

/** Tells the person their confirmed request went to staff (email, or SMS), in `tx`. */
export async function tellRecoveryReceived(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  row: RecoveryRequestRow,
): Promise<void> {
  const number = formatRecoveryNumber(row.number);
  if (row.newEmail) {
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: row.newEmail, name: row.fullName },
      locale: localeOf(row),
      template: 'recovery_received',
      // No status link: its secret is stored only hashed (the first message carries it).
      data: { fullName: row.fullName, organizationName: organization.name, number },
    });
  } else if (row.newPhone) {
    await enqueueSms(ctx, tx, {
      organizationId: organization.id,
      to: row.newPhone,
      locale: localeOf(row),
      template: 'recovery_received',
      data: { number },
    });
  }
}

/** Tells the person their request was rejected and why (email, or SMS), in `tx`. */
export async function tellRecoveryRejected(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  row: RecoveryRequestRow,
  reason: string,
): Promise<void> {
  const number = formatRecoveryNumber(row.number);
  if (row.newEmail) {
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: row.newEmail, name: row.fullName },
      locale: localeOf(row),
      template: 'recovery_rejected',
      data: { fullName: row.fullName, organizationName: organization.name, number, reason },
    });
  } else if (row.newPhone) {
    await enqueueSms(ctx, tx, {
      organizationId: organization.id,
      to: row.newPhone,
      locale: localeOf(row),
      template: 'recovery_rejected',
      data: { number, reason },
    });
  }
}

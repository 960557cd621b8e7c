import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../infra/context.js';
import type { DbOrTx } from '../../../infra/db.js';
import { paymentAttempts } from '../../../schema.js';
import { enqueueEmail } from '../../notify/index.js';
import { formatDateTime, money, paidWithText } from './receipt-format.js';
import { findReceipt } from './receipt.repo.js';
import { receiptPath } from './receipts.routes.js';

/**
 * Writes the receipt email of a succeeded payment to the outbox, in `tx` (ru/en by the payer's
 * language, else the organization's): organization, number, date and time in the organization's
 * time zone, what was paid for, the amount, how, and a link to the printable receipt.
 *
 * Idempotency is the caller's: call it only in the once-only transaction that applies the
 * succeeded payment (the one that sets `applied_at` under the attempt's row lock), after the
 * status is `succeeded` in that transaction. A retried apply finds `applied_at` set and never
 * gets here again, so there is one email per payment.
 *
 * Returns the outbox message id, or null when there is nobody to send it to (no email).
 */
export async function enqueuePaymentReceipt(
  ctx: AppContext,
  tx: DbOrTx,
  attemptId: string,
): Promise<string | null> {
  const [attempt] = await tx
    .select({ organizationId: paymentAttempts.organizationId })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, attemptId));
  const record = attempt ? await findReceipt(tx, attempt.organizationId, attemptId) : null;
  if (!attempt || !record) throw new Error(`payment attempt ${attemptId} not found`);
  if (record.status !== 'succeeded') {
    throw new Error(`payment attempt ${attemptId} has not succeeded (${record.status})`);
  }
  const receipt = record.view;
  if (!receipt.payerEmail) return null;
  const locale = receipt.payerLocale ?? 'ru';
  const message = await enqueueEmail(ctx, tx, {
    organizationId: attempt.organizationId,
    to: { address: receipt.payerEmail, name: receipt.payerName },
    locale,
    template: 'payment_receipt',
    data: {
      displayName: receipt.payerName,
      organizationName: receipt.organization.name,
      number: receipt.number,
      paidAt: formatDateTime(receipt.paidAt, locale, receipt.organization.timezone),
      description: receipt.description,
      amount: money(receipt.amountKopecks, locale),
      paidWith: paidWithText(receipt, locale),
      receiptUrl: `${ctx.config.publicUrl}${receiptPath(receipt.id, 'html')}?lang=${locale}`,
    },
  });
  return message.id;
}

import type { AppContext } from '../../infra/context.js';
import type { Tx } from '../../infra/db.js';
import { notifyPerson } from '../notify/push/index.js';
import type { AttemptRow } from './payment-attempts.repo.js';
import { DECLINE_GUIDANCE, declineCodeOf } from './payment-decline.js';
import { enqueuePaymentReceipt } from './receipts/index.js';

/** The return page of a payment: where the notification leads. */
export const paymentPagePath = (attemptId: string) => `/payments/${attemptId}`;

/** Push topics are at most 32 characters: a payment's results replace each other. */
const topicOf = (attemptId: string) => `pay-${attemptId.replaceAll('-', '').slice(0, 28)}`;

/**
 * Tells the payer the money arrived: the receipt email (outbox) and a push notification, in the
 * transaction that applied the money, so they exist exactly when it did. Called once per
 * payment: only where `applied_at` is set under the attempt's lock.
 */
export async function announceSucceeded(ctx: AppContext, tx: Tx, attempt: AttemptRow) {
  await enqueuePaymentReceipt(ctx, tx, attempt.id);
  if (!attempt.payerId) return;
  await notifyPerson(ctx, tx, {
    organizationId: attempt.organizationId,
    userId: attempt.payerId,
    type: 'payment_succeeded',
    dedupeKey: `payment_succeeded:${attempt.id}`,
    topic: topicOf(attempt.id),
    params: { amountKopecks: attempt.amountKopecks, description: attempt.description },
    url: paymentPagePath(attempt.id),
  });
}

/** Tells the payer the payment was declined and what to do (once: the dedupe key). */
export async function announceDeclined(ctx: AppContext, tx: Tx, attempt: AttemptRow) {
  if (!attempt.payerId) return;
  await notifyPerson(ctx, tx, {
    organizationId: attempt.organizationId,
    userId: attempt.payerId,
    type: 'payment_declined',
    dedupeKey: `payment_declined:${attempt.id}`,
    topic: topicOf(attempt.id),
    params: {
      amountKopecks: attempt.amountKopecks,
      description: attempt.description,
      guidance: DECLINE_GUIDANCE[declineCodeOf(attempt.cancellationReason)],
    },
    url: paymentPagePath(attempt.id),
  });
}

import { eq } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import type { Tx } from '../../infra/db.js';
import { subscriptions } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { rechargeSubscriptionScope } from './charging.service.js';
import { freeBalanceOf } from './free-balance.js';
import { appendLedgerEntry, findLedgerEntryByKey, type LedgerEntryRow } from './ledger.repo.js';
import { lockSubscription } from './freeze.service.js';
import { ledgerKey } from './money-support.js';
import type { PaymentMethod } from './sales.service.js';
import { allocatePayment, findSubscription, type SubscriptionRow } from './subscriptions.repo.js';

/** Options of `cancelSale`. */
export interface CancelSaleOptions {
  organizationId: string;
  subscriptionId: string;
  /**
   * Return the money paid for it now, by this method. Without it the money stays on the
   * balance as free money, ready for the next purchase (the usual case: a wrong type was sold).
   */
  refund?: { method: PaymentMethod } | null;
  comment?: string | null;
  actorId: string | null;
  idempotencyKey: string;
  now?: Date;
}

/** What a cancellation did. */
export interface CancelSaleResult {
  subscription: SubscriptionRow;
  /** The refund entry, when money was returned. */
  refund: LedgerEntryRow | null;
}

/**
 * Cancels a sale, in the caller's transaction: the subscription ends now (`cancelled`), every
 * visit charged to it is re-run by the charging rules (its charges are reversed; the visits go to
 * another eligible subscription or into debt), and its paid money either stays on the balance or,
 * with `refund`, is returned — at most what it holds after the re-run and what is free on the
 * balance. Cancelling a cancelled sale again returns it unchanged.
 */
export async function cancelSale(tx: Tx, options: CancelSaleOptions): Promise<CancelSaleResult> {
  const { organizationId, subscriptionId, actorId } = options;
  const current = await lockSubscription(tx, organizationId, subscriptionId);
  const key = ledgerKey('cancel', options.idempotencyKey);
  if (current.endReason === 'cancelled') {
    return {
      subscription: current,
      refund: (await findLedgerEntryByKey(tx, organizationId, key)) ?? null,
    };
  }
  if (current.endedAt) throw new AppError('subscription_ended');

  await tx
    .update(subscriptions)
    .set({ endedAt: options.now ?? new Date(), endReason: 'cancelled' })
    .where(eq(subscriptions.id, subscriptionId));
  await rechargeSubscriptionScope(tx, {
    organizationId,
    subscriptionId,
    reason: 'subscription_changed',
    actorId,
  });

  let refund: LedgerEntryRow | null = null;
  const afterRerun = await findSubscription(tx, organizationId, subscriptionId);
  if (!afterRerun) throw new Error('cancelled subscription vanished');
  if (options.refund) {
    const amount = Math.min(
      afterRerun.paidKopecks - afterRerun.chargedKopecks,
      await freeBalanceOf(tx, afterRerun.studentId),
    );
    if (amount > 0) {
      refund = await appendLedgerEntry(tx, {
        organizationId,
        studentId: afterRerun.studentId,
        kind: 'refund',
        amountKopecks: -amount,
        subscriptionId,
        paymentMethod: options.refund.method,
        comment: options.comment ?? null,
        createdBy: actorId,
        idempotencyKey: key,
      });
      await allocatePayment(tx, {
        organizationId,
        studentId: afterRerun.studentId,
        target: { subscriptionId },
        amountKopecks: -amount,
        ledgerEntryId: refund.id,
        actorId,
      });
    }
  }
  await recordAudit(tx, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'billing.subscription.cancelled',
    details: {
      studentId: current.studentId,
      subscriptionId,
      number: current.number,
      refundedKopecks: refund ? -refund.amountKopecks : 0,
      comment: options.comment ?? null,
    },
  });
  const subscription = await findSubscription(tx, organizationId, subscriptionId);
  if (!subscription) throw new Error('cancelled subscription vanished');
  return { subscription, refund };
}

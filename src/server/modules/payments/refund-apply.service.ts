import { sql } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { rowsOf, type Tx } from '../../infra/db.js';
import { refundMoney } from '../billing/index.js';
import {
  lockAttempt,
  recordPaymentEvent,
  updateAttempt,
  type AttemptRow,
} from './payment-attempts.repo.js';
import type { Observation } from './payment-apply.service.js';
import {
  findRefundById,
  lockRefund,
  updateRefund,
  type NewRefund,
  type RefundRow,
} from './payment-refunds.repo.js';
import { forwardRefundStatus } from './payment-status.js';
import type { ProviderRefund } from './providers/provider.js';

/** The subscription an applied payment paid into (a sale or a remaining-amount payment). */
async function paidSubscriptionOf(tx: Tx, attempt: AttemptRow): Promise<string | null> {
  if (!attempt.ledgerEntryId || attempt.appliedAs !== 'purpose') return null;
  const [row] = await rowsOf<{ subscriptionId: string | null }>(
    tx,
    sql`select subscription_id as "subscriptionId" from ledger_entries
        where id = ${attempt.ledgerEntryId}`,
  );
  return row?.subscriptionId ?? null;
}

/**
 * The refund's movement in billing (`refund`, − amount): out of the subscription the payment
 * paid for (its paid, uncharged part), otherwise out of the free balance — billing's own rules,
 * so a refund never returns money already spent on lessons. Course access has no ledger.
 * Returns the entry id, or null when there is no ledger to move.
 */
export async function refundInLedger(
  tx: Tx,
  attempt: AttemptRow,
  refund: Pick<RefundRow, 'id' | 'amountKopecks' | 'reason' | 'createdBy'>,
): Promise<string | null> {
  if (attempt.purpose === 'course_access' || !attempt.studentId) return null;
  const base = {
    organizationId: attempt.organizationId,
    studentId: attempt.studentId,
    amountKopecks: refund.amountKopecks,
    method: 'online' as const,
    comment: `Возврат по онлайн-платежу №${attempt.number}: ${refund.reason}`,
    actorId: refund.createdBy,
    idempotencyKey: `online:${refund.id}`,
  };
  const subscriptionId = await paidSubscriptionOf(tx, attempt);
  if (subscriptionId) {
    try {
      // A savepoint: a refusal leaves nothing behind before the balance is tried.
      const entry = await tx.transaction((savepoint) =>
        refundMoney(savepoint, { ...base, source: { subscriptionId } }),
      );
      return entry.id;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  const entry = await refundMoney(tx, { ...base, source: 'balance' });
  return entry.id;
}

/**
 * Applies what the provider's API says about a refund — like payments: under the payment's and
 * then the refund's row lock, only forward, and a `succeeded` refund moves billing once
 * (`applied_at`) and adds to the payment's `refunded_kopecks`.
 */
export async function applyProviderRefund(
  ctx: AppContext,
  refundId: string,
  observed: ProviderRefund,
  observation: Observation,
): Promise<RefundRow> {
  const now = observation.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const unlocked = await findRefundById(tx, refundId);
    if (!unlocked) throw new AppError('not_found');
    const attempt = await lockAttempt(tx, unlocked.paymentId);
    const refund = await lockRefund(tx, refundId);
    if (!attempt || !refund) throw new AppError('not_found');
    const event = {
      organizationId: refund.organizationId,
      paymentId: attempt.id,
      refundId: refund.id,
      provider: attempt.provider,
      source: observation.source,
      event: observation.event ?? `refund.${observed.status}`,
      sourceIp: observation.sourceIp ?? null,
      fromStatus: refund.status,
      body: observation.body ?? observed.raw ?? null,
    };
    const matches =
      (refund.providerRefundId === null || refund.providerRefundId === observed.id) &&
      observed.amountKopecks === refund.amountKopecks &&
      observed.paymentId === attempt.providerPaymentId;
    if (!matches) {
      await recordPaymentEvent(tx, { ...event, outcome: 'mismatch', toStatus: observed.status });
      return refund;
    }
    const status = forwardRefundStatus(refund.status, observed.status);
    const changes: Partial<NewRefund> = { providerRefundId: observed.id };
    if (status !== refund.status) changes.status = status;
    if (status === 'canceled') {
      changes.cancellationReason = observed.cancellation?.reason ?? 'unknown';
      changes.nextCheckAt = null;
    }
    let outcome = status !== refund.status ? 'advanced' : 'unchanged';
    if (status === 'succeeded' && !refund.appliedAt) {
      changes.ledgerEntryId = await refundInLedger(tx, attempt, refund);
      changes.appliedAt = now;
      changes.nextCheckAt = null;
      await updateAttempt(tx, attempt.id, {
        refundedKopecks: attempt.refundedKopecks + refund.amountKopecks,
      });
      outcome = 'applied';
    }
    const updated = await updateRefund(tx, refund.id, changes);
    await recordPaymentEvent(tx, { ...event, outcome, toStatus: updated.status });
    return updated;
  });
}

import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { lockAttempt, recordPaymentEvent, type AttemptRow } from './payment-attempts.repo.js';
import type { Observation } from './payment-apply.service.js';
import {
  findRefundByClientKey,
  insertRefund,
  refundsInFlightOrDone,
  updateRefund,
  type RefundRow,
} from './payment-refunds.repo.js';
import { receiptOf } from './payment-submit.js';
import { ProviderUnavailableError } from './providers/provider.js';
import { paymentProvider, type ProviderName } from './providers/registry.js';
import { applyProviderRefund, refundInLedger } from './refund-apply.service.js';

/** Options of `requestRefund`. */
export interface RequestRefundOptions {
  organizationId: string;
  /** The payment attempt's id. */
  paymentId: string;
  amountKopecks: number;
  /** Staff's words; on the ledger entry and in the provider's refund description. */
  reason: string;
  /** Staff's Idempotency-Key: a retry returns the first refund. */
  clientKey: string;
  actorId: string;
  now?: Date;
}

/** Thrown inside the dry run's savepoint to roll it back. */
class DryRunDone extends Error {}

/** First reconciliation check of a refund the provider has not finished. */
const FIRST_CHECK_MS = 30_000;

/**
 * A full or partial refund of a succeeded online payment, through the provider that took it
 * (docs/payments.md, «Refunds»). Under the payment's lock: it must have succeeded, and the
 * amount fit in what is left after refunds not cancelled; billing's refund rules are tried in a
 * savepoint that is rolled back (money already spent on lessons cannot go back). The refund row
 * is committed before the provider is called with its own idempotence key; the provider's answer
 * goes through `applyProviderRefund`, which moves billing once when it succeeds. A provider that
 * does not answer leaves the refund `created`: reconciliation sends it again with the same key.
 */
export async function requestRefund(
  ctx: AppContext,
  options: RequestRefundOptions,
): Promise<RefundRow> {
  const now = options.now ?? new Date();
  const created = await ctx.db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, options.paymentId);
    if (!attempt || attempt.organizationId !== options.organizationId) {
      throw new AppError('not_found');
    }
    const existing = await findRefundByClientKey(tx, options.organizationId, options.clientKey);
    if (existing) {
      if (existing.paymentId !== attempt.id || existing.amountKopecks !== options.amountKopecks) {
        throw new AppError('idempotency_key_reused');
      }
      return { attempt, refund: existing };
    }
    if (attempt.status !== 'succeeded' || !attempt.appliedAt || !attempt.providerPaymentId) {
      throw new AppError('payment_not_refundable');
    }
    const left = attempt.amountKopecks - (await refundsInFlightOrDone(tx, attempt.id));
    if (options.amountKopecks <= 0 || options.amountKopecks > left) {
      throw new AppError('refund_exceeds_payment');
    }
    try {
      await tx.transaction(async (savepoint) => {
        await refundInLedger(savepoint, attempt, {
          id: crypto.randomUUID(),
          amountKopecks: options.amountKopecks,
          reason: options.reason,
          createdBy: options.actorId,
        });
        throw new DryRunDone();
      });
    } catch (error) {
      if (!(error instanceof DryRunDone)) throw error;
    }
    const refund = await insertRefund(tx, {
      organizationId: options.organizationId,
      paymentId: attempt.id,
      amountKopecks: options.amountKopecks,
      reason: options.reason,
      clientKey: options.clientKey,
      createdBy: options.actorId,
      nextCheckAt: new Date(now.getTime() + FIRST_CHECK_MS),
    });
    if (!refund) throw new AppError('idempotency_key_reused');
    await recordPaymentEvent(tx, {
      organizationId: options.organizationId,
      paymentId: attempt.id,
      refundId: refund.id,
      provider: attempt.provider,
      source: 'refund',
      event: 'refund.created',
      outcome: 'created',
      toStatus: 'created',
    });
    return { attempt, refund };
  });
  if (created.refund.status !== 'created' || created.refund.providerRefundId) {
    return created.refund;
  }
  return submitRefund(ctx, created.attempt, created.refund, { source: 'refund', now });
}

/**
 * Sends a committed refund to the provider (again, with the same key, after a failure) and
 * applies the answer. An unavailable provider leaves it `created` for reconciliation.
 */
export async function submitRefund(
  ctx: AppContext,
  attempt: AttemptRow,
  refund: RefundRow,
  observation: Observation,
): Promise<RefundRow> {
  if (!attempt.providerPaymentId) throw new AppError('payment_not_refundable');
  const provider = paymentProvider(ctx, attempt.provider as ProviderName);
  try {
    const answer = await provider.createRefund({
      idempotenceKey: refund.providerKey,
      paymentId: attempt.providerPaymentId,
      amountKopecks: refund.amountKopecks,
      currency: 'RUB',
      description: `Возврат по платежу №${attempt.number}: ${refund.reason}`.slice(0, 250),
      receipt: receiptOf(ctx, attempt, refund.amountKopecks),
    });
    return await applyProviderRefund(ctx, refund.id, answer, { ...observation, event: 'create' });
  } catch (error) {
    if (error instanceof ProviderUnavailableError) {
      ctx.log.warn({ refundId: refund.id, err: error }, 'refund not sent; reconciliation retries');
      return refund;
    }
    // A definite refusal (the provider's own checks): no refund exists, so it is over.
    ctx.log.warn({ refundId: refund.id, err: error }, 'refund refused by the provider');
    await ctx.db.transaction(async (tx) => {
      await updateRefund(tx, refund.id, {
        status: 'canceled',
        cancellationReason: 'provider_refused',
        nextCheckAt: null,
      });
      await recordPaymentEvent(tx, {
        organizationId: refund.organizationId,
        paymentId: attempt.id,
        refundId: refund.id,
        provider: attempt.provider,
        source: observation.source,
        event: 'refund.create_failed',
        outcome: 'provider_refused',
        fromStatus: refund.status,
        toStatus: 'canceled',
        body: { message: error instanceof Error ? error.message : String(error) },
      });
    });
    throw new AppError('payment_provider_refused');
  }
}

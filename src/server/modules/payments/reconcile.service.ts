import type { AppContext } from '../../infra/context.js';
import {
  claimDueAttempts,
  findAttempt,
  lockAttempt,
  recordPaymentEvent,
  updateAttempt,
} from './payment-attempts.repo.js';
import { applyProviderPayment } from './payment-apply.service.js';
import {
  claimDueRefunds,
  findRefundById,
  lockRefund,
  updateRefund,
} from './payment-refunds.repo.js';
import { nextCheckAt } from './payment-status.js';
import { submitAttempt } from './payment-submit.js';
import { paymentProvider, type ProviderName } from './providers/registry.js';
import { applyProviderRefund } from './refund-apply.service.js';
import { submitRefund } from './refunds.service.js';

const BATCH = 50;
/** A claimed row is skipped by other runs for this long; a crashed run's rows come back after. */
const LEASE_MS = 5 * 60_000;

/** What a reconciliation run did. */
export interface ReconcileResult {
  payments: number;
  refunds: number;
  failed: number;
}

/** Asks the provider about one attempt: re-creates it (same key) or re-fetches it, then applies. */
async function checkAttempt(ctx: AppContext, attemptId: string, now: Date) {
  const attempt = await findAttempt(ctx.db, attemptId);
  if (!attempt) return;
  if (!attempt.providerPaymentId) {
    await submitAttempt(ctx, attempt, { source: 'reconcile', now });
    return;
  }
  const provider = paymentProvider(ctx, attempt.provider as ProviderName);
  const observed = await provider.getPayment(attempt.providerPaymentId);
  await applyProviderPayment(ctx, attemptId, observed, { source: 'reconcile', now });
}

/** Sets the attempt's next check: none once it is over; backoff, or none after giving up. */
async function scheduleAttempt(ctx: AppContext, attemptId: string, now: Date) {
  await ctx.db.transaction(async (tx) => {
    const attempt = await lockAttempt(tx, attemptId);
    if (!attempt) return;
    const done =
      attempt.status === 'canceled' || (attempt.status === 'succeeded' && attempt.appliedAt);
    const next = done ? null : nextCheckAt(attempt.createdAt, attempt.checks, now);
    await updateAttempt(tx, attemptId, { nextCheckAt: next, checks: attempt.checks + 1 });
    if (!done && !next) {
      await recordPaymentEvent(tx, {
        organizationId: attempt.organizationId,
        paymentId: attempt.id,
        provider: attempt.provider,
        source: 'reconcile',
        event: 'gave_up',
        outcome: 'stuck',
        fromStatus: attempt.status,
        toStatus: attempt.status,
      });
    }
  });
}

async function checkRefund(ctx: AppContext, refundId: string, now: Date) {
  const refund = await findRefundById(ctx.db, refundId);
  const attempt = refund ? await findAttempt(ctx.db, refund.paymentId) : null;
  if (!refund || !attempt) return;
  if (!refund.providerRefundId) {
    await submitRefund(ctx, attempt, refund, { source: 'reconcile', now });
    return;
  }
  const provider = paymentProvider(ctx, attempt.provider as ProviderName);
  const observed = await provider.getRefund(refund.providerRefundId);
  await applyProviderRefund(ctx, refundId, observed, { source: 'reconcile', now });
}

async function scheduleRefund(ctx: AppContext, refundId: string, now: Date) {
  await ctx.db.transaction(async (tx) => {
    const refund = await lockRefund(tx, refundId);
    if (!refund) return;
    const done =
      refund.status === 'canceled' || (refund.status === 'succeeded' && refund.appliedAt);
    const next = done ? null : nextCheckAt(refund.createdAt, refund.checks, now);
    await updateRefund(tx, refundId, { nextCheckAt: next, checks: refund.checks + 1 });
  });
}

/**
 * The `payments.reconcile` job (docs/payments.md, «Reconciliation»): claims attempts and refunds
 * whose check is due, in batches, with `skip locked` so several instances share the work; asks
 * the provider about each (re-creating with the same key what it never answered, re-fetching
 * the rest), applies the answer through the one apply path, and schedules the next check with
 * exponential backoff — or none once final and applied, or after three days (stuck, for staff).
 */
export async function reconcilePayments(
  ctx: AppContext,
  now: Date,
  stopping: () => boolean = () => false,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { payments: 0, refunds: 0, failed: 0 };
  const kinds = [
    { claim: claimDueAttempts, check: checkAttempt, schedule: scheduleAttempt, key: 'payments' },
    { claim: claimDueRefunds, check: checkRefund, schedule: scheduleRefund, key: 'refunds' },
  ] as const;
  for (const kind of kinds) {
    for (;;) {
      const ids = await ctx.db.transaction((tx) => kind.claim(tx, now, BATCH, LEASE_MS));
      for (const id of ids) {
        try {
          await kind.check(ctx, id, now);
          result[kind.key] += 1;
        } catch (error) {
          result.failed += 1;
          ctx.log.warn({ id, err: error }, `reconciling ${kind.key}: check failed`);
        }
        await kind.schedule(ctx, id, now);
      }
      if (ids.length < BATCH || stopping()) break;
    }
  }
  return result;
}

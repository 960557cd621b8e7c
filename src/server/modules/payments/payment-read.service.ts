import type { PaymentView } from '../../../shared/contracts/payments.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { applyProviderPayment } from './payment-apply.service.js';
import { isFinalStatus } from './payment-status.js';
import { findPayersAttempt, presentPayment } from './payment-view.js';
import { ProviderUnavailableError } from './providers/provider.js';
import { paymentProvider, type ProviderName } from './providers/registry.js';

/** How often the return page may make us ask the provider about one payment. */
const REFETCH_INTERVAL_MS = 2_000;
/** When each unfinished payment was last asked about (per process; a bounded map). */
const lastFetched = new Map<string, number>();

function dueForRefetch(attemptId: string, now: number): boolean {
  const last = lastFetched.get(attemptId);
  if (last !== undefined && now - last < REFETCH_INTERVAL_MS) return false;
  if (lastFetched.size > 10_000) lastFetched.clear();
  lastFetched.set(attemptId, now);
  return true;
}

/**
 * `GET /api/payments/{id}` for its payer. While the payment is not over (or its money not yet
 * applied), asks the provider — at most every 2 s per payment — and applies the answer through
 * the one apply path, so the return page shows the result even before the webhook arrives.
 */
export async function getOwnPayment(
  ctx: AppContext,
  scope: { organizationId: string; payerId: string; attemptId: string },
  now = new Date(),
): Promise<PaymentView> {
  const found = await findPayersAttempt(
    ctx.db,
    scope.organizationId,
    scope.payerId,
    scope.attemptId,
  );
  if (!found) throw new AppError('not_found');
  let { attempt } = found;
  const unfinished =
    !isFinalStatus(attempt.status) || (attempt.status === 'succeeded' && !attempt.appliedAt);
  if (unfinished && attempt.providerPaymentId && dueForRefetch(attempt.id, now.getTime())) {
    const provider = paymentProvider(ctx, attempt.provider as ProviderName);
    try {
      const observed = await provider.getPayment(attempt.providerPaymentId);
      attempt = await applyProviderPayment(ctx, attempt.id, observed, { source: 'return', now });
    } catch (error) {
      // The page still shows what we know; the webhook or reconciliation brings the rest.
      if (!(error instanceof ProviderUnavailableError)) throw error;
      ctx.log.warn({ attemptId: attempt.id, err: error }, 'return-page re-fetch failed');
    }
  }
  return presentPayment(attempt, found.studentName);
}

import type { PaymentStatus } from '../../../shared/contracts/payments.js';

/**
 * The order statuses move in (docs/payments.md, «State machine»): created < pending <
 * waiting_for_capture < succeeded | canceled. The two final ones are equal in rank, so neither
 * ever replaces the other: a late `canceled` hint never undoes money that arrived.
 */
const RANK: Record<PaymentStatus, number> = {
  created: 0,
  pending: 1,
  waiting_for_capture: 2,
  succeeded: 3,
  canceled: 3,
};

/** Whether a payment in `status` is over (nothing the provider says changes it any more). */
export function isFinalStatus(status: PaymentStatus): boolean {
  return status === 'succeeded' || status === 'canceled';
}

/**
 * The status after observing `observed`: the observed one when it is further along, otherwise
 * the current one (duplicates and out-of-order reports change nothing).
 */
export function forwardStatus<S extends PaymentStatus>(current: S, observed: S): S {
  return RANK[observed] > RANK[current] ? observed : current;
}

/** Refund statuses move the same way: created < pending < succeeded | canceled. */
export type RefundStatus = 'created' | 'pending' | 'succeeded' | 'canceled';

const REFUND_RANK: Record<RefundStatus, number> = {
  created: 0,
  pending: 1,
  succeeded: 2,
  canceled: 2,
};

export function forwardRefundStatus(current: RefundStatus, observed: RefundStatus): RefundStatus {
  return REFUND_RANK[observed] > REFUND_RANK[current] ? observed : current;
}

/**
 * When reconciliation asks the provider again after `checks` earlier checks: 30 s doubling up
 * to an hour, so a payment the person is still paying is seen quickly and a forgotten one costs
 * a request an hour. After `GIVE_UP_AFTER_MS` from creation it stops (null) and the attempt
 * shows as stuck in the staff report.
 */
export function nextCheckAt(createdAt: Date, checks: number, now: Date): Date | null {
  if (now.getTime() - createdAt.getTime() > GIVE_UP_AFTER_MS) return null;
  const delay = Math.min(30_000 * 2 ** Math.min(checks, 20), 3_600_000);
  return new Date(now.getTime() + delay);
}

/** Three days: far longer than a provider keeps a payment pending (YooKassa cancels it in an hour). */
export const GIVE_UP_AFTER_MS = 3 * 24 * 3_600_000;

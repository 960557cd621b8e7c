import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_STATUSES, type PaymentStatus } from '../../../shared/contracts/payments.js';
import { declineCodeOf } from './payment-decline.js';
import { forwardStatus, GIVE_UP_AFTER_MS, isFinalStatus, nextCheckAt } from './payment-status.js';

const status = fc.constantFrom(...PAYMENT_STATUSES);

describe('payment statuses', () => {
  it('only move forward, whatever order the reports come in', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 12 }), (reports) => {
        let current: PaymentStatus = 'created';
        const order = ['created', 'pending', 'waiting_for_capture'];
        for (const report of reports) {
          const next: PaymentStatus = forwardStatus(current, report);
          if (isFinalStatus(current)) expect(next).toBe(current);
          else if (!isFinalStatus(next)) {
            expect(order.indexOf(next)).toBeGreaterThanOrEqual(order.indexOf(current));
          }
          current = next;
        }
      }),
    );
  });

  it('never turns succeeded into canceled or back', () => {
    expect(forwardStatus('succeeded', 'canceled')).toBe('succeeded');
    expect(forwardStatus('canceled', 'succeeded')).toBe('canceled');
    expect(forwardStatus('waiting_for_capture', 'pending')).toBe('waiting_for_capture');
    expect(forwardStatus('pending', 'succeeded')).toBe('succeeded');
  });
});

describe('reconciliation backoff', () => {
  const created = new Date('2026-11-22T10:00:00Z');
  it('starts at 30 s, doubles, and caps at an hour', () => {
    const delay = (checks: number) =>
      (nextCheckAt(created, checks, created)?.getTime() ?? Number.NaN) - created.getTime();
    expect(delay(0)).toBe(30_000);
    expect(delay(1)).toBe(60_000);
    expect(delay(3)).toBe(240_000);
    expect(delay(30)).toBe(3_600_000);
  });
  it('gives up after three days', () => {
    expect(nextCheckAt(created, 5, new Date(created.getTime() + GIVE_UP_AFTER_MS + 1))).toBeNull();
  });
});

describe('decline guidance', () => {
  it('maps the provider’s reasons to codes the payer can act on', () => {
    expect(declineCodeOf('insufficient_funds')).toBe('insufficient_funds');
    expect(declineCodeOf('payment_method_limit_exceeded')).toBe('card_limit');
    expect(declineCodeOf('payment_method_restricted')).toBe('online_payments_blocked');
    expect(declineCodeOf('3d_secure_failed')).toBe('three_d_secure_failed');
    expect(declineCodeOf('expired_on_confirmation')).toBe('expired');
    expect(declineCodeOf('general_decline')).toBe('other');
    expect(declineCodeOf(null)).toBe('other');
  });
});

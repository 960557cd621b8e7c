import type { AppContext } from '../../../../infra/context.js';
import type { Tx } from '../../../../infra/db.js';
import { sandboxNotifyJob, type SandboxNotification } from './sandbox.jobs.js';
import {
  notificationBody,
  toYooKassaPayment,
  toYooKassaRefund,
  type SandboxPaymentRow,
  type SandboxRefundRow,
} from './sandbox.wire.js';

/** How long an out-of-order notification is held back, so it arrives after the newer one. */
export const OUT_OF_ORDER_DELAY_MS = 3000;

/** How many times the `duplicate` delivery sends each notification. */
export const DUPLICATE_COPIES = 3;

interface Delivery {
  notification: SandboxNotification;
  startAfter?: Date;
}

/**
 * What to send for a payment that just reached `row.status`, by its delivery mode:
 * - normal — one notification per change, as YooKassa sends them;
 * - duplicate — each one three times;
 * - out_of_order — a payment captured at once also gets a stale `payment.waiting_for_capture`
 *   (the authorisation it passed through), held back so it arrives after `payment.succeeded`;
 *   a `waiting_for_capture` of a two-stage payment is held back the same way;
 * - none — nothing: only polling (the return page, reconciliation) learns the result.
 */
function paymentDeliveries(row: SandboxPaymentRow, publicUrl: string, now: Date): Delivery[] {
  if (row.delivery === 'none' || row.status === 'pending') return [];
  const current = notificationBody(`payment.${row.status}`, toYooKassaPayment(row, publicUrl));
  if (row.delivery === 'duplicate') {
    return Array.from({ length: DUPLICATE_COPIES }, () => ({ notification: current }));
  }
  if (row.delivery === 'normal') return [{ notification: current }];
  const later = new Date(now.getTime() + OUT_OF_ORDER_DELAY_MS);
  if (row.status === 'waiting_for_capture') return [{ notification: current, startAfter: later }];
  if (row.status === 'succeeded' && row.capture === 'auto') {
    const authorised = { ...row, status: 'waiting_for_capture' as const, capturedAt: null };
    const stale = notificationBody(
      'payment.waiting_for_capture',
      toYooKassaPayment(authorised, publicUrl),
    );
    return [{ notification: current }, { notification: stale, startAfter: later }];
  }
  return [{ notification: current }];
}

async function send(ctx: AppContext, tx: Tx, deliveries: Delivery[]) {
  for (const delivery of deliveries) {
    await ctx.queue.send(
      sandboxNotifyJob,
      { notification: delivery.notification },
      { tx, ...(delivery.startAfter ? { startAfter: delivery.startAfter } : {}) },
    );
  }
}

/** Enqueues the notifications of a payment's new status, in the transaction that set it. */
export async function notifyPaymentStatus(
  ctx: AppContext,
  tx: Tx,
  row: SandboxPaymentRow,
  now: Date,
): Promise<void> {
  await send(ctx, tx, paymentDeliveries(row, ctx.config.publicUrl, now));
}

/** Enqueues `refund.succeeded` (the payment's delivery mode; out-of-order has nothing to reorder). */
export async function notifyRefund(
  ctx: AppContext,
  tx: Tx,
  payment: SandboxPaymentRow,
  refund: SandboxRefundRow,
): Promise<void> {
  if (payment.delivery === 'none') return;
  const notification = notificationBody(`refund.${refund.status}`, toYooKassaRefund(refund));
  const copies = payment.delivery === 'duplicate' ? DUPLICATE_COPIES : 1;
  await send(
    ctx,
    tx,
    Array.from({ length: copies }, () => ({ notification })),
  );
}

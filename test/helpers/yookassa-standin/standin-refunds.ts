import type { ApiState } from './standin-api.js';
import { newRefund, type WirePayment, type WireRefund } from './standin-objects.js';
import {
  check,
  errorReply,
  invalid,
  ok,
  receiptMismatch,
  toKopecks,
  toValue,
  ZCreateRefund,
  type Reply,
} from './standin-requests.js';

/**
 * Refunds at the YooKassa stand-in («Создание возврата», «Информация о возврате»): only of a
 * succeeded payment, never more than is left of it (refunds still pending hold their amount),
 * each with its own 54-FZ receipt.
 */

export function createRefund(state: ApiState, body: unknown): Reply {
  const checked = check(ZCreateRefund, body);
  if (!checked.ok) return invalid(checked.refusal);
  const request = checked.value;
  const payment = state.payments.get(request.payment_id);
  if (!payment) return errorReply(400, 'invalid_request', 'Payment not found', 'payment_id');
  if (payment.status !== 'succeeded') {
    return errorReply(
      400,
      'invalid_request',
      'Only a succeeded payment can be refunded',
      'payment_id',
    );
  }
  if (request.amount.currency !== payment.amount.currency) {
    return errorReply(
      400,
      'invalid_request',
      'Refund currency differs from the payment',
      'amount.currency',
    );
  }
  const taken = [...state.refunds.values()]
    .filter((refund) => refund.payment_id === payment.id && refund.status !== 'canceled')
    .reduce((sum, refund) => sum + toKopecks(refund.amount.value), 0);
  if (toKopecks(request.amount.value) > toKopecks(payment.amount.value) - taken) {
    return errorReply(
      400,
      'invalid_request',
      'Refund amount exceeds the amount available for refund',
      'amount.value',
    );
  }
  const mismatch = receiptMismatch(request.receipt, request.amount.value);
  if (mismatch) return invalid(mismatch);
  const refund = newRefund(request, state.refundStatus);
  state.refunds.set(refund.id, refund);
  if (refund.status === 'succeeded') recordRefunded(payment, refund);
  return ok(structuredClone(refund));
}

export function getRefund(state: ApiState, id: string): Reply {
  const refund = state.refunds.get(id);
  return refund ? ok(structuredClone(refund)) : errorReply(404, 'not_found', 'Refund not found');
}

/** Adds a succeeded refund to the payment's `refunded_amount`. */
export function recordRefunded(payment: WirePayment, refund: WireRefund): void {
  const refunded =
    toKopecks(payment.refunded_amount?.value ?? '0') + toKopecks(refund.amount.value);
  payment.refunded_amount = { value: toValue(refunded), currency: payment.amount.currency };
  payment.refundable = refunded < toKopecks(payment.amount.value);
}

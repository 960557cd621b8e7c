import type {
  CreatePaymentRequest,
  OnlinePaymentMethod,
  PaymentView,
} from '../../../shared/contracts/payments.js';

/** Purposes whose amount the payer chose (a top-up, a part of what is due): a retry keeps it. */
const CHOSEN_AMOUNT = new Set<PaymentView['purpose']>([
  'balance_top_up',
  'subscription_remaining',
  'course_fee',
]);

/**
 * A new attempt for the same purpose, target and amount as a declined payment («Повторить
 * оплату», «Оплатить через СБП»). Amounts the server computes (a debt, a price) are computed
 * again, so a retry never pays for something that changed meanwhile.
 */
export function retryRequest(
  payment: PaymentView,
  method: OnlinePaymentMethod,
): CreatePaymentRequest {
  const request: CreatePaymentRequest = { purpose: payment.purpose, method };
  if (payment.targetId) request.targetId = payment.targetId;
  if (payment.studentId) request.studentId = payment.studentId;
  if (CHOSEN_AMOUNT.has(payment.purpose)) request.amountKopecks = payment.amountKopecks;
  return request;
}

import { randomBytes, randomUUID } from 'node:crypto';
import type { CreatePaymentBody, CreateRefundBody } from './standin-requests.js';

/**
 * YooKassa's payment and refund objects as its API reference describes them («Объект платежа»,
 * «Объект возврата»), and the moves between their statuses: a payment goes pending →
 * (waiting_for_capture →) succeeded or canceled and never back; a refund pending → succeeded |
 * canceled. The objects are kept exactly as they go over the wire.
 */

export interface WireAmount {
  value: string;
  currency: string;
}

export interface WirePayment {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  paid: boolean;
  amount: WireAmount;
  description?: string;
  recipient: { account_id: string; gateway_id: string };
  payment_method: Record<string, unknown> & { type: string; id: string; saved: boolean };
  captured_at?: string;
  created_at: string;
  confirmation?: { type: 'redirect'; return_url: string; confirmation_url: string };
  test: boolean;
  refunded_amount?: WireAmount;
  refundable: boolean;
  receipt_registration?: 'pending' | 'succeeded' | 'canceled';
  metadata: Record<string, string>;
  cancellation_details?: { party: string; reason: string };
  authorization_details?: Record<string, unknown>;
  /** Not sent by YooKassa: whether the shop asked for a one-stage payment. */
  capture: boolean;
}

export interface WireRefund {
  id: string;
  payment_id: string;
  status: 'pending' | 'succeeded' | 'canceled';
  cancellation_details?: { party: string; reason: string };
  receipt_registration: 'pending' | 'succeeded';
  created_at: string;
  amount: WireAmount;
  description?: string;
}

/** How the person paid, for `succeed` and `authorize`. */
export interface PaidWith {
  /** Defaults to what the payment was created for (`payment_method_data.type`). */
  method?: 'bank_card' | 'sbp';
  /** The card's last four digits (default 4444). */
  last4?: string;
}

/** A new payment, `pending`, with a confirmation URL on the stand-in's checkout page. */
export function newPayment(
  body: CreatePaymentBody,
  shopId: string,
  checkoutUrl: (id: string) => string,
): WirePayment {
  const id = randomUUID();
  return {
    id,
    status: 'pending',
    paid: false,
    amount: body.amount,
    ...(body.description === undefined ? {} : { description: body.description }),
    recipient: { account_id: shopId, gateway_id: '100700' },
    payment_method: { type: body.payment_method_data?.type ?? 'bank_card', id, saved: false },
    created_at: new Date().toISOString(),
    ...(body.confirmation
      ? {
          confirmation: {
            type: 'redirect' as const,
            return_url: body.confirmation.return_url,
            confirmation_url: checkoutUrl(id),
          },
        }
      : {}),
    test: true,
    refundable: false,
    receipt_registration: 'pending',
    metadata: body.metadata ?? {},
    capture: body.capture ?? false,
  };
}

/** The money is held (`waiting_for_capture`): the two-stage step before `capture`. */
export function authorizePayment(payment: WirePayment, paidWith: PaidWith = {}): void {
  requireStatus(payment, ['pending']);
  payment.status = 'waiting_for_capture';
  payment.paid = true;
  fillPaymentMethod(payment, paidWith);
}

/** The money is taken: from `pending` (one-stage) or by a capture. */
export function succeedPayment(payment: WirePayment, paidWith: PaidWith = {}): void {
  requireStatus(payment, ['pending', 'waiting_for_capture']);
  if (payment.status === 'pending') fillPaymentMethod(payment, paidWith);
  payment.status = 'succeeded';
  payment.paid = true;
  payment.captured_at = new Date().toISOString();
  payment.refundable = true;
  payment.refunded_amount = { value: '0.00', currency: payment.amount.currency };
  payment.receipt_registration = 'succeeded';
  delete payment.confirmation;
}

/** Declined, expired or cancelled, with YooKassa's `cancellation_details`. */
export function cancelPayment(payment: WirePayment, reason: string, party: string): void {
  requireStatus(payment, ['pending', 'waiting_for_capture']);
  payment.status = 'canceled';
  payment.paid = false;
  payment.cancellation_details = { party, reason };
  payment.receipt_registration = 'canceled';
  delete payment.confirmation;
}

export function newRefund(body: CreateRefundBody, status: WireRefund['status']): WireRefund {
  return {
    id: randomUUID(),
    payment_id: body.payment_id,
    status,
    receipt_registration: status === 'succeeded' ? 'succeeded' : 'pending',
    created_at: new Date().toISOString(),
    amount: body.amount,
    ...(body.description === undefined ? {} : { description: body.description }),
  };
}

/** What YooKassa sends: the payment without the stand-in's own bookkeeping. */
export function paymentOnWire(payment: WirePayment): Record<string, unknown> {
  const wire: Partial<WirePayment> = structuredClone(payment);
  delete wire.capture;
  return wire;
}

function fillPaymentMethod(payment: WirePayment, paidWith: PaidWith): void {
  const type = paidWith.method ?? payment.payment_method.type;
  const id = payment.payment_method.id;
  if (type === 'sbp') {
    payment.payment_method = {
      type,
      id,
      saved: false,
      sbp_operation_id: `A${randomBytes(12).toString('hex').toUpperCase()}`,
      payer_bank_details: { bank_id: '100000000111', bic: '044525225' },
    };
    return;
  }
  const last4 = paidWith.last4 ?? '4444';
  payment.payment_method = {
    type,
    id,
    saved: false,
    title: `Bank card *${last4}`,
    card: {
      first6: '555555',
      last4,
      expiry_month: '12',
      expiry_year: '2030',
      card_type: 'MasterCard',
      issuer_country: 'RU',
    },
  };
  payment.authorization_details = {
    rrn: String(Date.now()).slice(-12),
    auth_code: String(100_000 + Math.floor(Math.random() * 900_000)),
    three_d_secure: { applied: false },
  };
}

function requireStatus(payment: WirePayment, allowed: WirePayment['status'][]): void {
  if (!allowed.includes(payment.status)) {
    throw new Error(
      `stand-in: payment ${payment.id} is ${payment.status}, not ${allowed.join('/')}`,
    );
  }
}

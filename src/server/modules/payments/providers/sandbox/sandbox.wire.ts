import type { ProviderPayment, ProviderRefund } from '../provider.js';
import type { sandboxPayments, sandboxRefunds } from './sandbox.schema.js';

/**
 * The sandbox speaks YooKassa's format: its payments, refunds and notifications look like the
 * objects of YooKassa's API v3, so the webhook route and the staff console see the same shapes
 * from both providers.
 */

export type SandboxPaymentRow = typeof sandboxPayments.$inferSelect;
export type SandboxRefundRow = typeof sandboxRefunds.$inferSelect;

/** A refusal by the sandbox's API (what YooKassa answers with 400 or 404). */
export class SandboxApiError extends Error {
  override readonly name = 'SandboxApiError';
  constructor(
    /** YooKassa's error codes: `invalid_request`, `not_found`. */
    readonly code: 'invalid_request' | 'not_found',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Whether `id` can be one the sandbox issued (a UUID); anything else is unknown without asking
 * the database, which would refuse to compare it with a uuid column.
 */
export function isSandboxId(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** `150050` → `"1500.50"`, YooKassa's `amount.value`. */
export function amountValue(kopecks: number): string {
  return `${Math.floor(kopecks / 100)}.${String(kopecks % 100).padStart(2, '0')}`;
}

/** The page where the person confirms a payment (card form, 3-D Secure, SBP QR). */
export function sandboxPageUrl(publicUrl: string, paymentId: string): string {
  return `${publicUrl}/sandbox/pay/${paymentId}`;
}

function paymentMethodOf(row: SandboxPaymentRow) {
  if (row.method === 'sbp') {
    return { type: 'sbp', id: row.id, saved: false, title: 'СБП' };
  }
  if (!row.cardLast4) return { type: 'bank_card', id: row.id, saved: false };
  return {
    type: 'bank_card',
    id: row.id,
    saved: false,
    title: `Bank card *${row.cardLast4}`,
    card: {
      first6: row.cardFirst6,
      last4: row.cardLast4,
      expiry_month: row.cardExpiryMonth,
      expiry_year: row.cardExpiryYear,
      card_type: row.cardType,
      issuer_country: 'RU',
    },
  };
}

/** The payment as YooKassa's `GET /payments/{id}` would return it. */
export function toYooKassaPayment(row: SandboxPaymentRow, publicUrl: string) {
  const amount = { value: amountValue(row.amountKopecks), currency: row.currency };
  const paid = row.status === 'succeeded' || row.status === 'waiting_for_capture';
  return {
    id: row.id,
    status: row.status,
    paid,
    amount,
    ...(row.status === 'succeeded' ? { income_amount: amount } : {}),
    description: row.description,
    recipient: { account_id: 'sandbox', gateway_id: 'sandbox' },
    payment_method: paymentMethodOf(row),
    created_at: row.createdAt.toISOString(),
    ...(row.status === 'pending' ? { expires_at: row.expiresAt.toISOString() } : {}),
    ...(row.capturedAt ? { captured_at: row.capturedAt.toISOString() } : {}),
    ...(row.status === 'pending'
      ? {
          confirmation: {
            type: 'redirect',
            return_url: row.returnUrl,
            confirmation_url: sandboxPageUrl(publicUrl, row.id),
          },
        }
      : {}),
    test: true,
    refunded_amount: { value: amountValue(row.refundedKopecks), currency: row.currency },
    refundable: row.status === 'succeeded' && row.refundedKopecks < row.amountKopecks,
    metadata: row.metadata,
    ...(row.cancellationReason
      ? { cancellation_details: { party: row.cancellationParty, reason: row.cancellationReason } }
      : {}),
  };
}

/** The refund as YooKassa's `GET /refunds/{id}` would return it. */
export function toYooKassaRefund(row: SandboxRefundRow) {
  return {
    id: row.id,
    payment_id: row.paymentId,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    amount: { value: amountValue(row.amountKopecks), currency: row.currency },
    description: row.description,
  };
}

/** «Карта *4444» / «СБП», as the history and the receipt show it. */
function paidWithOf(row: SandboxPaymentRow): string | null {
  if (row.method === 'sbp') return row.status === 'succeeded' ? 'СБП' : null;
  return row.cardLast4 ? `Карта *${row.cardLast4}` : null;
}

export function toProviderPayment(row: SandboxPaymentRow, publicUrl: string): ProviderPayment {
  return {
    id: row.id,
    status: row.status,
    amountKopecks: row.amountKopecks,
    currency: row.currency,
    confirmationUrl: row.status === 'pending' ? sandboxPageUrl(publicUrl, row.id) : null,
    cancellation:
      row.cancellationReason && row.cancellationParty
        ? { party: row.cancellationParty, reason: row.cancellationReason }
        : null,
    paidWith: paidWithOf(row),
    metadata: row.metadata,
    raw: toYooKassaPayment(row, publicUrl),
  };
}

export function toProviderRefund(row: SandboxRefundRow): ProviderRefund {
  return {
    id: row.id,
    paymentId: row.paymentId,
    status: row.status,
    amountKopecks: row.amountKopecks,
    cancellation: null,
    raw: toYooKassaRefund(row),
  };
}

/** YooKassa's notification body: `{ type: 'notification', event, object }`. */
export function notificationBody(event: string, object: { id: string } & Record<string, unknown>) {
  return { type: 'notification' as const, event, object };
}

/**
 * What Kabinet needs from a payment provider. The sandbox (built in) and YooKassa implement it;
 * the payments service never sees a provider's wire format. Everything a provider returns is
 * what its API says now: notifications are only hints that make us ask (docs/payments.md).
 */

/** A provider's payment status; YooKassa's four, which every provider is mapped to. */
export type ProviderPaymentStatus = 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';

/** A payment as the provider's API reports it now. */
export interface ProviderPayment {
  /** The provider's payment id. */
  id: string;
  status: ProviderPaymentStatus;
  amountKopecks: number;
  currency: string;
  /** Where to send the person to confirm (card form, 3-D Secure, SBP QR); null once final. */
  confirmationUrl: string | null;
  /** Why it was cancelled, exactly as the provider says (`insufficient_funds`, `card_expired`…). */
  cancellation: { party: string; reason: string } | null;
  /** «Карта *4444», «СБП»: for the history and the receipt; null until known. */
  paidWith: string | null;
  /** What we sent as metadata (our attempt id), echoed back. */
  metadata: Record<string, string>;
  /** The provider's own object, for the staff console and the event log. */
  raw: unknown;
}

/** 54-FZ receipt data (YooKassa's `receipt` object, in kopecks). */
export interface ReceiptData {
  customer: { email?: string; phone?: string };
  items: Array<{
    description: string;
    quantity: number;
    amountKopecks: number;
    /** 1 без НДС, 2 0 %, 3 10 %, 4 20 %, 5 10/110, 6 20/120 (YooKassa `vat_code`). */
    vatCode: number;
    /** `full_prepayment` for a subscription or a top-up, `full_payment` for a debt… */
    paymentMode:
      'full_prepayment' | 'partial_prepayment' | 'advance' | 'full_payment' | 'partial_payment';
    /** `service` for lessons and access, `payment` for a balance top-up. */
    paymentSubject: 'service' | 'payment' | 'commodity';
  }>;
}

export interface CreateProviderPaymentRequest {
  /** Our attempt's provider key: the same on every retry, so the provider creates one payment. */
  idempotenceKey: string;
  amountKopecks: number;
  currency: 'RUB';
  method: 'card' | 'sbp';
  description: string;
  /** Where the provider sends the person back (our return page for this attempt). */
  returnUrl: string;
  /** Echoed back by the provider; carries our attempt id and organization id. */
  metadata: { attemptId: string; organizationId: string };
  receipt: ReceiptData;
}

export type ProviderRefundStatus = 'pending' | 'succeeded' | 'canceled';

export interface ProviderRefund {
  id: string;
  paymentId: string;
  status: ProviderRefundStatus;
  amountKopecks: number;
  cancellation: { party: string; reason: string } | null;
  raw: unknown;
}

export interface CreateProviderRefundRequest {
  idempotenceKey: string;
  paymentId: string;
  amountKopecks: number;
  currency: 'RUB';
  description: string;
  receipt: ReceiptData;
}

/** What a notification claims: only which object to re-fetch. */
export interface NotificationHint {
  /** `payment.succeeded`, `payment.canceled`, `payment.waiting_for_capture`, `refund.succeeded`… */
  event: string;
  objectType: 'payment' | 'refund';
  /** The provider's id of the payment or refund named. */
  objectId: string;
}

/**
 * A transient failure talking to the provider (network, 5xx, 429): the call may be retried with
 * the same idempotence key. Anything else thrown is a definite refusal.
 */
export class ProviderUnavailableError extends Error {
  override readonly name: string = 'ProviderUnavailableError';
  constructor(
    message: string,
    /** When the provider suggested retrying, in milliseconds; null when it did not say. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface PaymentProvider {
  readonly name: 'sandbox' | 'yookassa';
  createPayment(request: CreateProviderPaymentRequest): Promise<ProviderPayment>;
  getPayment(providerPaymentId: string): Promise<ProviderPayment>;
  /** Captures an authorised (`waiting_for_capture`) payment in full. */
  capturePayment(providerPaymentId: string, idempotenceKey: string): Promise<ProviderPayment>;
  createRefund(request: CreateProviderRefundRequest): Promise<ProviderRefund>;
  getRefund(providerRefundId: string): Promise<ProviderRefund>;
  /** Reads a notification body; null when it is not one this provider sends. */
  parseNotification(body: unknown): NotificationHint | null;
  /** Whether a notification may come from this address (an allow-list; the sandbox: loopback). */
  isAllowedNotificationSource(ip: string): boolean;
}

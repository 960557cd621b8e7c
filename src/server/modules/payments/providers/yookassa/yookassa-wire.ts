import { z } from 'zod';
import type {
  CreateProviderPaymentRequest,
  CreateProviderRefundRequest,
  ProviderPayment,
  ProviderRefund,
  ReceiptData,
} from '../provider.js';
import { kopecksToValue, valueToKopecks } from './yookassa-amount.js';

/**
 * YooKassa's wire format (https://yookassa.ru/developers/api): request bodies built from ours,
 * and its payment and refund objects read into ours. Only the fields Kabinet relies on are
 * checked; the whole object is kept as `raw` for the staff console and the event log.
 */

/** YooKassa caps a payment's `description` and a receipt item's `description` at 128 characters. */
const DESCRIPTION_LIMIT = 128;
/** …and a refund's `description` at 250. */
const REFUND_DESCRIPTION_LIMIT = 250;

const ZAmount = z.object({ value: z.string(), currency: z.string() });
const ZCancellation = z.object({ party: z.string(), reason: z.string() });

const ZPayment = z.object({
  id: z.string().min(1),
  status: z.enum(['pending', 'waiting_for_capture', 'succeeded', 'canceled']),
  paid: z.boolean().optional(),
  amount: ZAmount,
  confirmation: z.object({ type: z.string(), confirmation_url: z.string().optional() }).optional(),
  cancellation_details: ZCancellation.optional(),
  payment_method: z
    .object({
      type: z.string(),
      title: z.string().optional(),
      card: z.object({ last4: z.string().optional() }).optional(),
    })
    .optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const ZRefund = z.object({
  id: z.string().min(1),
  payment_id: z.string().min(1),
  status: z.enum(['pending', 'succeeded', 'canceled']),
  amount: ZAmount,
  cancellation_details: ZCancellation.optional(),
});

/** YooKassa answered 200 with something that is not the object we asked for. */
export class YooKassaProtocolError extends Error {
  override readonly name = 'YooKassaProtocolError';
}

/** The body of `POST /payments`: one-stage (capture), redirect confirmation, with a receipt. */
export function paymentRequestBody(request: CreateProviderPaymentRequest) {
  return {
    amount: money(request.amountKopecks, request.currency),
    capture: true,
    confirmation: { type: 'redirect', return_url: request.returnUrl },
    payment_method_data: { type: request.method === 'sbp' ? 'sbp' : 'bank_card' },
    description: truncate(request.description, DESCRIPTION_LIMIT),
    metadata: {
      attemptId: request.metadata.attemptId,
      organizationId: request.metadata.organizationId,
    },
    receipt: receiptBody(request.receipt, request.currency),
  };
}

/** The body of `POST /refunds`; a refund carries its own receipt (a «возврат прихода»). */
export function refundRequestBody(request: CreateProviderRefundRequest) {
  return {
    payment_id: request.paymentId,
    amount: money(request.amountKopecks, request.currency),
    description: truncate(request.description, REFUND_DESCRIPTION_LIMIT),
    receipt: receiptBody(request.receipt, request.currency),
  };
}

/**
 * 54-FZ receipt data. An item's `amount` is YooKassa's price of one unit (the line total is
 * amount × quantity). A phone goes digits only, as YooKassa asks (ITU-T E.164 without «+»).
 */
export function receiptBody(receipt: ReceiptData, currency: string) {
  const customer: { email?: string; phone?: string } = {};
  if (receipt.customer.email) customer.email = receipt.customer.email;
  if (receipt.customer.phone) customer.phone = receipt.customer.phone.replace(/\D/g, '');
  return {
    customer,
    items: receipt.items.map((item) => ({
      description: truncate(item.description, DESCRIPTION_LIMIT),
      quantity: item.quantity,
      amount: money(item.amountKopecks, currency),
      vat_code: item.vatCode,
      payment_mode: item.paymentMode,
      payment_subject: item.paymentSubject,
    })),
  };
}

/** A payment object from the API (or a notification) in Kabinet's terms. */
export function readPayment(raw: unknown): ProviderPayment {
  const payment = parse(ZPayment, raw, 'payment');
  const final = payment.status === 'succeeded' || payment.status === 'canceled';
  return {
    id: payment.id,
    status: payment.status,
    amountKopecks: readAmount(payment.amount.value),
    currency: payment.amount.currency,
    confirmationUrl: final ? null : (payment.confirmation?.confirmation_url ?? null),
    cancellation: payment.cancellation_details ?? null,
    paidWith: paidWith(payment),
    metadata: Object.fromEntries(
      Object.entries(payment.metadata ?? {}).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    ),
    raw,
  };
}

/** A refund object from the API in Kabinet's terms. */
export function readRefund(raw: unknown): ProviderRefund {
  const refund = parse(ZRefund, raw, 'refund');
  return {
    id: refund.id,
    paymentId: refund.payment_id,
    status: refund.status,
    amountKopecks: readAmount(refund.amount.value),
    cancellation: refund.cancellation_details ?? null,
    raw,
  };
}

/** «Карта *4444» or «СБП» once the money is authorised or paid; the method's own title otherwise. */
function paidWith(payment: z.infer<typeof ZPayment>): string | null {
  const method = payment.payment_method;
  const paid =
    payment.paid ?? (payment.status === 'succeeded' || payment.status === 'waiting_for_capture');
  if (!method || !paid) return null;
  if (method.type === 'bank_card') {
    const last4 = method.card?.last4;
    return last4 ? `Карта *${last4}` : 'Карта';
  }
  if (method.type === 'sbp') return 'СБП';
  return method.title ?? method.type;
}

function money(kopecks: number, currency: string) {
  return { value: kopecksToValue(kopecks), currency };
}

function readAmount(value: string): number {
  try {
    return valueToKopecks(value);
  } catch (error) {
    throw new YooKassaProtocolError((error as Error).message);
  }
}

function parse<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new YooKassaProtocolError(`YooKassa sent a ${what} object we cannot read (${where})`);
  }
  return parsed.data;
}

/** Cuts to `limit` characters (code points, so a Cyrillic letter or an emoji is never split). */
function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

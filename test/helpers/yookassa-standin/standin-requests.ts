import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/**
 * What the YooKassa stand-in accepts, written from YooKassa's API reference
 * (https://yookassa.ru/developers/api: «Создание платежа», «Создание возврата») and its 54-FZ
 * parameter reference (https://yookassa.ru/developers/payment-acceptance/receipts/54fz/parameters-values).
 * A shop with an online cash register (54-FZ) must send a receipt with every payment and refund.
 */

/** A decimal amount string with at most two fraction digits («1000.00»), more than zero. */
const ZAmountValue = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'Invalid amount value format')
  .refine((value) => /[1-9]/.test(value), 'Amount must be greater than zero');

const ZAmount = z.object({
  value: ZAmountValue,
  currency: z.string().regex(/^[A-Z]{3}$/, 'Invalid currency code'),
});

/** `payment_mode`, the «признак способа расчета». */
const PAYMENT_MODES = [
  'full_prepayment',
  'partial_prepayment',
  'advance',
  'full_payment',
  'partial_payment',
  'credit',
  'credit_payment',
] as const;

/** `payment_subject`, the «признак предмета расчета» (FFD 1.05 and 1.2 values). */
const PAYMENT_SUBJECTS = [
  'commodity',
  'excise',
  'job',
  'service',
  'payment',
  'casino',
  'gambling_bet',
  'gambling_prize',
  'lottery',
  'lottery_prize',
  'intellectual_activity',
  'agent_commission',
  'property_right',
  'non_operating_gain',
  'insurance_premium',
  'sales_tax',
  'resort_fee',
  'composite',
  'another',
  'marked',
  'non_marked',
] as const;

const ZReceiptItem = z.object({
  description: z.string().min(1).max(128),
  // Up to three fraction digits; more than zero.
  quantity: z.number().positive().multipleOf(0.001),
  /** The price of one unit; the line total is amount × quantity. */
  amount: ZAmount,
  // 1–6 (classic rates), 7–10 (5 %, 7 % and their estimates, 2025), 11–12 (22 %, 2026).
  vat_code: z.number().int().min(1).max(12),
  payment_mode: z.enum(PAYMENT_MODES),
  payment_subject: z.enum(PAYMENT_SUBJECTS),
});

const ZReceipt = z.object({
  customer: z
    .object({
      full_name: z.string().max(256).optional(),
      email: z.email().optional(),
      // ITU-T E.164 without «+»: 79000000000.
      phone: z
        .string()
        .regex(/^\d{10,15}$/)
        .optional(),
    })
    .refine((customer) => customer.email ?? customer.phone, {
      message: 'Receipt customer must have an email or a phone',
    }),
  items: z.array(ZReceiptItem).min(1).max(100),
  tax_system_code: z.number().int().min(1).max(6).optional(),
});

const ZMetadata = z
  .record(z.string().max(32), z.string().max(512))
  .refine((metadata) => Object.keys(metadata).length <= 16, 'Too many metadata keys');

/** `POST /payments`. */
export const ZCreatePayment = z.object({
  amount: ZAmount,
  description: z.string().max(128).optional(),
  receipt: ZReceipt,
  capture: z.boolean().optional(),
  confirmation: z
    .object({
      type: z.literal('redirect'),
      return_url: z.url().max(2048),
      locale: z.enum(['ru_RU', 'en_US']).optional(),
      enforce: z.boolean().optional(),
    })
    .optional(),
  payment_method_data: z
    .object({ type: z.enum(['bank_card', 'sbp', 'yoo_money', 'sberbank', 'tinkoff_bank']) })
    .optional(),
  metadata: ZMetadata.optional(),
});

/** `POST /refunds`. */
export const ZCreateRefund = z.object({
  payment_id: z.string().min(36).max(36),
  amount: ZAmount,
  description: z.string().max(250).optional(),
  receipt: ZReceipt,
});

/** `POST /payments/{id}/capture`: everything optional, the whole amount when there is none. */
export const ZCapturePayment = z.object({
  amount: ZAmount.optional(),
  receipt: ZReceipt.optional(),
});

export type CreatePaymentBody = z.infer<typeof ZCreatePayment>;
export type CreateRefundBody = z.infer<typeof ZCreateRefund>;
type Receipt = z.infer<typeof ZReceipt>;

/** Why a request body is refused, in YooKassa's terms (`description`, `parameter`). */
export interface Refusal {
  description: string;
  parameter: string;
}

/** Checks a body against a schema; a refusal names the first offending parameter. */
export function check<T>(
  schema: z.ZodType<T>,
  body: unknown,
): { ok: true; value: T } | { ok: false; refusal: Refusal } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const parameter = issue?.path.join('.') ?? '';
  const missing = issue?.code === 'invalid_type' && valueAt(body, issue.path) === undefined;
  // YooKassa's own wording for the receipt of a 54-FZ shop.
  if (parameter === 'receipt' && missing) {
    return { ok: false, refusal: { description: 'Receipt is missing or illegal', parameter } };
  }
  const description = missing
    ? `Parameter ${parameter} is required`
    : `Invalid value of parameter ${parameter}: ${issue?.message ?? 'invalid'}`;
  return { ok: false, refusal: { description, parameter } };
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** In kopecks: integer arithmetic only, so a receipt that is off by one kopeck is caught. */
export function toKopecks(value: string): number {
  const [roubles = '0', fraction = ''] = value.split('.');
  return Number(roubles) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Kopecks back to YooKassa's «1000.00». */
export function toValue(kopecks: number): string {
  return `${String(Math.trunc(kopecks / 100))}.${String(kopecks % 100).padStart(2, '0')}`;
}

/** An HTTP answer of the stand-in: a JSON body, or HTML for its checkout page. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** YooKassa's error object: `{type: "error", id, code, description, parameter}`. */
export function errorReply(
  status: number,
  code: string,
  description: string,
  parameter?: string,
): Reply {
  const body = { type: 'error', id: randomUUID(), code, description };
  return { status, body: parameter ? { ...body, parameter } : body };
}

/** The receipt's total: Σ price × quantity, quantities in thousandths to stay in integers. */
export function receiptTotalKopecks(receipt: Receipt): number {
  return receipt.items.reduce((sum, item) => {
    const thousandths = Math.round(item.quantity * 1000);
    return sum + Math.round((toKopecks(item.amount.value) * thousandths) / 1000);
  }, 0);
}

/** The refusal when a receipt does not add up to the amount it is for; null when it does. */
export function receiptMismatch(receipt: Receipt, amountValue: string): Refusal | null {
  if (receiptTotalKopecks(receipt) === toKopecks(amountValue)) return null;
  return {
    description: 'Sum of receipt items amounts must be equal to the amount',
    parameter: 'receipt.items',
  };
}

/** 200 with the object. */
export function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** 400 `invalid_request` naming the parameter at fault. */
export function invalid(refusal: { description: string; parameter: string }): Reply {
  return errorReply(400, 'invalid_request', refusal.description, refusal.parameter);
}

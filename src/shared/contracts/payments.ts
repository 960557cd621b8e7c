import { z } from 'zod';
import { MAX_KOPECKS } from '../money.js';
import { ZIdempotencyKey } from './billing.js';
import { ZEmail } from './common.js';

// Online payments by the payer: create a payment, follow it on the return page, the history
// (docs/payments.md). Amounts are integer kopecks; the server computes every amount it charges.

const ZDateTime = z.iso.datetime({ offset: true });

/**
 * What a payment is for, and what `targetId` names:
 * - `subscription_purchase` — a subscription type the cabinet offers the student (`studentId` required);
 * - `subscription_remaining` — a sold subscription not paid in full;
 * - `debt` — the student whose lessons are in debt;
 * - `course_fee` — an enrolment with a one-time course fee;
 * - `balance_top_up` — the student whose balance grows (`amountKopecks` required);
 * - `course_access` — a training portal's course offer (may be bought without an account: `buyer`).
 */
export const PAYMENT_PURPOSES = [
  'subscription_purchase',
  'subscription_remaining',
  'debt',
  'course_fee',
  'balance_top_up',
  'course_access',
] as const;
export const ZPaymentPurpose = z.enum(PAYMENT_PURPOSES);
export type PaymentPurpose = z.infer<typeof ZPaymentPurpose>;

/** How the person pays at the provider: a bank card, or СБП (the fast payment system, QR). */
export const ONLINE_PAYMENT_METHODS = ['card', 'sbp'] as const;
export const ZOnlinePaymentMethod = z.enum(ONLINE_PAYMENT_METHODS);
export type OnlinePaymentMethod = z.infer<typeof ZOnlinePaymentMethod>;

/**
 * `created` — not yet accepted by the provider (retried automatically); `pending` — waiting for
 * the person on the provider's page; `waiting_for_capture` — authorised, being captured;
 * `succeeded` / `canceled` — final. Statuses only move forward.
 */
export const PAYMENT_STATUSES = [
  'created',
  'pending',
  'waiting_for_capture',
  'succeeded',
  'canceled',
] as const;
export const ZPaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof ZPaymentStatus>;

/**
 * Why a payment was declined, as guidance the person can act on (the web shows ru/en text per
 * code; staff see the provider's raw reason). Mapped from the provider's cancellation reason.
 */
export const DECLINE_CODES = [
  'insufficient_funds',
  'card_limit',
  'online_payments_blocked',
  'card_expired',
  'three_d_secure_failed',
  'fraud_suspected',
  'expired',
  'canceled_by_payer',
  'other',
] as const;
export const ZDeclineCode = z.enum(DECLINE_CODES);
export type DeclineCode = z.infer<typeof ZDeclineCode>;

/**
 * What the money became: `purpose` — what was paid for; `balance` — the purpose could no longer
 * be served when the money arrived (e.g. the debt was paid in cash meanwhile), so it was put on
 * the student's balance instead. Null until applied.
 */
export const PAYMENT_APPLIED_AS = ['purpose', 'balance'] as const;
export const ZPaymentAppliedAs = z.enum(PAYMENT_APPLIED_AS);
export type PaymentAppliedAs = z.infer<typeof ZPaymentAppliedAs>;

/** The least and the most one online top-up may bring (kopecks). */
export const TOP_UP_MIN_KOPECKS = 100_00;
export const TOP_UP_MAX_KOPECKS = 500_000_00;

// ── POST /api/payments ──────────────────────────────────────────────────────────────────────

/** A buyer without an account (course access on a training portal): where access is sent. */
export const ZPaymentBuyer = z.object({
  email: ZEmail,
  name: z.string().trim().min(1).max(200),
});
export type PaymentBuyer = z.infer<typeof ZPaymentBuyer>;

export const ZCreatePaymentRequest = z.object({
  purpose: ZPaymentPurpose,
  /** What is paid for (see `purpose`); for `debt` and `balance_top_up` defaults to `studentId`. */
  targetId: z.uuid().optional(),
  /** The student the money is for; required for `subscription_purchase`. */
  studentId: z.uuid().optional(),
  /**
   * Required for `balance_top_up`; for `subscription_remaining` and `course_fee` a smaller part
   * of what is left; ignored otherwise (the server computes the amount).
   */
  amountKopecks: z.number().int().min(1).max(MAX_KOPECKS).optional(),
  method: ZOnlinePaymentMethod,
  /** Only for `course_access` bought without signing in. */
  buyer: ZPaymentBuyer.optional(),
});
export type CreatePaymentRequest = z.infer<typeof ZCreatePaymentRequest>;

/**
 * The client's key of this payment: a retry with the same key returns the same payment (and
 * never charges twice); the same key with another body is refused (`idempotency_key_reused`).
 */
export const ZCreatePaymentHeaders = z.object({ 'idempotency-key': ZIdempotencyKey });

export const ZCreatePaymentResponse = z
  .object({
    paymentId: z.uuid(),
    status: ZPaymentStatus,
    /** Where to send the person (the provider's payment page); null once final. */
    confirmationUrl: z.string().nullable(),
    /** The amount the server computed. */
    amountKopecks: z.number().int(),
  })
  .meta({ id: 'CreatePaymentResponse' });
export type CreatePaymentResponse = z.infer<typeof ZCreatePaymentResponse>;

// ── GET /api/payments/{id} and GET /api/payments ────────────────────────────────────────────

export const ZPaymentView = z
  .object({
    id: z.uuid(),
    /** «Платёж №15»: sequential per organization. */
    number: z.number().int(),
    purpose: ZPaymentPurpose,
    /** What was paid for, for a retry with the same purpose. */
    targetId: z.uuid().nullable(),
    /** «Абонемент «8 занятий» — Миша Иванов». */
    description: z.string(),
    studentId: z.uuid().nullable(),
    studentName: z.string().nullable(),
    amountKopecks: z.number().int(),
    currency: z.string(),
    method: ZOnlinePaymentMethod,
    status: ZPaymentStatus,
    /** Where to continue paying while `created`/`pending`; null once final. */
    confirmationUrl: z.string().nullable(),
    /** «Карта *4444», «СБП»; null until the provider says. */
    paidWith: z.string().nullable(),
    /** Set when `canceled`: what to do next, and who declined (`payer`, `payment_network`…). */
    decline: z.object({ code: ZDeclineCode, party: z.string() }).nullable(),
    appliedAs: ZPaymentAppliedAs.nullable(),
    createdAt: ZDateTime,
    /** When it became final. */
    finishedAt: ZDateTime.nullable(),
    /** A receipt can be opened (succeeded). */
    receiptAvailable: z.boolean(),
    /** Returned so far by refunds that succeeded. */
    refundedKopecks: z.number().int(),
  })
  .meta({ id: 'PaymentView' });
export type PaymentView = z.infer<typeof ZPaymentView>;

/** Payments per history page. */
export const PAYMENTS_PAGE_SIZE = 20;

export const ZPaymentListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type PaymentListQuery = z.infer<typeof ZPaymentListQuery>;

/** The payer's payments, newest first. */
export const ZPaymentList = z
  .object({
    items: z.array(ZPaymentView),
    page: z.number().int(),
    hasMore: z.boolean(),
  })
  .meta({ id: 'PaymentList' });
export type PaymentList = z.infer<typeof ZPaymentList>;

// ── POST /api/payments/webhooks/{provider} ──────────────────────────────────────────────────

export const ZWebhookParams = z.object({ provider: z.string().min(1).max(40) });
/** The provider's notification as it sent it; only a hint (the payment is re-fetched). */
export const ZWebhookBody = z.unknown();
export const ZWebhookResponse = z.object({ ok: z.boolean() });

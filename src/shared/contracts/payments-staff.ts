import { z } from 'zod';
import { MAX_KOPECKS } from '../money.js';
import { ZIdempotencyKey } from './billing.js';
import { ZOnlinePaymentMethod, ZPaymentPurpose, ZPaymentStatus } from './payments.js';

// Staff side of online payments (docs/payments.md): the list and search, one payment with its
// provider events and refunds, refunds, the reconciliation report; and the course offers that
// `course_access` payments buy. Amounts are integer kopecks.

const ZDateTime = z.iso.datetime({ offset: true });
/** A local calendar date of the organization, `YYYY-MM-DD`. */
const ZDay = z.iso.date();
const ZPositiveKopecks = z.number().int().min(1).max(MAX_KOPECKS);

// ── Course offers ───────────────────────────────────────────────────────────────────────────

/** What staff enter for a course offer (create and edit). */
export const ZCourseOfferInput = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(''),
  priceKopecks: ZPositiveKopecks,
  /** Days of cabinet access one payment adds. */
  accessDays: z.number().int().min(1).max(3660),
  /** Off: not on sale (the public page answers 404 and payments are refused). */
  active: z.boolean().default(true),
});
export type CourseOfferInput = z.input<typeof ZCourseOfferInput>;

export const ZCourseOffer = ZCourseOfferInput.extend({
  id: z.uuid(),
  description: z.string(),
  active: z.boolean(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
}).meta({ id: 'CourseOffer' });
export type CourseOffer = z.infer<typeof ZCourseOffer>;

export const ZCourseOfferListQuery = z.object({
  /** `true`: on sale only; `false`: switched off only; absent: all. */
  active: z.stringbool().optional(),
});
export const ZCourseOfferList = z.object({ items: z.array(ZCourseOffer) });

/** What anyone sees of an offer on sale, before paying for it. */
export const ZPublicCourseOffer = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    priceKopecks: z.number().int(),
    accessDays: z.number().int(),
  })
  .meta({ id: 'PublicCourseOffer' });
export type PublicCourseOffer = z.infer<typeof ZPublicCourseOffer>;

// ── Staff payments: list ────────────────────────────────────────────────────────────────────

/** Payments per page of the staff list. */
export const STAFF_PAYMENTS_PAGE_SIZE = 50;

export const ZStaffPaymentListQuery = z.object({
  /**
   * A payment number (`15`, `№15`), the provider's payment id, or a part of the payer's email or
   * name, the buyer's email or the student's name.
   */
  q: z.string().trim().max(200).optional(),
  status: ZPaymentStatus.optional(),
  purpose: ZPaymentPurpose.optional(),
  /** Created on or after this local day (the organization's time zone). */
  from: ZDay.optional(),
  /** Created on or before this local day. */
  to: ZDay.optional(),
  /** A previous page's `nextBefore`. */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(STAFF_PAYMENTS_PAGE_SIZE),
});
export type StaffPaymentListQuery = z.input<typeof ZStaffPaymentListQuery>;

const ZPerson = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
});

export const ZStaffPaymentItem = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    purpose: ZPaymentPurpose,
    description: z.string(),
    amountKopecks: z.number().int(),
    /** Returned so far by refunds that succeeded. */
    refundedKopecks: z.number().int(),
    method: ZOnlinePaymentMethod,
    status: ZPaymentStatus,
    /** Null for a course bought without an account (see `receiptEmail`). */
    payer: ZPerson.nullable(),
    studentId: z.uuid().nullable(),
    studentName: z.string().nullable(),
    /** The receipt contact (54-FZ): the payer's or buyer's email. */
    receiptEmail: z.string().nullable(),
    provider: z.string(),
    providerPaymentId: z.string().nullable(),
    /** «Карта *4444», «СБП». */
    paidWith: z.string().nullable(),
    createdAt: ZDateTime,
    finishedAt: ZDateTime.nullable(),
    /** When the money reached the ledger (or the course access was granted). */
    appliedAt: ZDateTime.nullable(),
  })
  .meta({ id: 'StaffPaymentItem' });
export type StaffPaymentItem = z.infer<typeof ZStaffPaymentItem>;

export const ZStaffPaymentList = z
  .object({
    items: z.array(ZStaffPaymentItem),
    /** Pass as `before` for the next (older) page; null on the last page. */
    nextBefore: z.string().nullable(),
  })
  .meta({ id: 'StaffPaymentList' });
export type StaffPaymentList = z.infer<typeof ZStaffPaymentList>;

// ── Staff payments: one ─────────────────────────────────────────────────────────────────────

export const ZPaymentEventView = z.object({
  id: z.uuid(),
  /** webhook | return | reconcile | create | refund */
  source: z.string(),
  /** The provider's event name (`payment.succeeded`) or the observed status. */
  event: z.string(),
  sourceIp: z.string().nullable(),
  /** applied | advanced | unchanged | rejected_source | unknown_payment | mismatch */
  outcome: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  refundId: z.uuid().nullable(),
  createdAt: ZDateTime,
});
export type PaymentEventView = z.infer<typeof ZPaymentEventView>;

export const REFUND_STATUSES = ['created', 'pending', 'succeeded', 'canceled'] as const;
export const ZRefundStatus = z.enum(REFUND_STATUSES);

export const ZStaffRefundView = z
  .object({
    id: z.uuid(),
    paymentId: z.uuid(),
    amountKopecks: z.number().int(),
    reason: z.string(),
    status: ZRefundStatus,
    providerRefundId: z.string().nullable(),
    /** The provider's raw reason when it refused the refund. */
    cancellationReason: z.string().nullable(),
    createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: ZDateTime,
    appliedAt: ZDateTime.nullable(),
  })
  .meta({ id: 'StaffRefund' });
export type StaffRefundView = z.infer<typeof ZStaffRefundView>;

export const ZStaffPaymentDetail = ZStaffPaymentItem.extend({
  targetId: z.uuid().nullable(),
  currency: z.string(),
  /** The provider's raw cancellation party and reason (customers see guidance instead). */
  cancellation: z
    .object({ party: z.string().nullable(), reason: z.string().nullable() })
    .nullable(),
  /** Our idempotence key at the provider (the same on every retry of the creation call). */
  providerKey: z.uuid(),
  receiptPhone: z.string().nullable(),
  /** `purpose`, or `balance` when the purpose could no longer be served. */
  appliedAs: z.string().nullable(),
  ledgerEntryId: z.uuid().nullable(),
  /** How many times reconciliation asked the provider, and when it asks next. */
  checks: z.number().int(),
  nextCheckAt: ZDateTime.nullable(),
  events: z.array(ZPaymentEventView),
  refunds: z.array(ZStaffRefundView),
  /** Links to the printable receipt; null until the payment succeeded. */
  receipt: z.object({ html: z.string(), pdf: z.string() }).nullable(),
}).meta({ id: 'StaffPaymentDetail' });
export type StaffPaymentDetail = z.infer<typeof ZStaffPaymentDetail>;

export const ZStaffPaymentResponse = z.object({ payment: ZStaffPaymentDetail });

// ── Refunds ─────────────────────────────────────────────────────────────────────────────────

/** A full or partial refund through the provider; the reason is kept for the audit. */
export const ZStaffRefundRequest = z.object({
  amountKopecks: ZPositiveKopecks,
  reason: z.string().trim().min(3).max(500),
});
export type StaffRefundRequest = z.infer<typeof ZStaffRefundRequest>;
/** Required: a retried refund request with the same key returns the first refund. */
export const ZStaffRefundHeaders = z.object({ 'idempotency-key': ZIdempotencyKey });
export const ZStaffRefundResponse = z.object({ refund: ZStaffRefundView });

// ── Reconciliation ──────────────────────────────────────────────────────────────────────────

export const ZReconciliationQuery = z.object({
  /** First local day of the period (the organization's time zone). */
  from: ZDay,
  /** Last local day of the period, inclusive; at most 366 days after `from`. */
  to: ZDay,
});
export type ReconciliationQuery = z.infer<typeof ZReconciliationQuery>;

const ZAmountRow = z.object({ count: z.number().int(), amountKopecks: z.number().int() });
const ZPaymentRef = z.object({
  id: z.uuid(),
  number: z.number().int(),
  purpose: ZPaymentPurpose,
  status: ZPaymentStatus,
  amountKopecks: z.number().int(),
  createdAt: ZDateTime,
});

export const ZReconciliationReport = z
  .object({
    from: ZDay,
    to: ZDay,
    /** Attempts created in the period, by status. */
    byStatus: z.array(ZAmountRow.extend({ status: ZPaymentStatus })),
    /**
     * Payments that succeeded among those created in the period, refunds that succeeded among
     * those requested in the period, and the difference. Money staff record by hand (cash, bank
     * transfer) is billing's, in the students' money history, not here.
     */
    totals: z.object({
      succeededKopecks: z.number().int(),
      refundedKopecks: z.number().int(),
      netKopecks: z.number().int(),
    }),
    /**
     * Succeeded but the money never reached the ledger (or the access was never granted): must
     * be empty. Created in the period, or still due a check from any time.
     */
    succeededNotApplied: z.array(ZPaymentRef),
    /**
     * Applied attempts whose ledger entry is missing or moves another amount (for course access:
     * whose access grant is missing). Must be empty.
     */
    ledgerMismatches: z.array(
      ZPaymentRef.extend({
        ledgerEntryId: z.uuid().nullable(),
        ledgerAmountKopecks: z.number().int().nullable(),
      }),
    ),
    /**
     * Attempts created in the period, older than ten minutes and still before a final status,
     * with the last time we heard about them (webhook, poll, return page).
     */
    stuck: z.array(
      ZPaymentRef.extend({
        checks: z.number().int(),
        nextCheckAt: ZDateTime.nullable(),
        lastCheck: z
          .object({ at: ZDateTime, source: z.string(), event: z.string(), outcome: z.string() })
          .nullable(),
      }),
    ),
    /** Provider answers in the period whose amount or currency differed from the attempt (never applied). */
    amountMismatches: z.array(
      ZPaymentRef.extend({ eventAt: ZDateTime, source: z.string(), event: z.string() }),
    ),
    /** Refunds not yet final, whenever requested. */
    refundsPending: z.array(
      z.object({
        id: z.uuid(),
        paymentId: z.uuid(),
        paymentNumber: z.number().int(),
        amountKopecks: z.number().int(),
        status: ZRefundStatus,
        createdAt: ZDateTime,
        nextCheckAt: ZDateTime.nullable(),
      }),
    ),
  })
  .meta({ id: 'PaymentsReconciliation' });
export type ReconciliationReport = z.infer<typeof ZReconciliationReport>;

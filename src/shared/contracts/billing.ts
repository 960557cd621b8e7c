import { z } from 'zod';
import { MAX_KOPECKS } from '../money.js';

// Staff money: subscription types, sales, payments, refunds, corrections, freezes, the debts
// report and a student's money history (docs/classes.md, «Money»). Amounts are integer kopecks.

const ZDateTime = z.iso.datetime({ offset: true });
/** A local calendar date of the organization, `YYYY-MM-DD`. */
const ZDay = z.iso.date();
const ZKopecks = z.number().int().min(0).max(MAX_KOPECKS);
const ZPositiveKopecks = z.number().int().min(1).max(MAX_KOPECKS);

/**
 * The client's key of a money write; the `Idempotency-Key` header wins when both are sent. A
 * retry with the same key returns the first result and never moves money twice.
 */
export const ZIdempotencyKey = z.string().trim().min(8).max(200);
export const ZIdempotencyHeaders = z.object({ 'idempotency-key': ZIdempotencyKey.optional() });

/** Methods staff record by hand; `online` belongs to the online payments. */
export const STAFF_PAYMENT_METHODS = ['cash', 'bank_transfer', 'card'] as const;
export const ZStaffPaymentMethod = z.enum(STAFF_PAYMENT_METHODS);
export const PAYMENT_METHODS = [...STAFF_PAYMENT_METHODS, 'online'] as const;
export const ZPaymentMethod = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof ZPaymentMethod>;

export const ZUnusedLessons = z.enum(['burn', 'carry_over']);

// ── Subscription types ──────────────────────────────────────────────────────────────────────

/** What staff enter for a subscription type (create and edit). */
export const ZSubscriptionTypeInput = z.object({
  name: z.string().trim().min(1).max(200),
  /** Null: unlimited. */
  lessonsCount: z.number().int().min(1).max(1000).nullable(),
  validityDays: z.number().int().min(1).max(3660),
  priceKopecks: ZKopecks,
  /** Covers every group; otherwise `groupIds` and the groups of `courseIds`. */
  coversAllGroups: z.boolean(),
  groupIds: z.array(z.uuid()).max(500).default([]),
  courseIds: z.array(z.uuid()).max(500).default([]),
  shareableInFamily: z.boolean().default(false),
  /** What happens to unused lessons when it ends: their value is charged, or stays on the balance. */
  unusedLessons: ZUnusedLessons.default('burn'),
});
export type SubscriptionTypeInput = z.input<typeof ZSubscriptionTypeInput>;

export const ZSubscriptionType = ZSubscriptionTypeInput.extend({
  id: z.uuid(),
  groupIds: z.array(z.uuid()),
  courseIds: z.array(z.uuid()),
  shareableInFamily: z.boolean(),
  unusedLessons: ZUnusedLessons,
  archived: z.boolean(),
  createdAt: ZDateTime,
}).meta({ id: 'SubscriptionType' });
export type SubscriptionType = z.infer<typeof ZSubscriptionType>;

export const ZSubscriptionTypeListQuery = z.object({
  /** `true`: archived types only; default: the ones on sale. */
  archived: z.stringbool().default(false),
});
export const ZSubscriptionTypeList = z.object({ items: z.array(ZSubscriptionType) });
export const ZArchiveRequest = z.object({ archived: z.boolean() });

// ── Sold subscriptions ──────────────────────────────────────────────────────────────────────

/**
 * Derived from dates and `endedAt` in the organization's time zone: `inactive` before its first
 * day, `frozen` inside the freeze, `ended` after its last day or when closed, `cancelled` when
 * the sale was cancelled.
 */
export const SUBSCRIPTION_STATUSES = [
  'inactive',
  'active',
  'frozen',
  'ended',
  'cancelled',
] as const;
export const ZSubscriptionStatus = z.enum(SUBSCRIPTION_STATUSES);
export type SubscriptionStatus = z.infer<typeof ZSubscriptionStatus>;

export const ZSoldSubscription = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    studentId: z.uuid(),
    studentName: z.string(),
    /** Set when the whole family may use it. */
    familyId: z.uuid().nullable(),
    typeId: z.uuid().nullable(),
    name: z.string(),
    /** Null: unlimited. */
    lessonsTotal: z.number().int().nullable(),
    lessonsUsed: z.number().int(),
    priceKopecks: z.number().int(),
    originalPriceKopecks: z.number().int(),
    paidKopecks: z.number().int(),
    chargedKopecks: z.number().int(),
    soldAt: ZDateTime,
    beginsOn: ZDay,
    endsOn: ZDay,
    frozenFrom: ZDay.nullable(),
    frozenTo: ZDay.nullable(),
    status: ZSubscriptionStatus,
    endedAt: ZDateTime.nullable(),
    /** `expired`, `cancelled`, `refunded`. */
    endReason: z.string().nullable(),
    unusedLessons: ZUnusedLessons,
    coversAllGroups: z.boolean(),
    groupIds: z.array(z.uuid()),
    courseIds: z.array(z.uuid()),
    soldByName: z.string().nullable(),
  })
  .meta({ id: 'SoldSubscription' });
export type SoldSubscription = z.infer<typeof ZSoldSubscription>;

export const ZSubscriptionListQuery = z.object({
  status: ZSubscriptionStatus.optional(),
  studentId: z.uuid().optional(),
  typeId: z.uuid().optional(),
  /** Sold on or after this local date. */
  soldFrom: ZDay.optional(),
  /** Sold on or before this local date. */
  soldTo: ZDay.optional(),
  /** Only those paid less than their price. */
  underpaid: z.stringbool().optional(),
  /** The `nextCursor` of the previous page (numbers descending). */
  cursor: z.coerce.number().int().min(1).optional(),
});
export type SubscriptionListQuery = z.infer<typeof ZSubscriptionListQuery>;
export const ZSubscriptionList = z.object({
  items: z.array(ZSoldSubscription),
  nextCursor: z.number().int().nullable(),
});
export type SubscriptionList = z.infer<typeof ZSubscriptionList>;

/** A discount off the type's price: kopecks, or a percent (rounded half up to kopecks). */
export const ZDiscount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), kopecks: ZKopecks }),
  z.object({ kind: z.literal('percent'), percent: z.number().min(0).max(100) }),
]);
export type Discount = z.infer<typeof ZDiscount>;

/** Paid at the sale: fresh money, or free money from the balance (the whole price by default). */
export const ZSalePayment = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('money'),
    amountKopecks: ZPositiveKopecks,
    method: ZStaffPaymentMethod,
  }),
  z.object({ kind: z.literal('balance'), amountKopecks: ZPositiveKopecks.optional() }),
]);

/** POST /api/staff/billing/subscriptions. */
export const ZSellRequest = z.object({
  studentId: z.uuid(),
  typeId: z.uuid(),
  /** First day; today in the organization's time zone when omitted. */
  beginsOn: ZDay.optional(),
  discount: ZDiscount.optional(),
  payment: ZSalePayment.optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type SellRequest = z.infer<typeof ZSellRequest>;

/** POST …/subscriptions/{id}/freeze; null lifts the freeze. Days inclusive. */
export const ZFreezeRequest = z.object({
  freeze: z.object({ from: ZDay, to: ZDay }).nullable(),
});

/** POST …/subscriptions/{id}/cancel. Without `refund` the paid money stays on the balance. */
export const ZCancelSaleRequest = z.object({
  refund: z.object({ method: ZStaffPaymentMethod }).nullable().default(null),
  comment: z.string().trim().max(1000).optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});

// ── Payments, refunds, corrections ─────────────────────────────────────────────────────────

/** POST /api/staff/billing/students/{id}/payments; no target: onto the balance (deposit). */
export const ZPaymentRequest = z.object({
  amountKopecks: ZPositiveKopecks,
  method: ZStaffPaymentMethod,
  target: z
    .union([z.object({ subscriptionId: z.uuid() }), z.object({ enrollmentId: z.uuid() })])
    .optional(),
  comment: z.string().trim().max(1000).optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type PaymentRequest = z.infer<typeof ZPaymentRequest>;

/** POST …/refunds: from the free balance, or from a subscription's paid, unused part. */
export const ZRefundRequest = z.object({
  amountKopecks: ZPositiveKopecks,
  method: ZStaffPaymentMethod,
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('balance') }),
    z.object({
      kind: z.literal('subscription'),
      subscriptionId: z.uuid(),
      /** End the subscription now: nothing more is owed for it or charged to it. */
      close: z.boolean().default(false),
    }),
  ]),
  comment: z.string().trim().max(1000).optional(),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type RefundRequest = z.input<typeof ZRefundRequest>;

/** POST …/corrections: signed, never zero, with the reason. */
export const ZCorrectionRequest = z.object({
  amountKopecks: z
    .number()
    .int()
    .min(-MAX_KOPECKS)
    .max(MAX_KOPECKS)
    .refine((value) => value !== 0),
  comment: z.string().trim().min(3).max(1000),
  idempotencyKey: ZIdempotencyKey.optional(),
});
export type CorrectionRequest = z.infer<typeof ZCorrectionRequest>;

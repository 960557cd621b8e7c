import { z } from 'zod';
import { ZPaymentMethod, ZSoldSubscription } from './billing.js';

// A student's money history, the money page's totals and the debts report (docs/classes.md,
// «Money»); re-exported by `billing.ts`.

const ZDateTime = z.iso.datetime({ offset: true });
/** A local calendar date of the organization, `YYYY-MM-DD`. */
const ZDay = z.iso.date();

// ── Money history ───────────────────────────────────────────────────────────────────────────

export const LEDGER_KINDS = [
  'payment_in',
  'deposit',
  'visit_charge',
  'expiry_charge',
  'fee_charge',
  'charge_reversal',
  'refund',
  'correction',
] as const;
export const ZLedgerKind = z.enum(LEDGER_KINDS);
export type LedgerKind = z.infer<typeof ZLedgerKind>;

/** One ledger entry with what explains it. */
export const ZMoneyEntry = z
  .object({
    id: z.uuid(),
    kind: ZLedgerKind,
    /** Signed: + money in, − charged or returned. */
    amountKopecks: z.number().int(),
    /** The balance right after this entry. */
    balanceAfterKopecks: z.number().int(),
    createdAt: ZDateTime,
    paymentMethod: ZPaymentMethod.nullable(),
    comment: z.string().nullable(),
    createdByName: z.string().nullable(),
    subscription: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }).nullable(),
    /** The visit charged; `studentName` differs from the ledger's owner for a family subscription. */
    visit: z
      .object({
        id: z.uuid(),
        lessonStartsAt: ZDateTime,
        groupName: z.string(),
        status: z.string(),
        studentName: z.string(),
      })
      .nullable(),
    enrollment: z.object({ id: z.uuid(), groupName: z.string() }).nullable(),
    /**
     * The charging decision behind a visit charge (or, for a reversal, the one it undid): its
     * reason code, the subscription's lesson slot, and why it was superseded.
     */
    charge: z
      .object({
        reason: z.string(),
        lessonNumber: z.number().int().nullable(),
        supersededReason: z.string().nullable(),
      })
      .nullable(),
    reversesEntryId: z.uuid().nullable(),
  })
  .meta({ id: 'MoneyEntry' });
export type MoneyEntry = z.infer<typeof ZMoneyEntry>;

export const ZPageQuery = z.object({ cursor: z.string().max(200).optional() });
export const ZMoneyHistory = z.object({
  items: z.array(ZMoneyEntry),
  nextCursor: z.string().nullable(),
});
export type MoneyHistory = z.infer<typeof ZMoneyHistory>;

/** A one-time-fee enrolment with its fee and what is paid of it. */
export const ZFeeEnrollment = z.object({
  id: z.uuid(),
  groupName: z.string(),
  feeKopecks: z.number().int(),
  feePaidKopecks: z.number().int(),
  startsOn: ZDay,
});

/** GET /api/staff/billing/students/{id}/money: the running totals and what money may go to. */
export const ZStudentMoney = z.object({
  student: z.object({
    id: z.uuid(),
    fullName: z.string(),
    familyId: z.uuid().nullable(),
    balanceKopecks: z.number().int(),
    /** Balance minus what open subscriptions hold: may be refunded or buy a subscription. */
    freeBalanceKopecks: z.number().int(),
    debtLessons: z.number().int(),
  }),
  /** Open ones first, then the latest ended (up to 50). */
  subscriptions: z.array(ZSoldSubscription),
  feeEnrollments: z.array(ZFeeEnrollment),
});
export type StudentMoney = z.infer<typeof ZStudentMoney>;

// ── Debts report ────────────────────────────────────────────────────────────────────────────

export const ZDebtLessonsRow = z.object({
  studentId: z.uuid(),
  fullName: z.string(),
  debtLessons: z.number().int(),
  balanceKopecks: z.number().int(),
});
export const ZDebtLessonsPage = z.object({
  items: z.array(ZDebtLessonsRow),
  nextCursor: z.string().nullable(),
});
export const ZUnderpaidSubscriptionsPage = z.object({
  items: z.array(ZSoldSubscription),
  nextCursor: z.string().nullable(),
});
export const ZUnderpaidFeeRow = ZFeeEnrollment.extend({
  studentId: z.uuid(),
  fullName: z.string(),
});
export const ZUnderpaidFeesPage = z.object({
  items: z.array(ZUnderpaidFeeRow),
  nextCursor: z.string().nullable(),
});
export type DebtLessonsPage = z.infer<typeof ZDebtLessonsPage>;
export type UnderpaidSubscriptionsPage = z.infer<typeof ZUnderpaidSubscriptionsPage>;
export type UnderpaidFeesPage = z.infer<typeof ZUnderpaidFeesPage>;

/** What a money write answers: the entry it wrote (or found, on a retry). */
export const ZMoneyWriteResponse = z.object({ entry: ZMoneyEntry });
/** A sale, freeze or cancellation answers the subscription as it is now. */
export const ZSubscriptionResponse = z.object({
  subscription: ZSoldSubscription,
  refund: ZMoneyEntry.nullable().optional(),
});

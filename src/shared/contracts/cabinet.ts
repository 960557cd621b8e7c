import { z } from 'zod';

// The parent's / learner's cabinet (docs/classes.md, «The cabinet»): the students an account
// sees, a student's home (dashboard), schedule, visits, subscriptions, ledger, and buying a
// subscription from the free balance. A student the account may not see answers 404.

/** An instant as ISO 8601 with an offset. */
const ZInstant = z.iso.datetime({ offset: true });
/** A calendar date `YYYY-MM-DD` (in the organization's time zone). */
const ZDay = z.iso.date();
/** Integer kopecks; negative means owed. */
const ZKopecks = z.number().int();

export const ZStudentParams = z.object({ id: z.uuid() });
export type StudentParams = z.infer<typeof ZStudentParams>;

/** Why the account sees the student (`student_accounts.relation`). */
export const ZStudentRelation = z.enum(['self', 'parent', 'contact']);

/** The money of a student at a glance: the balance and how much of it is free. */
export const ZBalanceSummary = z.object({
  /** The sum of the student's ledger entries: money received minus value consumed. */
  balanceKopecks: ZKopecks,
  /**
   * Money already paying for open subscriptions, not yet consumed:
   * Σ over the student's open subscriptions of max(0, paid − charged).
   */
  reservedKopecks: ZKopecks,
  /** `balance − reserved`: money on the balance not paying for anything (negative: owed). */
  freeKopecks: ZKopecks,
  /** Visits currently in debt (no eligible subscription). */
  debtLessons: z.number().int(),
});
export type BalanceSummary = z.infer<typeof ZBalanceSummary>;

/** One student in `GET /api/me/students`. */
export const ZMyStudent = z.object({
  id: z.uuid(),
  fullName: z.string(),
  relation: ZStudentRelation,
  family: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  balance: ZBalanceSummary,
});
export type MyStudent = z.infer<typeof ZMyStudent>;

/** `GET /api/me/students`: the students this account may see, by name. */
export const ZMyStudentsResponse = z.object({
  students: z.array(ZMyStudent),
  /** The organization's IANA time zone: lesson times and dates are told in it. */
  timeZone: z.string(),
});
export type MyStudentsResponse = z.infer<typeof ZMyStudentsResponse>;

/** A lesson of one of the student's groups; cancelled ones stay listed, marked cancelled. */
export const ZCabinetLesson = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  courseName: z.string(),
  startsAt: ZInstant,
  endsAt: ZInstant,
  status: z.enum(['scheduled', 'cancelled']),
  /** `holiday` (the holiday's name in `cancelNote`) or `staff`; null unless cancelled. */
  cancelReason: z.string().nullable(),
  cancelNote: z.string().nullable(),
  /** A moved lesson: when it was originally planned; null when not moved. */
  movedFrom: ZInstant.nullable(),
  roomName: z.string().nullable(),
  teacherName: z.string().nullable(),
  topic: z.string().nullable(),
});
export type CabinetLesson = z.infer<typeof ZCabinetLesson>;

/** Derived from dates and `ended_at` (docs/classes.md). */
export const ZSubscriptionStatus = z.enum(['inactive', 'active', 'frozen', 'ended']);
export type SubscriptionStatus = z.infer<typeof ZSubscriptionStatus>;

/** A subscription the student may use: their own, or a family one shared with them. */
export const ZCabinetSubscription = z.object({
  id: z.uuid(),
  /** «Абонемент №12». */
  number: z.number().int(),
  name: z.string(),
  status: ZSubscriptionStatus,
  /** Null: unlimited. */
  lessonsTotal: z.number().int().nullable(),
  lessonsUsed: z.number().int(),
  /** Null: unlimited. */
  lessonsLeft: z.number().int().nullable(),
  beginsOn: ZDay,
  endsOn: ZDay,
  frozenFrom: ZDay.nullable(),
  frozenTo: ZDay.nullable(),
  priceKopecks: ZKopecks,
  originalPriceKopecks: ZKopecks,
  paidKopecks: ZKopecks,
  /** What happens to unused lessons at the end. */
  unusedLessons: z.enum(['burn', 'carry_over']),
  /** Shared with the whole family. */
  shared: z.boolean(),
  /** The student who owns a family subscription, when it is not this student. */
  ownerName: z.string().nullable(),
  /** `expired`, `cancelled`; null while open. */
  endReason: z.string().nullable(),
});
export type CabinetSubscription = z.infer<typeof ZCabinetSubscription>;

/** A line of «Заканчиваются абонементы». */
export const ZEndingSubscription = z.object({
  id: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  lessonsTotal: z.number().int().nullable(),
  lessonsLeft: z.number().int().nullable(),
  endsOn: ZDay,
  /** Days from today to the last valid day (0: ends today). */
  daysLeft: z.number().int(),
  /** Which thresholds it crossed. */
  fewLessonsLeft: z.boolean(),
  fewDaysLeft: z.boolean(),
});
export type EndingSubscription = z.infer<typeof ZEndingSubscription>;

/**
 * A line of «Подходит срок оплаты / есть долг»:
 * `subscription` — a subscription paid less than its price;
 * `debt` — a per-lesson group with lessons in debt;
 * `enrollment_fee` — a one-time-fee enrolment paid less than its fee.
 */
export const ZPaymentDue = z.object({
  kind: z.enum(['subscription', 'debt', 'enrollment_fee']),
  /** The subscription, the group (debt) or the enrolment this line is about. */
  id: z.uuid(),
  /** The subscription's name, or the group's. */
  title: z.string(),
  /** The subscription's number; null for the other kinds. */
  subscriptionNumber: z.number().int().nullable(),
  /** What is owed; null for lessons in debt in a group without a lesson price. */
  dueKopecks: ZKopecks.nullable(),
  /** Paid so far (subscription, fee); null for debts. */
  paidKopecks: ZKopecks.nullable(),
  /** The price (subscription, fee); null for debts. */
  totalKopecks: ZKopecks.nullable(),
  /** Lessons in debt (debt lines); 0 otherwise. */
  debtLessons: z.number().int(),
  /** The group's price of one lesson (debt lines), when known. */
  lessonPriceKopecks: ZKopecks.nullable(),
});
export type PaymentDue = z.infer<typeof ZPaymentDue>;

/** The balance block of the home page. */
export const ZDashboardBalance = ZBalanceSummary.extend({
  /** An active subscription (own or family) covers the student's per-lesson groups today. */
  hasActiveSubscription: z.boolean(),
  /**
   * Free money sits on the balance, no active subscription covers the student's groups, and
   * the centre sells a type that does: offer «Купить абонемент с баланса».
   */
  offerPurchaseFromBalance: z.boolean(),
});
export type DashboardBalance = z.infer<typeof ZDashboardBalance>;

/** `GET /api/students/{id}/dashboard`: the home page of one student, read in one statement. */
export const ZDashboardResponse = z.object({
  student: z.object({
    id: z.uuid(),
    fullName: z.string(),
    familyName: z.string().nullable(),
    /** Start of the first lesson attended; visit history starts there. */
    firstVisitAt: ZInstant.nullable(),
  }),
  /** The organization's IANA time zone. */
  timeZone: z.string(),
  /** Today in the organization's time zone. */
  today: ZDay,
  /** The thresholds of «Заканчиваются абонементы» (classes_settings; defaults 2 and 7). */
  thresholds: z.object({ lessonsLeft: z.number().int(), daysLeft: z.number().int() }),
  /** Lessons of the next 14 days, soonest first. */
  upcomingLessons: z.array(ZCabinetLesson),
  endingSubscriptions: z.array(ZEndingSubscription),
  paymentsDue: z.array(ZPaymentDue),
  balance: ZDashboardBalance,
});
export type DashboardResponse = z.infer<typeof ZDashboardResponse>;

/** `GET /api/students/{id}/lessons?from=&to=`: a period of at most 42 days (a schedule page). */
export const ZLessonsQuery = z
  .object({ from: ZDay, to: ZDay })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 42 * 86_400_000, {
    message: 'at most 42 days',
    path: ['to'],
  });
export type LessonsQuery = z.infer<typeof ZLessonsQuery>;

export const ZLessonsResponse = z.object({
  timeZone: z.string(),
  today: ZDay,
  lessons: z.array(ZCabinetLesson),
});
export type LessonsResponse = z.infer<typeof ZLessonsResponse>;

export const ATTENDANCE_STATUSES = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'trial',
  'free',
  'makeup',
] as const;
export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof ZAttendanceStatus>;

/** Visits per page of history and ledger entries per page. */
export const CABINET_PAGE_SIZE = 20;

const ZPage = z.coerce.number().int().min(1).max(10_000).default(1);

/** Visit history filters; dates are local days of the organization, inclusive. */
export const ZVisitsQuery = z.object({
  from: ZDay.optional(),
  to: ZDay.optional(),
  groupId: z.uuid().optional(),
  status: ZAttendanceStatus.optional(),
  page: ZPage,
});
export type VisitsQuery = z.infer<typeof ZVisitsQuery>;

/** The live charging decision of a visit, explained in one sentence. */
export const ZVisitCharge = z.object({
  outcome: z.enum(['subscription', 'debt', 'not_chargeable']),
  /** Charged to the subscription (kopecks); 0 for debts and free visits. */
  amountKopecks: ZKopecks,
  subscriptionNumber: z.number().int().nullable(),
  /** «Списано с абонемента №12 (8 занятий, до 31.12) — он заканчивается раньше других…». */
  explanation: z.string(),
});

export const ZCabinetVisit = z.object({
  id: z.uuid(),
  lessonStartsAt: ZInstant,
  groupId: z.uuid(),
  groupName: z.string(),
  status: ZAttendanceStatus,
  /** Null while not charged yet (or charging has not run). */
  charge: ZVisitCharge.nullable(),
});
export type CabinetVisit = z.infer<typeof ZCabinetVisit>;

export const ZVisitsResponse = z.object({
  timeZone: z.string(),
  firstVisitAt: ZInstant.nullable(),
  /** The student's groups (current and past enrolments), for the group filter. */
  groups: z.array(z.object({ id: z.uuid(), name: z.string() })),
  visits: z.array(ZCabinetVisit),
  page: z.number().int(),
  hasMore: z.boolean(),
});
export type VisitsResponse = z.infer<typeof ZVisitsResponse>;

export const ZSubscriptionsResponse = z.object({
  today: ZDay,
  subscriptions: z.array(ZCabinetSubscription),
});
export type SubscriptionsResponse = z.infer<typeof ZSubscriptionsResponse>;

export const ZLedgerQuery = z.object({ page: ZPage });

export const LEDGER_ENTRY_KINDS = [
  'payment_in',
  'deposit',
  'visit_charge',
  'expiry_charge',
  'fee_charge',
  'charge_reversal',
  'refund',
  'correction',
] as const;

/** One ledger entry with what it is about, so the page tells it in words. */
export const ZCabinetLedgerEntry = z.object({
  id: z.uuid(),
  createdAt: ZInstant,
  kind: z.enum(LEDGER_ENTRY_KINDS),
  amountKopecks: ZKopecks,
  /** The running balance right after this entry. */
  balanceAfterKopecks: ZKopecks,
  subscription: z.object({ number: z.number().int(), name: z.string() }).nullable(),
  /** The group of the enrolment fee or of the charged visit. */
  groupName: z.string().nullable(),
  /** The charged visit's lesson start. */
  lessonStartsAt: ZInstant.nullable(),
  paymentMethod: z.enum(['cash', 'bank_transfer', 'card', 'online']).nullable(),
  /** The kind of the entry a reversal undoes. */
  reversesKind: z.enum(LEDGER_ENTRY_KINDS).nullable(),
  /** Staff's words (corrections, refunds). */
  comment: z.string().nullable(),
});
export type CabinetLedgerEntry = z.infer<typeof ZCabinetLedgerEntry>;

export const ZLedgerResponse = z.object({
  timeZone: z.string(),
  balance: ZBalanceSummary,
  entries: z.array(ZCabinetLedgerEntry),
  page: z.number().int(),
  hasMore: z.boolean(),
});
export type LedgerResponse = z.infer<typeof ZLedgerResponse>;

/** A subscription type the centre sells that covers one of the student's groups. */
export const ZSubscriptionOffer = z.object({
  typeId: z.uuid(),
  name: z.string(),
  /** Null: unlimited. */
  lessonsCount: z.number().int().nullable(),
  validityDays: z.number().int(),
  priceKopecks: ZKopecks,
  shareableInFamily: z.boolean(),
  /** The free balance covers the price: it can be bought from the balance now. */
  affordable: z.boolean(),
});
export type SubscriptionOffer = z.infer<typeof ZSubscriptionOffer>;

export const ZSubscriptionOffersResponse = z.object({
  freeKopecks: ZKopecks,
  offers: z.array(ZSubscriptionOffer),
});
export type SubscriptionOffersResponse = z.infer<typeof ZSubscriptionOffersResponse>;

/** `POST /api/students/{id}/subscriptions/from-balance`. */
export const ZBuyFromBalanceRequest = z.object({
  typeId: z.uuid(),
  /** Made once per purchase dialog: a double click or a retry buys once. */
  idempotencyKey: z.string().trim().min(8).max(200),
});
export type BuyFromBalanceRequest = z.infer<typeof ZBuyFromBalanceRequest>;

export const ZBuyFromBalanceResponse = z.object({
  subscription: ZCabinetSubscription,
  balance: ZBalanceSummary,
});
export type BuyFromBalanceResponse = z.infer<typeof ZBuyFromBalanceResponse>;

import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/access.schema.js';
import { enrollments, families, groups, students, visits } from '../classes/classes.schema.js';
import { createdAtColumn, organizationIdColumn, organizations } from '../orgs/orgs.schema.js';

/**
 * Subscriptions, the per-student ledger and charging decisions (docs/classes.md). Every write
 * that changes money goes through one transaction that appends ledger entries and updates the
 * running totals (`students.balance_kopecks`, `subscriptions.lessons_used`…) together.
 */

const orgId = organizationIdColumn;
const createdAt = createdAtColumn;

/** What happens to lessons left when a subscription ends: their value is charged, or stays. */
export const unusedLessonsPolicy = pgEnum('unused_lessons_policy', ['burn', 'carry_over']);

/** A product: «8 занятий за месяц», «Безлимит на 30 дней». */
export const subscriptionTypes = pgTable(
  'subscription_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    /** Null: unlimited. */
    lessonsCount: integer('lessons_count'),
    validityDays: integer('validity_days').notNull(),
    priceKopecks: integer('price_kopecks').notNull(),
    /** Covers every group; otherwise the listed groups and the groups of the listed courses. */
    coversAllGroups: boolean('covers_all_groups').notNull().default(false),
    groupIds: uuid('group_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    courseIds: uuid('course_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    shareableInFamily: boolean('shareable_in_family').notNull().default(false),
    unusedLessons: unusedLessonsPolicy('unused_lessons').notNull().default('burn'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index('subscription_types_org').on(table.organizationId)],
);

/** The last subscription number per organization («абонемент №12»). */
export const subscriptionCounters = pgTable('subscription_counters', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull(),
});

/**
 * A sold subscription. Its scope and terms are copied from the type at sale, so later edits of
 * the type never change what was sold. Status is derived from dates and `ended_at`
 * (inactive before `begins_on`, frozen inside the freeze, ended after `ends_on` or when closed).
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    number: integer('number').notNull(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    /** Set when the subscription may be used by the whole family. */
    familyId: uuid('family_id').references(() => families.id, { onDelete: 'set null' }),
    typeId: uuid('type_id').references(() => subscriptionTypes.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** Null: unlimited. */
    lessonsTotal: integer('lessons_total'),
    /** Running count of lessons charged to it. */
    lessonsUsed: integer('lessons_used').notNull().default(0),
    priceKopecks: integer('price_kopecks').notNull(),
    originalPriceKopecks: integer('original_price_kopecks').notNull(),
    /** Running total of payments allocated to it. */
    paidKopecks: integer('paid_kopecks').notNull().default(0),
    /** Running total of its value charged (visits and expiry). */
    chargedKopecks: integer('charged_kopecks').notNull().default(0),
    soldAt: timestamp('sold_at', { withTimezone: true }).notNull().defaultNow(),
    beginsOn: date('begins_on').notNull(),
    endsOn: date('ends_on').notNull(),
    frozenFrom: date('frozen_from'),
    frozenTo: date('frozen_to'),
    coversAllGroups: boolean('covers_all_groups').notNull().default(false),
    groupIds: uuid('group_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    courseIds: uuid('course_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    unusedLessons: unusedLessonsPolicy('unused_lessons').notNull().default('burn'),
    /** When it was closed (expired by the job, or cancelled by staff); null while open. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** `expired`, `cancelled`. */
    endReason: text('end_reason'),
    soldBy: uuid('sold_by').references(() => users.id, { onDelete: 'set null' }),
    /** The «subscription ended» push/email was sent (idempotency of the notification). */
    endNoticeSentAt: timestamp('end_notice_sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('subscriptions_org_number').on(table.organizationId, table.number),
    index('subscriptions_student_ends').on(table.studentId, table.endsOn),
    index('subscriptions_family_ends')
      .on(table.familyId, table.endsOn)
      .where(sql`${table.familyId} is not null`),
    index('subscriptions_open_ends')
      .on(table.endsOn)
      .where(sql`${table.endedAt} is null`),
    // notify.subscriptions-ending: open counted subscriptions by lessons left.
    index('subscriptions_open_lessons_left')
      .on(sql`(${table.lessonsTotal} - ${table.lessonsUsed})`)
      .where(sql`${table.endedAt} is null and ${table.lessonsTotal} is not null`),
    // The debts report's «underpaid subscriptions» page.
    index('subscriptions_org_underpaid')
      .on(table.organizationId, table.number)
      .where(sql`${table.endedAt} is null and ${table.paidKopecks} < ${table.priceKopecks}`),
  ],
);

export const ledgerEntryKind = pgEnum('ledger_entry_kind', [
  /** Money received for a subscription or an enrolment fee (allocated to it). */
  'payment_in',
  /** Money received onto the balance («внести на баланс»). */
  'deposit',
  /** The value of a lesson charged to a subscription. */
  'visit_charge',
  /** The value of lessons left when a `burn` subscription ended. */
  'expiry_charge',
  /** The enrolment fee of a one-time-fee group. */
  'fee_charge',
  /** A charge undone by re-marking or cancelling (the opposite of the entry it reverses). */
  'charge_reversal',
  'refund',
  'correction',
]);

export const paymentMethod = pgEnum('payment_method', ['cash', 'bank_transfer', 'card', 'online']);

/**
 * The append-only ledger of a student's money. `amount_kopecks` is signed (+ money in,
 * − charges); `balance_after_kopecks` is the student's balance right after it, so any figure on
 * screen traces to entries. Nothing is updated or deleted; a mistake is fixed by a new entry.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    kind: ledgerEntryKind('kind').notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    balanceAfterKopecks: integer('balance_after_kopecks').notNull(),
    subscriptionId: uuid('subscription_id').references(() => subscriptions.id, {
      onDelete: 'set null',
    }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'set null' }),
    visitId: uuid('visit_id').references(() => visits.id, { onDelete: 'set null' }),
    paymentMethod: paymentMethod('payment_method'),
    /** The entry this one reverses (`charge_reversal`, `refund` of a payment). */
    reversesEntryId: uuid('reverses_entry_id'),
    /** Staff's words (corrections, refunds) or a payment reference. */
    comment: text('comment'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** A retried write with the same key returns the first result (per organization). */
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
  },
  (table) => [
    index('ledger_student_created').on(
      table.studentId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    uniqueIndex('ledger_org_idempotency').on(table.organizationId, table.idempotencyKey),
  ],
);

/** Where a payment went: a subscription or an enrolment fee, from fresh money or the balance. */
export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    subscriptionId: uuid('subscription_id').references(() => subscriptions.id, {
      onDelete: 'cascade',
    }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id, { onDelete: 'cascade' }),
    amountKopecks: integer('amount_kopecks').notNull(),
    /** The `payment_in` entry that brought the money; null when it came from the balance. */
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('payment_allocations_subscription').on(table.subscriptionId),
    index('payment_allocations_enrollment').on(table.enrollmentId),
  ],
);

/** The outcome of charging one visit. */
export const chargeOutcome = pgEnum('charge_outcome', ['subscription', 'debt', 'not_chargeable']);

/**
 * Every charging decision, with its reason, so the cabinet explains it in one sentence. A
 * re-run supersedes the live decision and writes a new one: at most one live decision per visit,
 * and at most one live charge per subscription lesson slot, enforced by unique indexes.
 */
export const charges = pgTable(
  'charges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id, { onDelete: 'cascade' }),
    studentId: uuid('student_id')
      .notNull()
      .references(() => students.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    lessonStartsAt: timestamp('lesson_starts_at', { withTimezone: true }).notNull(),
    outcome: chargeOutcome('outcome').notNull(),
    subscriptionId: uuid('subscription_id').references(() => subscriptions.id, {
      onDelete: 'set null',
    }),
    /** The subscription's lesson slot (1…lessons_total) this charge uses. */
    lessonNumber: integer('lesson_number'),
    amountKopecks: integer('amount_kopecks').notNull().default(0),
    /** A stable reason code (`earliest_end`, `no_eligible_subscription`, `trial`…). */
    reason: text('reason').notNull(),
    /** What the sentence needs: subscription number, lessons, end date, alternatives… */
    reasonParams: jsonb('reason_params').notNull().default({}),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** Why it was superseded: `remarked`, `lesson_cancelled`, `debt_settled`, `subscription_changed`. */
    supersededReason: text('superseded_reason'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('charges_live_visit')
      .on(table.visitId)
      .where(sql`${table.supersededAt} is null`),
    uniqueIndex('charges_live_slot')
      .on(table.subscriptionId, table.lessonNumber)
      .where(sql`${table.supersededAt} is null and ${table.outcome} = 'subscription'`),
    index('charges_live_debt')
      .on(table.studentId, table.lessonStartsAt)
      .where(sql`${table.supersededAt} is null and ${table.outcome} = 'debt'`),
    index('charges_subscription').on(table.subscriptionId),
  ],
);

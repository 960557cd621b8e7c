import { sql } from 'drizzle-orm';
import {
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
import { students } from '../classes/classes.schema.js';
import { createdAtColumn, organizationIdColumn } from '../orgs/orgs.schema.js';

/**
 * Online payments (docs/payments.md). An attempt row is written before the provider is called;
 * the provider's answers and notifications only move it forward, and the money it brings is
 * applied to the billing ledger exactly once, in the transaction that marks it applied.
 */

const orgId = organizationIdColumn;
const createdAt = createdAtColumn;

/** What a payment is for; each is one ledger movement in billing (docs/payments.md). */
export const paymentPurpose = pgEnum('payment_purpose', [
  'subscription_purchase',
  'subscription_remaining',
  'debt',
  'course_fee',
  'balance_top_up',
  'course_access',
]);

/** How the person pays at the provider. */
export const onlinePaymentMethod = pgEnum('online_payment_method', ['card', 'sbp']);

/**
 * created — the row exists, the provider has not answered yet (or the call failed: retried by
 * reconciliation with the same idempotence key); pending — the person is on the provider's page;
 * waiting_for_capture — authorised, not yet captured; succeeded / canceled — final.
 * Statuses only move forward (created < pending < waiting_for_capture < succeeded | canceled).
 */
export const paymentStatus = pgEnum('payment_status', [
  'created',
  'pending',
  'waiting_for_capture',
  'succeeded',
  'canceled',
]);

export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    /** Human-friendly, sequential per organization («Платёж №15»), used on receipts. */
    number: integer('number').notNull(),
    /** Who pays; null for a course bought by a person without an account yet. */
    payerId: uuid('payer_id').references(() => users.id, { onDelete: 'set null' }),
    /** The student whose money moves (classes purposes). */
    studentId: uuid('student_id').references(() => students.id, { onDelete: 'set null' }),
    purpose: paymentPurpose('purpose').notNull(),
    /** The subscription type, sold subscription, student, enrolment or course offer. */
    targetId: uuid('target_id'),
    amountKopecks: integer('amount_kopecks').notNull(),
    currency: text('currency').notNull().default('RUB'),
    method: onlinePaymentMethod('method').notNull(),
    /** What the receipt and the provider's page say («Абонемент «8 занятий» — Миша»). */
    description: text('description').notNull(),
    provider: text('provider').notNull(),
    /** The client's Idempotency-Key, scoped by payer: a retried POST returns this attempt. */
    clientKey: text('client_key').notNull(),
    /** Sent to the provider as its idempotence key on every retry of the creation call. */
    providerKey: uuid('provider_key').notNull().defaultRandom(),
    providerPaymentId: text('provider_payment_id'),
    status: paymentStatus('status').notNull().default('created'),
    confirmationUrl: text('confirmation_url'),
    /** The provider's raw cancellation details (staff see them; customers see guidance). */
    cancellationParty: text('cancellation_party'),
    cancellationReason: text('cancellation_reason'),
    /** What the provider says was paid with («Карта *4444», «СБП»). */
    paidWith: text('paid_with'),
    /** Receipt contact (54-FZ): the payer's email or phone. */
    receiptEmail: text('receipt_email'),
    receiptPhone: text('receipt_phone'),
    /** Purpose details fixed at creation (the student and type of a purchase, a buyer's name…). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Set in the transaction that applied the money to the ledger; never set twice. */
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    /** The ledger entry the money became (billing). */
    ledgerEntryId: uuid('ledger_entry_id'),
    /** What applying did when the purpose could no longer be served (e.g. put on the balance). */
    appliedAs: text('applied_as'),
    refundedKopecks: integer('refunded_kopecks').notNull().default(0),
    /** When reconciliation asks the provider next; null once final and applied. */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    checks: integer('checks').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('payment_attempts_org_number').on(table.organizationId, table.number),
    uniqueIndex('payment_attempts_client_key').on(table.organizationId, table.clientKey),
    uniqueIndex('payment_attempts_provider_payment')
      .on(table.provider, table.providerPaymentId)
      .where(sql`${table.providerPaymentId} is not null`),
    index('payment_attempts_org_created').on(
      table.organizationId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('payment_attempts_payer_created').on(
      table.payerId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('payment_attempts_student_created').on(
      table.studentId,
      table.createdAt.desc().nullsFirst(),
    ),
    index('payment_attempts_due_check')
      .on(table.nextCheckAt)
      .where(sql`${table.nextCheckAt} is not null`),
  ],
);

/** The last payment number per organization. */
export const paymentCounters = pgTable('payment_counters', {
  organizationId: orgId().primaryKey(),
  lastNumber: integer('last_number').notNull(),
});

/** created → pending → succeeded | canceled, like a payment; applied once to the ledger. */
export const refundStatus = pgEnum('payment_refund_status', [
  'created',
  'pending',
  'succeeded',
  'canceled',
]);

/** A refund of an online payment, full or partial, through the provider that took it. */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => paymentAttempts.id, { onDelete: 'cascade' }),
    amountKopecks: integer('amount_kopecks').notNull(),
    reason: text('reason').notNull(),
    /** Staff's Idempotency-Key: a retried refund request returns this row. */
    clientKey: text('client_key').notNull(),
    providerKey: uuid('provider_key').notNull().defaultRandom(),
    providerRefundId: text('provider_refund_id'),
    status: refundStatus('status').notNull().default('created'),
    cancellationReason: text('cancellation_reason'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    ledgerEntryId: uuid('ledger_entry_id'),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    checks: integer('checks').notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('payment_refunds_client_key').on(table.organizationId, table.clientKey),
    index('payment_refunds_payment').on(table.paymentId),
    index('payment_refunds_due_check')
      .on(table.nextCheckAt)
      .where(sql`${table.nextCheckAt} is not null`),
  ],
);

/**
 * Every provider notification and every status we observed, for staff and for the
 * reconciliation report: what came, from where, and what it changed (a hint never moves money).
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null when a notification named no payment we know. */
    organizationId: uuid('organization_id'),
    paymentId: uuid('payment_id').references(() => paymentAttempts.id, { onDelete: 'cascade' }),
    refundId: uuid('refund_id'),
    provider: text('provider').notNull(),
    /** webhook | return | reconcile | create | refund */
    source: text('source').notNull(),
    /** The provider's event name (`payment.succeeded`) or the observed status. */
    event: text('event').notNull(),
    sourceIp: text('source_ip'),
    /** applied | advanced | unchanged | rejected_source | unknown_payment | mismatch */
    outcome: text('outcome').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    body: jsonb('body'),
    createdAt: createdAt(),
  },
  (table) => [
    index('payment_events_payment').on(table.paymentId, table.createdAt),
    index('payment_events_org_created').on(
      table.organizationId,
      table.createdAt.desc().nullsFirst(),
    ),
  ],
);

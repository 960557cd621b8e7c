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
import { createdAtColumn, organizationIdColumn } from '../../../orgs/orgs.schema.js';

/**
 * The sandbox provider's own state: its payments and refunds, kept the way a real provider keeps
 * them on its side. The payments service never reads these tables; it asks the provider's API
 * (`createSandboxProvider`) like it asks YooKassa's (README.md in this folder).
 */

/** YooKassa's four payment statuses. */
export const sandboxPaymentStatus = pgEnum('sandbox_payment_status', [
  'pending',
  'waiting_for_capture',
  'succeeded',
  'canceled',
]);

/** How the sandbox delivers its notifications for a payment (chosen on the test page). */
export const sandboxDelivery = pgEnum('sandbox_delivery', [
  'normal',
  'duplicate',
  'out_of_order',
  'none',
]);

export const sandboxPayments = pgTable(
  'sandbox_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The merchant's organization (from the metadata), so deleting one deletes its test data. */
    organizationId: organizationIdColumn(),
    /** The merchant's Idempotence-Key: a repeated creation returns this payment. */
    idempotenceKey: text('idempotence_key').notNull(),
    status: sandboxPaymentStatus('status').notNull().default('pending'),
    amountKopecks: integer('amount_kopecks').notNull(),
    currency: text('currency').notNull(),
    method: text('method', { enum: ['card', 'sbp'] }).notNull(),
    description: text('description').notNull(),
    returnUrl: text('return_url').notNull(),
    metadata: jsonb('metadata').$type<Record<string, string>>().notNull(),
    /** The 54-FZ receipt the merchant sent, kept as a provider keeps it for the tax service. */
    receipt: jsonb('receipt').notNull(),
    /** `3ds` while the person is asked for the 3-D Secure code; null on the first page. */
    confirmationStep: text('confirmation_step', { enum: ['3ds'] }),
    cardFirst6: text('card_first6'),
    cardLast4: text('card_last4'),
    cardType: text('card_type'),
    cardExpiryMonth: text('card_expiry_month'),
    cardExpiryYear: text('card_expiry_year'),
    /** Whether the merchant must capture (two-stage); the sandbox captures at once otherwise. */
    capture: text('capture', { enum: ['auto', 'manual'] })
      .notNull()
      .default('auto'),
    delivery: sandboxDelivery('delivery').notNull().default('normal'),
    cancellationParty: text('cancellation_party'),
    cancellationReason: text('cancellation_reason'),
    refundedKopecks: integer('refunded_kopecks').notNull().default(0),
    createdAt: createdAtColumn(),
    /** A pending payment nobody confirms is canceled with `expired_on_confirmation` after this. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    authorizedAt: timestamp('authorized_at', { withTimezone: true }),
    capturedAt: timestamp('captured_at', { withTimezone: true }),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('sandbox_payments_idempotence_key').on(table.idempotenceKey),
    index('sandbox_payments_org').on(table.organizationId),
  ],
);

/** Refunds of sandbox payments; a card refund succeeds at once, as YooKassa's usually do. */
export const sandboxRefunds = pgTable(
  'sandbox_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => sandboxPayments.id, { onDelete: 'cascade' }),
    idempotenceKey: text('idempotence_key').notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'canceled'] }).notNull(),
    amountKopecks: integer('amount_kopecks').notNull(),
    currency: text('currency').notNull(),
    description: text('description').notNull(),
    receipt: jsonb('receipt').notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    uniqueIndex('sandbox_refunds_idempotence_key').on(table.idempotenceKey),
    index('sandbox_refunds_payment').on(table.paymentId),
  ],
);

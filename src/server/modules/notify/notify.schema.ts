import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../orgs/orgs.schema.js';

/**
 * pending — waiting for the delivery job; sent — accepted by the SMTP relay;
 * stored — no relay configured, the outbox itself is the delivery target;
 * failed — the relay refused it after every retry.
 */
export const mailStatus = pgEnum('mail_status', ['pending', 'sent', 'stored', 'failed']);

/** Every email, written in the same transaction as the change that causes it. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: mailStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Stable Message-ID, so a retried delivery is recognisable as the same message. */
    messageId: text('message_id').notNull(),
    /** A worker that claimed the message for delivery holds it until then (a lease, not a lock). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    index('mail_outbox_org_created').on(
      table.organizationId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

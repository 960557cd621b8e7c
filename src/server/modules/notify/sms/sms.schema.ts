import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../../orgs/orgs.schema.js';

/**
 * pending — waiting for the delivery job; sent — accepted by the gateway;
 * stored — no gateway configured (development sink), staff read it in the console;
 * failed — the gateway refused it after every retry.
 */
export const smsStatus = pgEnum('sms_status', ['pending', 'sent', 'stored', 'failed']);

/** Every SMS, written in the same transaction as the change that causes it (like `mail_outbox`). */
export const smsOutbox = pgTable(
  'sms_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** E.164, e.g. +79991234567. */
    toPhone: text('to_phone').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    body: text('body').notNull(),
    status: smsStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The gateway's id of the message (SMS.ru `sms_id`), for support requests to the gateway. */
    providerMessageId: text('provider_message_id'),
    /** A worker that claimed the message for delivery holds it until then (a lease). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (table) => [
    index('sms_outbox_org_created').on(
      table.organizationId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

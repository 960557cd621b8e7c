import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../access/access.schema.js';
import { createdAtColumn, organizationIdColumn } from '../../orgs/orgs.schema.js';
import { mailOutbox } from '../notify.schema.js';

/** Web push subscriptions, notification preferences and the notification log (docs/notifications.md). */

export const notificationType = pgEnum('notification_type', [
  'subscription_ending',
  'subscription_ended',
  'new_debt',
  'payment_succeeded',
  'payment_declined',
  'ticket_answered',
  'access_ending',
  'test',
]);
export const notificationChannel = pgEnum('notification_channel', ['push', 'email']);
/** See ZNotificationStatus in src/shared/contracts/notifications.ts. */
export const notificationStatus = pgEnum('notification_status', [
  'pending',
  'sent',
  'skipped',
  'failed',
]);
export const notificationDeliveryStatus = pgEnum('notification_delivery_status', [
  'sent',
  'gone',
  'failed',
]);

const userIdColumn = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

/** A browser's `PushSubscription` (one per device and browser profile). */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    userId: userIdColumn(),
    /** The push service URL; a browser re-subscribing with it moves it to the new person. */
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    userAgent: text('user_agent'),
    createdAt: createdAtColumn(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    /** Failed sends since the last success (404/410 delete the row instead). */
    failureCount: integer('failure_count').notNull().default(0),
  },
  (table) => [index('push_subscriptions_user').on(table.userId)],
);

/** A person's choice for a type × channel; absent rows mean the default (preferences.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: userIdColumn(),
    organizationId: organizationIdColumn(),
    type: notificationType('type').notNull(),
    channel: notificationChannel('channel').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.type, table.channel] })],
);

/** Quiet hours of an organization (no row: 21:00–09:00), in minutes after local midnight. */
export const notificationSettings = pgTable('notification_settings', {
  organizationId: organizationIdColumn().primaryKey(),
  quietFromMinutes: smallint('quiet_from_minutes')
    .notNull()
    .default(21 * 60),
  quietToMinutes: smallint('quiet_to_minutes')
    .notNull()
    .default(9 * 60),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every notification, written in the same transaction as the change that causes it. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    userId: userIdColumn(),
    type: notificationType('type').notNull(),
    /**
     * One notification per key and person (e.g. `subscription_ending:<id>:lessons`): each
     * parent who sees a student gets it once.
     */
    dedupeKey: text('dedupe_key'),
    /** The push `Topic`: a newer message with the same topic replaces an undelivered one. */
    topic: text('topic'),
    /** Urgent ones ignore quiet hours and go with `Urgency: high`. */
    urgent: boolean('urgent').notNull().default(false),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Path in the app to open. */
    url: text('url').notNull(),
    status: notificationStatus('status').notNull().default('pending'),
    /** Quiet hours: not delivered before this time (the job's startAfter). */
    deliverAfter: timestamp('deliver_after', { withTimezone: true }),
    /** A worker delivering it holds it until then (a lease, as the email outbox does). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAtColumn(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    // Nulls are distinct, so notifications without a key never conflict.
    uniqueIndex('notifications_person_dedupe').on(
      table.organizationId,
      table.userId,
      table.dedupeKey,
    ),
    index('notifications_user_created').on(
      table.userId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

/** One attempt on one channel (a push to one device, or the fallback email). */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: notificationChannel('channel').notNull(),
    pushSubscriptionId: uuid('push_subscription_id').references(() => pushSubscriptions.id, {
      onDelete: 'set null',
    }),
    /** The device, kept after a 404/410 deleted its subscription. */
    device: text('device'),
    emailOutboxId: uuid('email_outbox_id').references(() => mailOutbox.id, {
      onDelete: 'set null',
    }),
    status: notificationDeliveryStatus('status').notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
  },
  (table) => [index('notification_deliveries_notification').on(table.notificationId)],
);

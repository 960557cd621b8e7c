import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/access.schema.js';
import { createdAtColumn, organizationIdColumn } from '../orgs/orgs.schema.js';
import { paymentAttempts } from '../payments/payments.schema.js';

/** Course offers sold online (the training portal builds on them). */
export const courseOffers = pgTable(
  'course_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    priceKopecks: integer('price_kopecks').notNull(),
    /** How many days of cabinet access one payment adds (docs/payments.md, «Course access»). */
    accessDays: integer('access_days').notNull(),
    /** Off: not on sale (the public page answers 404, a payment is refused). */
    active: boolean('active').notNull().default(true),
    createdAt: createdAtColumn(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('course_offers_org_created').on(
      table.organizationId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
  ],
);

/**
 * Access granted by a paid course offer: one row per payment attempt (the unique attempt makes
 * a retried apply grant once), and the history staff read of who got what and until when.
 */
export const courseAccessGrants = pgTable(
  'course_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationIdColumn(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => paymentAttempts.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => courseOffers.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The account was created by this purchase (and invited), rather than extended. */
    accountCreated: boolean('account_created').notNull(),
    accessDays: integer('access_days').notNull(),
    /** The access end before and after the grant; null: no end (never shortened). */
    previousValidUntil: timestamp('previous_valid_until', { withTimezone: true }),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (table) => [
    uniqueIndex('course_access_grants_attempt').on(table.attemptId),
    index('course_access_grants_user').on(table.userId),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A tenant: a training centre, a club or a vendor using Kabinet. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    /** Host names (lower-case, no port) that resolve to this organization. */
    hostnames: text('hostnames')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The organization used for requests whose host matches no other; exactly one. */
    isDefault: boolean('is_default').notNull().default(false),
    defaultLocale: text('default_locale').notNull().default('ru'),
    timezone: text('timezone').notNull().default('Europe/Moscow'),
    /** Sessions one account may hold at once; null means unlimited (accounts may override). */
    sessionLimit: integer('session_limit'),
    /** Block accounts with no sign-in for this many days (`inactive_too_long`); null: never. */
    inactivityBlockDays: integer('inactivity_block_days'),
    /** Warn a person by email this many days before their access period ends. */
    accessWarningDays: integer('access_warning_days').notNull().default(7),
    /** Whether people may create their own accounts (a vendor's support portal turns it on). */
    selfRegistration: boolean('self_registration').notNull().default(false),
    /** Minimum password length (NIST SP 800-63B: at least 8; we default to 10). */
    passwordMinLength: integer('password_min_length').notNull().default(10),
    /** How people reach support, shown on the blocked screen. */
    supportEmail: text('support_email'),
    supportPhone: text('support_phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('organizations_single_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
  ],
);

/** The `organization_id` column every organization-scoped table carries (deleted with it). */
export const organizationIdColumn = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** `created_at timestamptz not null default now()`. */
export const createdAtColumn = () =>
  timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

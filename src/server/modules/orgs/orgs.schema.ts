import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('organizations_single_default')
      .on(table.isDefault)
      .where(sql`${table.isDefault}`),
  ],
);

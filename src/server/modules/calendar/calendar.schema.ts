import {
  date,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/access.schema.js';
import { organizations } from '../orgs/orgs.schema.js';

/** What a calendar day is: a day off, a full working day or a shortened pre-holiday one. */
export const calendarDayKind = pgEnum('calendar_day_kind', ['day_off', 'working', 'short']);

/** The organization's working hours (minutes from midnight in its time zone), Monday–Friday. */
export const calendarSettings = pgTable('calendar_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  dayStartMinutes: integer('day_start_minutes').notNull().default(540),
  dayEndMinutes: integer('day_end_minutes').notNull().default(1080),
  /** How much earlier a shortened pre-holiday day ends (the Labour Code says one hour). */
  shortDayMinutes: integer('short_day_minutes').notNull().default(60),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A staff edit of one day, over the shipped production calendar (a local holiday, a day the
 * centre works although the country rests). Removing the row restores the official day.
 */
export const calendarDayOverrides = pgTable(
  'calendar_day_overrides',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    kind: calendarDayKind('kind').notNull(),
    note: text('note'),
    updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.day] })],
);

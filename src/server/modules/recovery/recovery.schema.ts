import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/access.schema.js';
import { organizations } from '../orgs/orgs.schema.js';

/** unconfirmed → pending (address confirmed, in the staff queue) → approved | rejected. */
export const recoveryStatus = pgEnum('recovery_status', [
  'unconfirmed',
  'pending',
  'approved',
  'rejected',
]);

/** The last request number per organization; bumped with one upsert, so numbers never repeat. */
export const recoveryCounters = pgTable('recovery_counters', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull(),
});

/** A person who lost their email or phone asks staff to move their account to a new contact. */
export const recoveryRequests = pgTable(
  'recovery_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Per organization, shown as `В-000123`. */
    number: integer('number').notNull(),
    status: recoveryStatus('status').notNull().default('unconfirmed'),
    fullName: text('full_name').notNull(),
    knownLogin: text('known_login'),
    /**
     * Normalized (lower-case) new email: the confirmation and status emails go here. Null when
     * the person gave only a new phone: then an SMS code confirms and status news go by SMS.
     */
    newEmail: text('new_email'),
    /** E.164 new phone, if given. */
    newPhone: text('new_phone'),
    description: text('description').notNull(),
    locale: text('locale').notNull().default('ru'),
    /** SHA-256 of the status-page secret given at submission. */
    statusSecretHash: text('status_secret_hash').notNull(),
    /** SHA-256 of the confirmation link's token; null once confirmed, and for SMS confirmation. */
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /** The account the new contact went to (approved). */
    approvedUserId: uuid('approved_user_id').references(() => users.id, { onDelete: 'set null' }),
    rejectReason: text('reject_reason'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // A request must have a way to reach the person.
    check(
      'recovery_requests_contact',
      sql`${table.newEmail} is not null or ${table.newPhone} is not null`,
    ),
    uniqueIndex('recovery_requests_org_number').on(table.organizationId, table.number),
    index('recovery_requests_org_status').on(
      table.organizationId,
      table.status,
      table.createdAt.desc().nullsFirst(),
    ),
  ],
);

/** Identity documents of a request; the file lives in storage under `storageKey`. */
export const recoveryDocuments = pgTable(
  'recovery_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => recoveryRequests.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    /** As uploaded, for display only (never a path). */
    fileName: text('file_name').notNull(),
    /** Detected from the content, not taken from the upload. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the retention job removed the file from storage. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [
    index('recovery_documents_request').on(table.requestId),
    index('recovery_documents_live')
      .on(table.createdAt)
      .where(sql`${table.deletedAt} is null`),
  ],
);

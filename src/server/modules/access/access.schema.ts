import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { organizations } from '../orgs/orgs.schema.js';

/** Staff roles; a person without a role is a customer (parent, student, client). */
export const staffRole = pgEnum('staff_role', [
  'owner',
  'admin',
  'manager',
  'support_agent',
  'teacher',
]);

/** Who granted an access period: the person paid, or their employer granted it. */
export const accessGrantedBy = pgEnum('access_granted_by', ['payment', 'employer']);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Normalized (trimmed, NFKC, lower-case) email; unique per organization. */
    email: text('email'),
    /** E.164 phone (+79991234567); unique per organization. */
    phone: text('phone'),
    /** Staff-issued sign-in code without look-alike characters; unique per organization. */
    personalCode: text('personal_code'),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    staffRole: staffRole('staff_role'),
    locale: text('locale').notNull().default('ru'),
    /** When staff opened cabinet access; null means `access_not_opened`. */
    accessOpenedAt: timestamp('access_opened_at', { withTimezone: true }),
    /** End of the access period (a date, checked on every request); null: no end. */
    accessValidUntil: timestamp('access_valid_until', { withTimezone: true }),
    accessGrantedBy: accessGrantedBy('access_granted_by').notNull().default('payment'),
    /** Overrides the organization's session limit; null: the organization's. */
    sessionLimit: integer('session_limit'),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** The access-period warning sent for this `access_valid_until` (idempotency). */
    accessWarningSentFor: timestamp('access_warning_sent_for', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_org_email').on(table.organizationId, table.email),
    uniqueIndex('users_org_phone').on(table.organizationId, table.phone),
    uniqueIndex('users_org_personal_code').on(table.organizationId, table.personalCode),
    // The staff account list pages by (created_at, id) newest first within an organization.
    index('users_org_created').on(
      table.organizationId,
      table.createdAt.desc().nullsFirst(),
      table.id.desc().nullsFirst(),
    ),
    index('users_access_valid_until')
      .on(table.accessValidUntil)
      .where(sql`${table.accessValidUntil} is not null`),
  ],
);

/** Reasons an account cannot sign in; each has ru/en text and advice (src/shared). */
export const blockReason = pgEnum('block_reason', [
  'access_period_ended',
  'employer_access_ended',
  'too_many_failed_attempts',
  'inactive_too_long',
  'suspicious_activity',
  'policy_violation',
  'staff_decision',
  'access_not_opened',
]);

/** Blocks set by staff or the system; several may hold at once; those with an end lift themselves. */
export const accountBlocks = pgTable(
  'account_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: blockReason('reason').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    note: text('note'),
    /** Staff member who set it; null for the system. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('account_blocks_user_active')
      .on(table.userId)
      .where(sql`${table.liftedAt} is null`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    userAgent: text('user_agent'),
    ip: text('ip'),
    /** "Remember me": a long idle timeout instead of the short one. */
    remember: boolean('remember').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Idle expiry, slid forward on use. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Absolute lifetime: never slid. */
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }),
    /** Set when the session was ended by something other than its own sign-out. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** `signed_out_elsewhere`, `account_blocked`, `password_changed`, `revoked`. */
    endedReason: text('ended_reason'),
  },
  (table) => [index('sessions_user').on(table.userId)],
);

/** Single-use links: first administrator, invitations, password resets, email changes. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Purpose-specific data, e.g. the new address of an email change. */
    data: jsonb('data'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('one_time_tokens_org_purpose')
      .on(table.organizationId, table.purpose)
      .where(sql`${table.usedAt} is null`),
  ],
);

/** SMS codes (password reset, phone change): only a hash is stored; limited tries. */
export const smsCodes = pgTable(
  'sms_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    phone: text('phone').notNull(),
    purpose: text('purpose').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sms_codes_lookup').on(table.organizationId, table.phone, table.purpose)],
);

/**
 * Consecutive failed sign-ins per login key: `account:<id>` for known accounts and
 * `login:<normalized>` for unknown ones, so a lockout reveals nothing.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    failures: integer('failures').notNull().default(0),
    /** How many locks in a row; each doubles the next (1 min … 1 h). */
    lockLevel: integer('lock_level').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('sign_in_throttles_key').on(table.organizationId, table.key)],
);

/** Every sign-in attempt of an account (its history in Settings and in the console). */
export const signInEvents = pgTable(
  'sign_in_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** `success`, `invalid_credentials`, `account_blocked`, `too_many_attempts`, `session_limit_reached`. */
    result: text('result').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sign_in_events_user').on(table.userId, table.createdAt.desc().nullsFirst())],
);

/** Security audit log: who did what to which account (blocks, resets, contact changes…). */
export const securityAudit = pgTable(
  'security_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Null when the system acted (a job, a self-service flow of the subject). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    subjectId: uuid('subject_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    details: jsonb('details'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('security_audit_subject').on(table.subjectId, table.createdAt.desc().nullsFirst()),
    index('security_audit_org').on(table.organizationId, table.createdAt.desc().nullsFirst()),
  ],
);

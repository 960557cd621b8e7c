import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tsvector } from '../../infra/pg-types.js';
import { users } from '../access/access.schema.js';
import { organizations } from '../orgs/orgs.schema.js';

/** Lowest first; a ticket without a certificate always gets `low`. */
export const ticketPriority = pgEnum('ticket_priority', ['low', 'normal', 'high', 'urgent']);

export const ticketType = pgEnum('ticket_type', ['question', 'incident', 'request']);

/**
 * new → open → awaiting_customer → resolved → closed; a customer reply moves an awaiting or
 * resolved ticket back to open. `closed` is final except for reopening within the window.
 */
export const ticketStatus = pgEnum('ticket_status', [
  'new',
  'open',
  'awaiting_customer',
  'resolved',
  'closed',
]);

/** Why the ticket waits for the customer: staff proposed a solution or asked for information. */
export const awaitingReason = pgEnum('ticket_awaiting_reason', [
  'solution_proposed',
  'info_requested',
]);

export const ticketClosedBy = pgEnum('ticket_closed_by', ['customer', 'staff', 'auto', 'merge']);

export const messageAuthorRole = pgEnum('ticket_message_author_role', [
  'customer',
  'staff',
  'system',
]);

/** A queue of the organization's support staff («Базовая поддержка»). */
export const departments = pgTable(
  'helpdesk_departments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    /** The general queue: tickets without a certificate (or whose level names none) go here. */
    isGeneral: boolean('is_general').notNull().default(false),
    /** A closed ticket may be reopened this many days after closing; later, a reply starts a new one. */
    reopenWindowDays: integer('reopen_window_days').notNull().default(30),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('helpdesk_departments_one_general')
      .on(table.organizationId)
      .where(sql`${table.isGeneral}`),
  ],
);

/** A support level sold with certificates: it sets a ticket's priority, department and SLA. */
export const supportLevels = pgTable(
  'helpdesk_support_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Stable code used in CSV imports (`basic`, `standard`, `premium`). */
    code: text('code').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    priority: ticketPriority('priority').notNull(),
    departmentId: uuid('department_id').references(() => departments.id, {
      onDelete: 'set null',
    }),
    /** SLA targets in working minutes of the organization's calendar; null: no target. */
    firstResponseMinutes: integer('first_response_minutes'),
    resolutionMinutes: integer('resolution_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('helpdesk_support_levels_org_code').on(table.organizationId, table.code)],
);

/** A support certificate (contract): issued by staff, registered by a customer with its code. */
export const certificates = pgTable(
  'helpdesk_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Normalized (upper-case, no spaces) serial number; unique per organization. */
    serial: text('serial').notNull(),
    product: text('product').notNull(),
    supportLevelId: uuid('support_level_id')
      .notNull()
      .references(() => supportLevels.id, { onDelete: 'restrict' }),
    /** Calendar dates in the organization's time zone, both inclusive. */
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    /** SHA-256 of the normalized activation code; the code itself is shown to staff once. */
    activationCodeHash: text('activation_code_hash').notNull(),
    /** The customer organization named on the certificate (a company, for a vendor's clients). */
    customerName: text('customer_name'),
    /** The account it is registered to; null until a customer registers it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    /** Set when the before-expiry reminder went out, so it goes once. */
    expiryReminderSentAt: timestamp('expiry_reminder_sent_at', { withTimezone: true }),
    /** Failed registration attempts with this serial (wrong code); locks after a few. */
    failedRegistrations: integer('failed_registrations').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('helpdesk_certificates_org_serial').on(table.organizationId, table.serial),
    index('helpdesk_certificates_user').on(table.userId),
    index('helpdesk_certificates_expiry')
      .on(table.validTo)
      .where(sql`${table.userId} is not null and ${table.expiryReminderSentAt} is null`),
    check('helpdesk_certificates_dates', sql`${table.validFrom} <= ${table.validTo}`),
  ],
);

/** A structured field of the ticket form the organization configures (e.g. «Версия ОС»). */
export const ticketFields = pgTable(
  'helpdesk_ticket_fields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Key in `tickets.fields`; stable once tickets use it. */
    key: text('key').notNull(),
    labelRu: text('label_ru').notNull(),
    labelEn: text('label_en').notNull(),
    /** `text` or `select` (then `options` lists the choices). */
    kind: text('kind').notNull().default('text'),
    options: text('options')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (table) => [uniqueIndex('helpdesk_ticket_fields_org_key').on(table.organizationId, table.key)],
);

/** The last ticket number per organization; bumped with one upsert, so numbers never repeat. */
export const ticketCounters = pgTable('helpdesk_ticket_counters', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull(),
});

export const tickets = pgTable(
  'helpdesk_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Sequential per organization; the customer and staff see it (№ 1042). */
    number: integer('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    certificateId: uuid('certificate_id').references(() => certificates.id, {
      onDelete: 'set null',
    }),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'restrict' }),
    type: ticketType('type').notNull().default('question'),
    priority: ticketPriority('priority').notNull(),
    status: ticketStatus('status').notNull().default('new'),
    subject: text('subject').notNull(),
    /** Values of the organization's structured fields, by field key. */
    fields: jsonb('fields').$type<Record<string, string>>().notNull().default({}),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** The staff message that put the ticket into `awaiting_customer`: auto-close counts from it. */
    awaitingSince: timestamp('awaiting_since', { withTimezone: true }),
    awaitingReason: awaitingReason('awaiting_reason'),
    /** Set when the one-working-day reminder went out for the current wait. */
    awaitingReminderSentAt: timestamp('awaiting_reminder_sent_at', { withTimezone: true }),
    /** When the current wait closes the ticket (3 working days after `awaitingSince`). */
    autoCloseAt: timestamp('auto_close_at', { withTimezone: true }),
    /** When the reminder is due (1 working day after `awaitingSince`). */
    awaitingReminderAt: timestamp('awaiting_reminder_at', { withTimezone: true }),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    lastReplierId: uuid('last_replier_id').references(() => users.id, { onDelete: 'set null' }),
    lastReplierRole: messageAuthorRole('last_replier_role').notNull().default('customer'),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /** SLA deadlines in wall time, computed with the working-day calendar at creation. */
    firstResponseDueAt: timestamp('first_response_due_at', { withTimezone: true }),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: ticketClosedBy('closed_by'),
    /** Set when this ticket was merged into another (it is closed then). */
    mergedIntoId: uuid('merged_into_id'),
    /** The closed ticket this one continues (a reply after the reopen window). */
    continuesId: uuid('continues_id'),
    /**
     * The `Idempotency-Key` header or `clientRequestId` of the create call: a retried submit
     * finds this ticket instead of creating a second one (unique per customer).
     */
    idempotencyKey: text('idempotency_key'),
    /**
     * The nearest running SLA deadline (first response while unanswered, else resolution; none
     * once resolved or closed). Generated, so the queue's «due soon» and «breached» filters and
     * its «by deadline» order are one range scan on `helpdesk_tickets_sla_due`.
     */
    slaNextDueAt: timestamp('sla_next_due_at', { withTimezone: true }).generatedAlwaysAs(
      sql`case when status in ('resolved', 'closed') then null when first_response_at is null then least(first_response_due_at, resolution_due_at) else resolution_due_at end`,
    ),
    /** Subject and customer messages, for staff search (`russian` configuration). */
    searchVector: tsvector('search_vector'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('helpdesk_tickets_org_number').on(table.organizationId, table.number),
    // Every list orders by (last_message_at desc, number desc): the tie-breaker is in each index,
    // so the keyset cursor is an index condition and no page sorts (docs/helpdesk-performance.md).
    // «Мои обращения» by status; organization_id makes the per-status counters index-only.
    index('helpdesk_tickets_customer').on(
      table.customerId,
      table.organizationId,
      table.status,
      table.lastMessageAt.desc().nullsFirst(),
      table.number.desc().nullsFirst(),
    ),
    // «Мои обращения» with «Показать решённые»: every status, newest activity first.
    index('helpdesk_tickets_customer_activity').on(
      table.customerId,
      table.lastMessageAt.desc().nullsFirst(),
      table.number.desc().nullsFirst(),
    ),
    // The staff queue: an organization's work by status and activity.
    index('helpdesk_tickets_queue').on(
      table.organizationId,
      table.status,
      table.lastMessageAt.desc().nullsFirst(),
      table.number.desc().nullsFirst(),
    ),
    index('helpdesk_tickets_assignee').on(
      table.assigneeId,
      table.status,
      table.lastMessageAt.desc().nullsFirst(),
      table.number.desc().nullsFirst(),
    ),
    index('helpdesk_tickets_department').on(
      table.departmentId,
      table.status,
      table.lastMessageAt.desc().nullsFirst(),
      table.number.desc().nullsFirst(),
    ),
    // «Assigned to me» and one department in the default (in progress) view.
    index('helpdesk_tickets_assignee_active')
      .on(
        table.assigneeId,
        table.lastMessageAt.desc().nullsFirst(),
        table.number.desc().nullsFirst(),
      )
      .where(sql`${table.status} in ('new', 'open', 'awaiting_customer')`),
    index('helpdesk_tickets_department_active')
      .on(
        table.departmentId,
        table.lastMessageAt.desc().nullsFirst(),
        table.number.desc().nullsFirst(),
      )
      .where(sql`${table.status} in ('new', 'open', 'awaiting_customer')`),
    index('helpdesk_tickets_certificate').on(table.certificateId),
    // Tickets created in a period (the knowledge base's deflection rate).
    index('helpdesk_tickets_created').on(table.organizationId, table.createdAt),
    // The auto-close sweep and the reminder read only waiting tickets.
    index('helpdesk_tickets_auto_close')
      .on(table.autoCloseAt)
      .where(sql`${table.status} = 'awaiting_customer'`),
    index('helpdesk_tickets_awaiting_reminder')
      .on(table.awaitingReminderAt)
      .where(
        sql`${table.status} = 'awaiting_customer' and ${table.awaitingReminderSentAt} is null`,
      ),
    index('helpdesk_tickets_search').using('gin', table.searchVector),
    // Staff queue: SLA filters and the «by deadline» order (only tickets with a running target).
    index('helpdesk_tickets_sla_due')
      .on(table.organizationId, table.slaNextDueAt)
      .where(sql`${table.slaNextDueAt} is not null`),
    // Staff queue with no status filter beyond «in progress» (the default view), by activity.
    index('helpdesk_tickets_queue_active')
      .on(
        table.organizationId,
        table.lastMessageAt.desc().nullsFirst(),
        table.number.desc().nullsFirst(),
      )
      .where(sql`${table.status} in ('new', 'open', 'awaiting_customer')`),
    uniqueIndex('helpdesk_tickets_idempotency')
      .on(table.customerId, table.idempotencyKey)
      .where(sql`${table.idempotencyKey} is not null`),
    // «Мои обращения» sorted by number and the resolved counter stay bounded by the customer.
    index('helpdesk_tickets_customer_number').on(table.customerId, table.number),
    // «Мои обращения» searched by a word of the subject (`ilike '%…%'`): the customer and the
    // subject's trigrams in one GIN (btree_gin), so a search reads the matches, not every ticket
    // of a customer with thousands (16 ms → under 1 ms for the busiest at 2M).
    index('helpdesk_tickets_customer_subject').using(
      'gin',
      table.customerId,
      sql`${table.subject} gin_trgm_ops`,
    ),
  ],
);

/**
 * How many tickets each customer has in each status, kept by statement triggers on
 * `helpdesk_tickets` (migration `…_helpdesk_customer_counts`), so «Мои обращения» shows its
 * totals and «Показать решённые (N)» without counting thousands of a busy customer's tickets.
 */
export const customerTicketCounts = pgTable(
  'helpdesk_customer_ticket_counts',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: ticketStatus('status').notNull(),
    tickets: integer('tickets').notNull(),
  },
  (table) => [primaryKey({ columns: [table.customerId, table.status] })],
);

/** The conversation: customer and staff messages; internal notes are never shown to customers. */
export const ticketMessages = pgTable(
  'helpdesk_ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorRole: messageAuthorRole('author_role').notNull(),
    body: text('body').notNull(),
    internal: boolean('internal').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('helpdesk_ticket_messages_ticket').on(table.ticketId, table.createdAt)],
);

/**
 * A file attached to a message. Uploaded first (then `messageId` and `ticketId` are null and
 * `uploaderId` owns it), linked when the ticket or reply is sent; unlinked uploads expire.
 */
export const ticketAttachments = pgTable(
  'helpdesk_ticket_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => ticketMessages.id, { onDelete: 'cascade' }),
    uploaderId: uuid('uploader_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    /** As uploaded, for display only (never a path). */
    fileName: text('file_name').notNull(),
    /** Detected from the content, not taken from the upload. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('helpdesk_ticket_attachments_message').on(table.messageId),
    index('helpdesk_ticket_attachments_ticket').on(table.ticketId),
    index('helpdesk_ticket_attachments_unlinked')
      .on(table.createdAt)
      .where(sql`${table.messageId} is null`),
  ],
);

/** The full history of a ticket: every status change, assignment, merge, priority change. */
export const ticketEvents = pgTable(
  'helpdesk_ticket_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** Null for the system (auto-close, reminders). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** `created`, `status_changed`, `assigned`, `priority_changed`, `merged`, `reopened`, … */
    kind: text('kind').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('helpdesk_ticket_events_ticket').on(table.ticketId, table.createdAt)],
);

/** Staff's canned responses, inserted into replies. */
export const cannedResponses = pgTable(
  'helpdesk_canned_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('helpdesk_canned_responses_org').on(table.organizationId, table.title)],
);

/** A customer's choice of the non-essential help-desk emails (essential ones always go). */
export const helpdeskPreferences = pgTable('helpdesk_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  /** «Обращение взято в работу» and other progress notices. */
  emailOnProgress: boolean('email_on_progress').notNull().default(true),
  /** A staff reply that does not change the status. */
  emailOnReply: boolean('email_on_reply').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

import { z } from 'zod';
import { ZCalendarDate, ZCertificateStatus } from './helpdesk-certificates.js';

// The staff desk: the ticket queue, one ticket with its history, actions, merge, bulk actions,
// canned responses and the help-desk settings.

const ZDateTime = z.iso.datetime({ offset: true });

export const STAFF_TICKET_STATUSES = [
  'new',
  'open',
  'awaiting_customer',
  'resolved',
  'closed',
] as const;
export const ZStaffTicketStatus = z.enum(STAFF_TICKET_STATUSES);
export type StaffTicketStatus = z.infer<typeof ZStaffTicketStatus>;

/** Lowest first. */
export const STAFF_TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ZStaffTicketPriority = z.enum(STAFF_TICKET_PRIORITIES);
export type StaffTicketPriority = z.infer<typeof ZStaffTicketPriority>;

export const STAFF_TICKET_TYPES = ['question', 'incident', 'request'] as const;
export const ZStaffTicketType = z.enum(STAFF_TICKET_TYPES);

/**
 * One SLA target of a ticket: `none` (no target), `ok`, `due_soon` (within 2 working hours),
 * `breached` (past due, not met), `met` (met in time), `met_late` (met after the deadline).
 */
export const SLA_STATES = ['none', 'ok', 'due_soon', 'breached', 'met', 'met_late'] as const;
export const ZSlaState = z.enum(SLA_STATES);
export type SlaState = z.infer<typeof ZSlaState>;

export const ZSlaTarget = z.object({
  dueAt: ZDateTime.nullable(),
  state: ZSlaState,
});

/** Both SLA targets; `dueSoon`/`breached` summarize the target still running (for highlighting). */
export const ZTicketSla = z.object({
  firstResponse: ZSlaTarget,
  resolution: ZSlaTarget,
  /** The nearest running deadline (first response while unanswered, then resolution). */
  nextDueAt: ZDateTime.nullable(),
  dueSoon: z.boolean(),
  breached: z.boolean(),
});
export type TicketSla = z.infer<typeof ZTicketSla>;

const ZPerson = z.object({ id: z.uuid(), displayName: z.string() });

// A query-string list: `status=new&status=open` or `status=new,open`.
const queryList = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      value === undefined || value === ''
        ? undefined
        : (Array.isArray(value) ? value : [value]).flatMap((entry) =>
            String(entry)
              .split(',')
              .map((part) => part.trim())
              .filter(Boolean),
          ),
    z.array(item).max(10).optional(),
  );

/**
 * Queue order. `activity_*`: by the last message; `number_*`: by ticket number (creation
 * order); `due_asc`: the nearest running SLA deadline first (tickets without one are left out).
 */
export const STAFF_QUEUE_SORTS = [
  'activity_desc',
  'activity_asc',
  'number_desc',
  'number_asc',
  'due_asc',
] as const;
export const ZStaffQueueSort = z.enum(STAFF_QUEUE_SORTS);
export type StaffQueueSort = z.infer<typeof ZStaffQueueSort>;

/**
 * GET /api/staff/helpdesk/tickets. Without `status` the queue shows the work in progress
 * (`new`, `open`, `awaiting_customer`). Keyset-paginated by `cursor` (valid for the same sort).
 */
export const ZStaffQueueQuery = z.object({
  department: z.uuid().optional(),
  status: queryList(ZStaffTicketStatus),
  priority: queryList(ZStaffTicketPriority),
  /** `me`, `unassigned`, or a staff member's id. */
  assignee: z.union([z.enum(['me', 'unassigned']), z.uuid()]).optional(),
  /** A certificate serial (normalized like the register form). */
  certificate: z.string().trim().min(1).max(100).optional(),
  /** `due_soon`: a running SLA deadline within 2 working hours; `breached`: one already past. */
  sla: z.enum(['due_soon', 'breached']).optional(),
  /** A ticket number (`1042`, `№1042`, `#1042`) or words searched in subjects and messages. */
  q: z.string().trim().max(200).optional(),
  sort: ZStaffQueueSort.default('activity_desc'),
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type StaffQueueQuery = z.infer<typeof ZStaffQueueQuery>;

/** One row of the staff queue. */
export const ZStaffQueueRow = z.object({
  number: z.number().int(),
  subject: z.string(),
  status: ZStaffTicketStatus,
  priority: ZStaffTicketPriority,
  type: ZStaffTicketType,
  department: z.object({ id: z.uuid(), nameRu: z.string(), nameEn: z.string() }),
  customer: ZPerson,
  assignee: ZPerson.nullable(),
  certificate: z
    .object({
      serial: z.string(),
      levelCode: z.string(),
      levelNameRu: z.string(),
      levelNameEn: z.string(),
    })
    .nullable(),
  /** Who wrote last: the customer, staff or the system; `lastReplier` is null for the system. */
  lastReplierRole: z.enum(['customer', 'staff', 'system']),
  lastReplier: ZPerson.nullable(),
  lastMessageAt: ZDateTime,
  createdAt: ZDateTime,
  sla: ZTicketSla,
});
export type StaffQueueRow = z.infer<typeof ZStaffQueueRow>;

export const ZStaffQueueResponse = z.object({
  tickets: z.array(ZStaffQueueRow),
  nextCursor: z.string().nullable(),
});
export type StaffQueueResponse = z.infer<typeof ZStaffQueueResponse>;

export const ZTicketNumberParams = z.object({ number: z.coerce.number().int().min(1) });

export const ZStaffAttachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** Download URL (the ticket core serves the file). */
  url: z.string(),
});

/** A message in the conversation; `internal` notes are never shown to the customer. */
export const ZStaffTicketMessage = z.object({
  id: z.uuid(),
  authorRole: z.enum(['customer', 'staff', 'system']),
  author: ZPerson.nullable(),
  body: z.string(),
  internal: z.boolean(),
  createdAt: ZDateTime,
  attachments: z.array(ZStaffAttachment),
});
export type StaffTicketMessage = z.infer<typeof ZStaffTicketMessage>;

/**
 * One history entry. `kind`: `created`, `status_changed` (`details.from`, `details.to`),
 * `assigned` (`details.from`, `details.to`: user ids or null), `priority_changed`,
 * `department_changed`, `type_changed` (`details.from`, `details.to`), `merged_into`
 * (`details.number`), `merged_from` (`details.number`), `reopened`, and others the core writes.
 */
export const ZTicketEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  actor: ZPerson.nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: ZDateTime,
});
export type TicketEvent = z.infer<typeof ZTicketEvent>;

/** GET /api/staff/helpdesk/tickets/{number}: everything about one ticket. */
export const ZStaffTicketDetail = ZStaffQueueRow.extend({
  id: z.uuid(),
  customer: ZPerson.extend({ email: z.string().nullable(), phone: z.string().nullable() }),
  certificate: z
    .object({
      serial: z.string(),
      product: z.string(),
      levelCode: z.string(),
      levelNameRu: z.string(),
      levelNameEn: z.string(),
      validTo: ZCalendarDate,
      status: ZCertificateStatus,
    })
    .nullable(),
  fields: z.record(z.string(), z.string()),
  awaitingReason: z.enum(['solution_proposed', 'info_requested']).nullable(),
  autoCloseAt: ZDateTime.nullable(),
  firstResponseAt: ZDateTime.nullable(),
  resolvedAt: ZDateTime.nullable(),
  closedAt: ZDateTime.nullable(),
  closedBy: z.enum(['customer', 'staff', 'auto', 'merge']).nullable(),
  /** Number of the ticket this one was merged into. */
  mergedInto: z.number().int().nullable(),
  /** Number of the closed ticket this one continues. */
  continues: z.number().int().nullable(),
  /** The customer's other tickets (any status). */
  customerOtherTickets: z.number().int(),
  messages: z.array(ZStaffTicketMessage),
  events: z.array(ZTicketEvent),
});
export type StaffTicketDetail = z.infer<typeof ZStaffTicketDetail>;

/**
 * POST /api/staff/helpdesk/tickets/{number}/messages. `internal: true` is a note for staff only
 * (then `action` must be `reply`). `propose_solution` and `request_info` put the ticket into
 * «Ждёт ответа клиента» (auto-close counts from this message); `resolve` marks it resolved.
 */
export const ZStaffMessageRequest = z
  .object({
    body: z.string().trim().min(1).max(50_000),
    internal: z.boolean().default(false),
    action: z.enum(['reply', 'propose_solution', 'request_info', 'resolve']).default('reply'),
    attachmentIds: z.array(z.uuid()).max(20).default([]),
  })
  .refine((value) => !value.internal || value.action === 'reply', {
    path: ['action'],
    message: 'An internal note cannot change the status',
  });
export type StaffMessageRequest = z.input<typeof ZStaffMessageRequest>;

/** POST /api/staff/helpdesk/tickets/{number}/status: a status change without a message. */
export const ZStaffStatusRequest = z.object({ to: ZStaffTicketStatus });

/** POST /api/staff/helpdesk/tickets/{number}/assign: `assigneeId` null unassigns. */
export const ZStaffAssignRequest = z.object({ assigneeId: z.uuid().nullable() });

/** PATCH /api/staff/helpdesk/tickets/{number}: any of these; each change is a history event. */
export const ZStaffTicketUpdateRequest = z
  .object({
    priority: ZStaffTicketPriority.optional(),
    departmentId: z.uuid().optional(),
    type: ZStaffTicketType.optional(),
  })
  .refine(
    (value) =>
      value.priority !== undefined || value.departmentId !== undefined || value.type !== undefined,
    {
      message: 'Nothing to change',
    },
  );

/**
 * POST /api/staff/helpdesk/tickets/{number}/merge: moves this ticket's messages and attachments
 * into `into` and closes this one. Tickets of different customers need `confirmDifferentCustomers`
 * (else 409 `ticket_merge_needs_confirmation`); 409 `ticket_merge_invalid` for the same ticket, a
 * closed target or an already merged ticket.
 */
export const ZStaffMergeRequest = z.object({
  into: z.number().int().min(1),
  confirmDifferentCustomers: z.boolean().default(false),
});

/** POST /api/staff/helpdesk/tickets/bulk. `value` depends on `action`. */
export const ZStaffBulkRequest = z.discriminatedUnion('action', [
  z.object({
    numbers: z.array(z.number().int().min(1)).min(1).max(5000),
    action: z.literal('assign'),
    /** A staff member's id, or null to unassign. */
    value: z.uuid().nullable(),
  }),
  z.object({
    numbers: z.array(z.number().int().min(1)).min(1).max(5000),
    action: z.literal('status'),
    /** Bulk status changes: `open` (take into work), `resolved` or `closed`. */
    value: z.enum(['open', 'resolved', 'closed']),
  }),
  z.object({
    numbers: z.array(z.number().int().min(1)).min(1).max(5000),
    action: z.literal('priority'),
    value: ZStaffTicketPriority,
  }),
  z.object({
    numbers: z.array(z.number().int().min(1)).min(1).max(5000),
    action: z.literal('department'),
    value: z.uuid(),
  }),
]);
export type StaffBulkRequest = z.infer<typeof ZStaffBulkRequest>;

export const ZStaffBulkResponse = z.object({
  /** Tickets changed. */
  updated: z.number().int(),
  /** Numbers left alone: not found, already so, or (for status) closed or merged. */
  skipped: z.array(z.number().int()),
});
export type StaffBulkResponse = z.infer<typeof ZStaffBulkResponse>;

/** GET /api/staff/helpdesk/agents: staff who can be assigned tickets. */
export const ZStaffAgentsResponse = z.object({
  agents: z.array(ZPerson.extend({ role: z.string() })),
});

// ---- Canned responses ------------------------------------------------------------------------

export const ZCannedResponse = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  createdBy: ZPerson.nullable(),
  updatedAt: ZDateTime,
});
export type CannedResponse = z.infer<typeof ZCannedResponse>;

export const ZCannedResponseListResponse = z.object({ responses: z.array(ZCannedResponse) });

/** POST and PUT /api/staff/helpdesk/canned-responses(/{id}). */
export const ZCannedResponseInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
});
export type CannedResponseInput = z.infer<typeof ZCannedResponseInput>;

// ---- Settings --------------------------------------------------------------------------------

export const ZDepartment = z.object({
  id: z.uuid(),
  nameRu: z.string(),
  nameEn: z.string(),
  /** The general queue (tickets without a certificate); exactly one, cannot be deleted. */
  isGeneral: z.boolean(),
  reopenWindowDays: z.number().int(),
  sortOrder: z.number().int(),
});
export type Department = z.infer<typeof ZDepartment>;

/** POST and PUT /api/staff/helpdesk/departments(/{id}). */
export const ZDepartmentInput = z.object({
  nameRu: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  reopenWindowDays: z.number().int().min(0).max(3650).default(30),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type DepartmentInput = z.input<typeof ZDepartmentInput>;

export const ZSupportLevel = z.object({
  id: z.uuid(),
  code: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  priority: ZStaffTicketPriority,
  departmentId: z.uuid().nullable(),
  /** SLA targets in working minutes; null: no target. */
  firstResponseMinutes: z.number().int().nullable(),
  resolutionMinutes: z.number().int().nullable(),
});
export type SupportLevel = z.infer<typeof ZSupportLevel>;

/** POST and PUT /api/staff/helpdesk/support-levels(/{id}); 409 `support_level_code_taken`. */
export const ZSupportLevelInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[a-z0-9_-]+$/i),
  nameRu: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  priority: ZStaffTicketPriority,
  departmentId: z.uuid().nullable().default(null),
  firstResponseMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
  resolutionMinutes: z.number().int().min(1).max(525_600).nullable().default(null),
});
export type SupportLevelInput = z.input<typeof ZSupportLevelInput>;

export const ZTicketField = z.object({
  id: z.uuid(),
  key: z.string(),
  labelRu: z.string(),
  labelEn: z.string(),
  kind: z.enum(['text', 'select']),
  options: z.array(z.string()),
  required: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type TicketField = z.infer<typeof ZTicketField>;

/** POST and PUT /api/staff/helpdesk/ticket-fields(/{id}); 409 `ticket_field_key_taken`. */
export const ZTicketFieldInput = z
  .object({
    key: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[a-z][a-z0-9_]*$/),
    labelRu: z.string().trim().min(1).max(200),
    labelEn: z.string().trim().min(1).max(200),
    kind: z.enum(['text', 'select']).default('text'),
    options: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
    required: z.boolean().default(false),
    active: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
  })
  .refine((value) => value.kind !== 'select' || value.options.length > 0, {
    path: ['options'],
    message: 'A list needs options',
  });
export type TicketFieldInput = z.input<typeof ZTicketFieldInput>;

/** GET /api/staff/helpdesk/settings (owner, admin). */
export const ZHelpdeskSettings = z.object({
  departments: z.array(ZDepartment),
  supportLevels: z.array(ZSupportLevel),
  ticketFields: z.array(ZTicketField),
  cannedResponses: z.array(ZCannedResponse),
});
export type HelpdeskSettings = z.infer<typeof ZHelpdeskSettings>;

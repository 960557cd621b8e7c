import { z } from 'zod';

// Customer side of the help desk: the ticket form, «Мои обращения», a ticket's conversation,
// attachments and email preferences. Staff endpoints live in `helpdesk-staff.ts`.

/** new → open → awaiting_customer → resolved → closed (a customer reply moves it back to open). */
export const TICKET_STATUSES = ['new', 'open', 'awaiting_customer', 'resolved', 'closed'] as const;
export const ZTicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof ZTicketStatus>;

/** Lowest first; a ticket without a certificate always gets `low`. */
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const ZTicketPriority = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof ZTicketPriority>;

export const TICKET_TYPES = ['question', 'incident', 'request'] as const;
export const ZTicketType = z.enum(TICKET_TYPES);
export type TicketType = z.infer<typeof ZTicketType>;

/** Why a ticket waits for the customer. */
export const ZAwaitingReason = z.enum(['solution_proposed', 'info_requested']);
export type AwaitingReason = z.infer<typeof ZAwaitingReason>;

export const ZMessageAuthorRole = z.enum(['customer', 'staff', 'system']);
export type MessageAuthorRole = z.infer<typeof ZMessageAuthorRole>;

export const ZTicketClosedBy = z.enum(['customer', 'staff', 'auto', 'merge']);
export type TicketClosedBy = z.infer<typeof ZTicketClosedBy>;

/** Statuses «Мои обращения» hides unless `includeResolved` (counted in `resolvedCount`). */
export const RESOLVED_STATUSES = ['resolved', 'closed'] as const satisfies TicketStatus[];

/**
 * Content types accepted as attachments (detected from the bytes on the server). Plain text
 * (`text/plain`) is accepted only for `.txt`/`.log` files that are valid UTF-8 without NULs.
 */
export const HELPDESK_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'application/x-7z-compressed',
  'application/gzip',
  'application/x-tar',
  'text/plain',
] as const;

/** Attachment types the browser may show inline (`previewable`). */
export const PREVIEWABLE_ATTACHMENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const;

/** The ticket number as shown (`№ 1042`) and in URLs (`/tickets/1042`). */
export const ZTicketNumberParams = z.object({ number: z.coerce.number().int().min(1).max(2e9) });

export const ZAttachmentIdParams = z.object({ id: z.uuid() });

/** An uploaded file. `GET /api/helpdesk/attachments/{id}` downloads it. */
export const ZTicketAttachment = z.object({
  id: z.uuid(),
  /** As uploaded, for display only. */
  fileName: z.string(),
  /** Detected from the content. */
  contentType: z.string(),
  sizeBytes: z.number().int(),
  /** An image the browser can show inline (a thumbnail/preview). */
  previewable: z.boolean(),
});
export type TicketAttachment = z.infer<typeof ZTicketAttachment>;

/**
 * 201 of `POST /api/helpdesk/attachments` (multipart, one file in the field `file`). Refusals:
 * 413 `file_too_large` (`details.maxBytes`, `details.maxMegabytes`), 415 `file_type_not_allowed`
 * (`details.allowed`, `details.fileName`).
 */
export const ZUploadAttachmentResponse = ZTicketAttachment;

/** Size and count limits for attachments, for the form to check before uploading. */
export const ZAttachmentLimits = z.object({
  maxFileBytes: z.number().int(),
  maxFileMegabytes: z.number(),
  /** Per ticket and per reply. */
  maxFiles: z.number().int(),
  allowedTypes: z.array(z.string()),
  /** File extensions for the file picker's `accept`. */
  allowedExtensions: z.array(z.string()),
});
export type AttachmentLimits = z.infer<typeof ZAttachmentLimits>;

/** A department (queue), name in the person's language. */
export const ZDepartmentRef = z.object({ id: z.uuid(), name: z.string() });

/** One of the person's certificates valid today, as the ticket form offers it. */
export const ZFormCertificate = z.object({
  id: z.uuid(),
  serial: z.string(),
  product: z.string(),
  supportLevel: z.object({ code: z.string(), name: z.string() }),
  /** The priority a ticket with this certificate gets. */
  priority: ZTicketPriority,
  department: ZDepartmentRef,
  /** Last valid day (inclusive), `YYYY-MM-DD`. */
  validTo: z.string(),
});
export type FormCertificate = z.infer<typeof ZFormCertificate>;

/** A structured field of the form configured by the organization. */
export const ZFormField = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'select']),
  /** The choices of a `select`. */
  options: z.array(z.string()),
  required: z.boolean(),
});
export type FormField = z.infer<typeof ZFormField>;

/** GET /api/helpdesk/form — everything the «Отправить обращение» form needs. */
export const ZTicketFormResponse = z.object({
  certificates: z.array(ZFormCertificate),
  /** What «Без сертификата» means, to say before sending: minimum priority, the general queue. */
  withoutCertificate: z.object({ priority: ZTicketPriority, department: ZDepartmentRef }),
  departments: z.array(ZDepartmentRef),
  fields: z.array(ZFormField),
  types: z.array(ZTicketType),
  attachments: ZAttachmentLimits,
});
export type TicketFormResponse = z.infer<typeof ZTicketFormResponse>;

/**
 * POST /api/helpdesk/tickets. Idempotent: a retry with the same `Idempotency-Key` header or
 * `clientRequestId` answers with the ticket the first call created (201 again).
 */
export const ZCreateTicketRequest = z.object({
  /** One of the person's valid certificates, or null for «Без сертификата». */
  certificateId: z.uuid().nullable(),
  type: ZTicketType.default('question'),
  subject: z.string().trim().min(3).max(200),
  description: z.string().trim().min(1).max(20_000),
  /** Values of the organization's fields by key; required ones must be non-empty. */
  fields: z.record(z.string(), z.string().trim().max(500)).default({}),
  /** Files uploaded by this person with `POST /api/helpdesk/attachments`, not yet sent. */
  attachmentIds: z.array(z.uuid()).max(100).default([]),
  /** A random id the client makes once per form; a retried submit reuses it. */
  clientRequestId: z.uuid().optional(),
});
export type CreateTicketRequest = z.input<typeof ZCreateTicketRequest>;

/** Who wrote last. Staff appear by name; the customer as themselves. */
export const ZLastReplier = z.object({ name: z.string(), role: ZMessageAuthorRole });

/** A row of «Мои обращения». */
export const ZTicketSummary = z.object({
  number: z.number().int(),
  subject: z.string(),
  status: ZTicketStatus,
  priority: ZTicketPriority,
  type: ZTicketType,
  department: ZDepartmentRef,
  /** The last message's time (the «Последнее обновление» column). */
  lastUpdateAt: z.iso.datetime({ offset: true }),
  lastReplier: ZLastReplier.nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TicketSummary = z.infer<typeof ZTicketSummary>;

/** 201 of POST /api/helpdesk/tickets. */
export const ZCreateTicketResponse = ZTicketSummary;
export type CreateTicketResponse = z.infer<typeof ZCreateTicketResponse>;

const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** GET /api/helpdesk/tickets */
export const ZTicketListQuery = z.object({
  status: ZTicketStatus.optional(),
  /** Show resolved and closed tickets too (they are hidden by default). */
  includeResolved: booleanQuery.default(false),
  /** A number (`1042`, `№1042`) or words of the subject. */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['number', 'lastUpdate', 'status', 'priority']).default('lastUpdate'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TicketListQuery = z.input<typeof ZTicketListQuery>;

export const ZTicketListResponse = z.object({
  items: z.array(ZTicketSummary),
  /** Tickets matching the filters (for pagination). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The person's resolved and closed tickets (matching `q`): «Показать решённые (N)». */
  resolvedCount: z.number().int(),
});
export type TicketListResponse = z.infer<typeof ZTicketListResponse>;

/** One message of the conversation (internal notes never reach the customer). */
export const ZTicketMessage = z.object({
  id: z.uuid(),
  authorRole: ZMessageAuthorRole,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  attachments: z.array(ZTicketAttachment),
});
export type TicketMessage = z.infer<typeof ZTicketMessage>;

/** GET /api/helpdesk/tickets/{number} — the ticket with its conversation. */
export const ZTicketDetail = ZTicketSummary.extend({
  certificate: z.object({ id: z.uuid(), serial: z.string(), product: z.string() }).nullable(),
  /** Values of the structured fields, with the labels of the organization's fields. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
  awaitingReason: ZAwaitingReason.nullable(),
  /** When a waiting ticket closes by itself (3 working days after the staff message). */
  autoCloseAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  closedBy: ZTicketClosedBy.nullable(),
  reopen: z.object({
    /** The ticket is closed and still within its department's reopen window. */
    allowed: z.boolean(),
    /** The end of the window (null when the ticket is not closed). */
    until: z.iso.datetime({ offset: true }).nullable(),
  }),
  /** May the customer close it now (not already closed). */
  canClose: z.boolean(),
  /** The closed ticket this one continues, and the ticket that continues this one. */
  continuesNumber: z.number().int().nullable(),
  continuedByNumber: z.number().int().nullable(),
  messages: z.array(ZTicketMessage),
});
export type TicketDetail = z.infer<typeof ZTicketDetail>;

/** POST /api/helpdesk/tickets/{number}/messages — a customer reply. */
export const ZTicketReplyRequest = z.object({
  body: z.string().trim().min(1).max(20_000),
  attachmentIds: z.array(z.uuid()).max(100).default([]),
});
export type TicketReplyRequest = z.input<typeof ZTicketReplyRequest>;

/**
 * 201 of a reply. Normally `number` is the same ticket. A reply to a ticket closed longer than
 * its reopen window ago creates a new ticket linked to it: then `createdNewTicket` is true and
 * `number` is the new ticket's (open it).
 */
export const ZTicketReplyResponse = z.object({
  number: z.number().int(),
  createdNewTicket: z.boolean(),
  status: ZTicketStatus,
  messageId: z.uuid(),
});
export type TicketReplyResponse = z.infer<typeof ZTicketReplyResponse>;

/** GET/PUT /api/helpdesk/preferences — non-essential emails (status changes always go). */
export const ZHelpdeskPreferences = z.object({
  /** Progress notices (the ticket was taken into work). */
  emailOnProgress: z.boolean(),
  /** A staff reply that does not change the status. */
  emailOnReply: z.boolean(),
});
export type HelpdeskPreferences = z.infer<typeof ZHelpdeskPreferences>;

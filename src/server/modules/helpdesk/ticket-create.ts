import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ZCreateTicketRequest,
  CreateTicketResponse,
} from '../../../shared/contracts/helpdesk-tickets.js';
import type { SessionUser } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { loadWorkCalendar } from '../calendar/index.js';
import type { Organization } from '../orgs/index.js';
import { ensureHelpdeskDefaults } from './helpdesk-defaults.js';
import { enqueueTicketEmail, localeOfUser } from './helpdesk-mails.js';
import { ticketFields } from './helpdesk.schema.js';
import { attachUploads } from './ticket-actions.js';
import { localDay, priorityLabel, routeTicket, type TicketRouting } from './ticket-routing.js';
import { getTicketSummary } from './ticket-view.js';
import {
  findTicketByIdempotencyKey,
  insertMessage,
  insertTicket,
  insertTicketEvent,
  nextTicketNumber,
  setInitialSearchText,
  type TicketRow,
} from './tickets.repo.js';

type CreateInput = z.output<typeof ZCreateTicketRequest>;

const isUniqueViolation = (error: unknown): boolean => {
  const code = (value: unknown) => (value as { code?: unknown } | null)?.code;
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
};

/** The organization's active fields: required ones must be filled, select values must be choices. */
async function checkFields(db: DbOrTx, organizationId: string, given: Record<string, string>) {
  const defined = await db
    .select()
    .from(ticketFields)
    .where(and(eq(ticketFields.organizationId, organizationId), eq(ticketFields.active, true)))
    .orderBy(asc(ticketFields.sortOrder));
  const values: Record<string, string> = {};
  const issues: { path: string[]; code: string; message: string }[] = [];
  for (const field of defined) {
    const value = given[field.key]?.trim() ?? '';
    if (!value) {
      if (field.required)
        issues.push({ path: ['fields', field.key], code: 'required', message: 'Required' });
      continue;
    }
    if (field.kind === 'select' && !field.options.includes(value)) {
      issues.push({ path: ['fields', field.key], code: 'invalid_value', message: 'Not a choice' });
      continue;
    }
    values[field.key] = value;
  }
  if (issues.length > 0) throw new AppError('validation_failed', issues);
  return values;
}

/**
 * Files a ticket for the signed-in customer. With a certificate (theirs, valid today in the
 * organization's time zone) the ticket takes its level's priority, department and SLA; without
 * one it gets `low` priority in the general department. Idempotent by `idempotencyKey` (the
 * `Idempotency-Key` header or `clientRequestId`): a retry returns the first call's ticket, also
 * when two retries race (the unique index decides, the loser reads the winner's ticket).
 */
export async function createTicket(
  ctx: AppContext,
  organization: Organization,
  user: SessionUser,
  input: CreateInput,
  options: { idempotencyKey?: string | null; now?: Date } = {},
): Promise<CreateTicketResponse> {
  const now = options.now ?? new Date();
  const locale = localeOfUser(user);
  const key = options.idempotencyKey ?? input.clientRequestId ?? null;
  const general = await ensureHelpdeskDefaults(ctx.db, organization.id);
  if (key) {
    const existing = await findTicketByIdempotencyKey(ctx.db, organization.id, user.id, key);
    if (existing) return getTicketSummary(ctx.db, existing, locale);
  }
  if (input.attachmentIds.length > ctx.config.helpdesk.maxFiles)
    throw new AppError('too_many_files', { maxFiles: ctx.config.helpdesk.maxFiles });
  const fields = await checkFields(ctx.db, organization.id, input.fields);
  const routing = await routeTicket(ctx.db, {
    organizationId: organization.id,
    userId: user.id,
    certificateId: input.certificateId,
    today: localDay(now, organization.timezone),
    generalDepartmentId: general.id,
  });
  if (!routing) throw new AppError('ticket_certificate_invalid');

  try {
    const ticket = await ctx.db.transaction((tx) =>
      insertNewTicket(ctx, tx, organization, {
        customer: user,
        routing,
        type: input.type,
        subject: input.subject,
        body: input.description,
        fields,
        attachmentIds: input.attachmentIds,
        idempotencyKey: key,
        continuesId: null,
        now,
      }),
    );
    return await getTicketSummary(ctx.db, ticket, locale);
  } catch (error) {
    if (key && isUniqueViolation(error)) {
      const winner = await findTicketByIdempotencyKey(ctx.db, organization.id, user.id, key);
      if (winner) return getTicketSummary(ctx.db, winner, locale);
    }
    throw error;
  }
}

/** What `insertNewTicket` writes. */
export interface NewTicket {
  customer: Pick<SessionUser, 'id' | 'displayName' | 'email' | 'locale'>;
  routing: TicketRouting;
  type: TicketRow['type'];
  subject: string;
  body: string;
  fields: Record<string, string>;
  attachmentIds: string[];
  idempotencyKey: string | null;
  /** The closed ticket a late reply continues. */
  continuesId: string | null;
  now: Date;
}

/**
 * Writes a ticket with its first message, attachments, search text, `created` event and the
 * «получено» email, in `tx`. SLA due times count working minutes from now.
 */
export async function insertNewTicket(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  ticket: NewTicket,
): Promise<TicketRow> {
  const { routing, now, customer } = ticket;
  const needsCalendar = routing.firstResponseMinutes !== null || routing.resolutionMinutes !== null;
  const calendar = needsCalendar ? await loadWorkCalendar(tx, organization.id) : null;
  const due = (minutes: number | null) =>
    calendar && minutes !== null ? calendar.addWorkingMinutes(now, minutes) : null;
  const number = await nextTicketNumber(tx, organization.id);
  const row = await insertTicket(tx, {
    organizationId: organization.id,
    number,
    customerId: customer.id,
    certificateId: routing.certificateId,
    departmentId: routing.departmentId,
    type: ticket.type,
    priority: routing.priority,
    status: 'new',
    subject: ticket.subject,
    fields: ticket.fields,
    lastMessageAt: now,
    lastReplierId: customer.id,
    lastReplierRole: 'customer',
    firstResponseDueAt: due(routing.firstResponseMinutes),
    resolutionDueAt: due(routing.resolutionMinutes),
    idempotencyKey: ticket.idempotencyKey,
    continuesId: ticket.continuesId,
    createdAt: now,
    updatedAt: now,
  });
  const message = await insertMessage(tx, {
    organizationId: organization.id,
    ticketId: row.id,
    authorId: customer.id,
    authorRole: 'customer',
    body: ticket.body,
    createdAt: now,
  });
  await attachUploads(ctx, tx, {
    organizationId: organization.id,
    uploaderId: customer.id,
    ids: ticket.attachmentIds,
    ticketId: row.id,
    messageId: message.id,
  });
  await setInitialSearchText(tx, row.id, ticket.subject, ticket.body);
  await insertTicketEvent(tx, {
    organizationId: organization.id,
    ticketId: row.id,
    actorId: customer.id,
    kind: 'created',
    details: {
      priority: routing.priority,
      certificateId: routing.certificateId,
      ...(ticket.continuesId ? { continuesId: ticket.continuesId } : {}),
    },
    createdAt: now,
  });
  const locale = localeOfUser(customer);
  await enqueueTicketEmail(ctx, tx, {
    organization,
    recipient: customer,
    ticket: row,
    template: 'helpdesk_ticket_received',
    data: { priority: priorityLabel(routing.priority, locale) },
  });
  return row;
}

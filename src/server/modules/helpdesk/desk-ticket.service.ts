import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { StaffTicketDetail } from '../../../shared/contracts/helpdesk-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { users } from '../access/access.schema.js';
import type { Organization } from '../orgs/index.js';
import { certificateStatus, localDate } from './certificate-status.js';
import {
  certificates,
  supportLevels,
  ticketAttachments,
  ticketEvents,
  ticketMessages,
  tickets,
} from './helpdesk.schema.js';
import { customers, selectDeskRows, type DeskRowData } from './queue.repo.js';
import { dueSoonHorizon, presentQueueRow } from './queue.service.js';

async function numberOf(db: DbOrTx, id: string | null) {
  if (!id) return null;
  const [row] = await db.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, id));
  return row?.number ?? null;
}

/** Everything staff see about one ticket: conversation with notes, history, certificate. */
export async function getStaffTicket(
  ctx: AppContext,
  organization: Organization,
  number: number,
  now = new Date(),
): Promise<StaffTicketDetail> {
  const [row] = await selectDeskRows(ctx.db)
    .where(and(eq(tickets.organizationId, organization.id), eq(tickets.number, number)))
    .limit(1);
  if (!row) throw new AppError('not_found');
  const { ticket } = row;
  const [contact] = await ctx.db
    .select({ email: customers.email, phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, ticket.customerId));
  const [certificate] = ticket.certificateId
    ? await ctx.db
        .select({ certificate: certificates, level: supportLevels })
        .from(certificates)
        .innerJoin(supportLevels, eq(supportLevels.id, certificates.supportLevelId))
        .where(eq(certificates.id, ticket.certificateId))
    : [];
  const messages = await ctx.db
    .select({ message: ticketMessages, author: { id: users.id, displayName: users.displayName } })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorId))
    .where(eq(ticketMessages.ticketId, ticket.id))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const attachments = await ctx.db
    .select()
    .from(ticketAttachments)
    .where(eq(ticketAttachments.ticketId, ticket.id))
    .orderBy(asc(ticketAttachments.createdAt));
  const events = await ctx.db
    .select({ event: ticketEvents, actor: { id: users.id, displayName: users.displayName } })
    .from(ticketEvents)
    .leftJoin(users, eq(users.id, ticketEvents.actorId))
    .where(eq(ticketEvents.ticketId, ticket.id))
    .orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id));
  const [others] = await ctx.db
    .select({ value: count() })
    .from(tickets)
    .where(and(eq(tickets.customerId, ticket.customerId), ne(tickets.id, ticket.id)));

  const byMessage = new Map<string, typeof attachments>();
  for (const attachment of attachments) {
    if (!attachment.messageId) continue;
    byMessage.set(attachment.messageId, [
      ...(byMessage.get(attachment.messageId) ?? []),
      attachment,
    ]);
  }
  const today = localDate(now, organization.timezone);
  const base = presentQueueRow(
    row as DeskRowData,
    now,
    await dueSoonHorizon(ctx, organization.id, now),
  );
  return {
    ...base,
    id: ticket.id,
    customer: { ...base.customer, email: contact?.email ?? null, phone: contact?.phone ?? null },
    certificate: certificate
      ? {
          serial: certificate.certificate.serial,
          product: certificate.certificate.product,
          levelCode: certificate.level.code,
          levelNameRu: certificate.level.nameRu,
          levelNameEn: certificate.level.nameEn,
          validTo: certificate.certificate.validTo,
          status: certificateStatus(
            certificate.certificate.validFrom,
            certificate.certificate.validTo,
            today,
          ).status,
        }
      : null,
    fields: ticket.fields,
    awaitingReason: ticket.awaitingReason,
    autoCloseAt: ticket.autoCloseAt?.toISOString() ?? null,
    firstResponseAt: ticket.firstResponseAt?.toISOString() ?? null,
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    closedBy: ticket.closedBy,
    mergedInto: await numberOf(ctx.db, ticket.mergedIntoId),
    continues: await numberOf(ctx.db, ticket.continuesId),
    customerOtherTickets: others?.value ?? 0,
    messages: messages.map(({ message, author }) => ({
      id: message.id,
      authorRole: message.authorRole,
      author: author?.id ? author : null,
      body: message.body,
      internal: message.internal,
      createdAt: message.createdAt.toISOString(),
      attachments: (byMessage.get(message.id) ?? []).map((attachment) => ({
        id: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: attachment.sizeBytes,
        url: `/api/helpdesk/attachments/${attachment.id}`,
      })),
    })),
    events: events.map(({ event, actor }) => ({
      id: event.id,
      kind: event.kind,
      actor: actor?.id ? actor : null,
      details: event.details,
      createdAt: event.createdAt.toISOString(),
    })),
  };
}

/** Ids of the organization's tickets with these numbers (missing ones are left out). */
export async function ticketIdsByNumbers(db: DbOrTx, organizationId: string, numbers: number[]) {
  return db
    .select({ id: tickets.id, number: tickets.number })
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), inArray(tickets.number, numbers)));
}

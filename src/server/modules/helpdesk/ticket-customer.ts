import { eq } from 'drizzle-orm';
import type { TicketReplyResponse } from '../../../shared/contracts/helpdesk-tickets.js';
import type { SessionUser } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import type { Organization } from '../orgs/index.js';
import { ensureHelpdeskDefaults } from './helpdesk-defaults.js';
import { ticketMessages } from './helpdesk.schema.js';
import { attachUploads, lockTicket } from './ticket-actions.js';
import { insertNewTicket } from './ticket-create.js';
import { localDay, routeTicket, withoutCertificate } from './ticket-routing.js';
import { reopenDeadline } from './ticket-status.js';
import { applyTransition } from './ticket-transition.js';
import {
  appendSearchText,
  findDepartment,
  insertMessage,
  updateTicket,
  type TicketRow,
} from './tickets.repo.js';

/** Whether a closed ticket is still inside its department's reopen window at `now`. */
async function withinReopenWindow(tx: DbOrTx, ticket: TicketRow, now: Date) {
  if (ticket.closedBy === 'merge') return false;
  const department = await findDepartment(tx, ticket.organizationId, ticket.departmentId);
  const until = reopenDeadline(ticket.closedAt, department?.reopenWindowDays ?? 30);
  return until !== null && now <= until;
}

/**
 * A customer's reply. Awaiting and resolved tickets go back to `open`; a closed ticket inside
 * the reopen window is reopened first; after the window the reply starts a NEW ticket that
 * continues the old one (`continues_id`), and the answer names the new number.
 */
export async function replyAsCustomer(
  ctx: AppContext,
  organization: Organization,
  user: SessionUser,
  options: { number: number; body: string; attachmentIds: string[]; now?: Date },
): Promise<TicketReplyResponse> {
  const now = options.now ?? new Date();
  const general = await ensureHelpdeskDefaults(ctx.db, organization.id);
  return ctx.db.transaction(async (tx) => {
    let ticket = await lockTicket(tx, organization.id, options.number, user.id);
    if (ticket.status === 'closed') {
      if (!(await withinReopenWindow(tx, ticket, now)))
        return continueInNewTicket(
          ctx,
          tx,
          organization,
          user,
          ticket,
          { ...options, now },
          general.id,
        );
      ticket = await applyTransition(ctx, tx, organization, {
        ticket,
        event: { kind: 'reopen' },
        actorId: user.id,
        now,
      });
    }
    const message = await insertMessage(tx, {
      organizationId: organization.id,
      ticketId: ticket.id,
      authorId: user.id,
      authorRole: 'customer',
      body: options.body,
      createdAt: now,
    });
    await attachUploads(ctx, tx, {
      organizationId: organization.id,
      uploaderId: user.id,
      ids: options.attachmentIds,
      ticketId: ticket.id,
      messageId: message.id,
    });
    await appendSearchText(tx, ticket.id, options.body);
    const touched = await updateTicket(tx, ticket.id, {
      lastMessageAt: now,
      lastReplierId: user.id,
      lastReplierRole: 'customer',
      updatedAt: now,
    });
    const updated = await applyTransition(ctx, tx, organization, {
      ticket: touched,
      event: { kind: 'customer_reply' },
      actorId: user.id,
      now,
    });
    return {
      number: updated.number,
      createdNewTicket: false,
      status: updated.status,
      messageId: message.id,
    };
  });
}

async function continueInNewTicket(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  user: SessionUser,
  old: TicketRow,
  options: { body: string; attachmentIds: string[]; now: Date },
  generalDepartmentId: string,
): Promise<TicketReplyResponse> {
  // The old certificate still counts if it is still the person's and valid; else the minimum.
  const routing =
    (await routeTicket(tx, {
      organizationId: organization.id,
      userId: user.id,
      certificateId: old.certificateId,
      today: localDay(options.now, organization.timezone),
      generalDepartmentId,
    })) ?? withoutCertificate(generalDepartmentId);
  const created = await insertNewTicket(ctx, tx, organization, {
    customer: user,
    routing,
    type: old.type,
    subject: old.subject,
    body: options.body,
    fields: old.fields,
    attachmentIds: options.attachmentIds,
    idempotencyKey: null,
    continuesId: old.id,
    now: options.now,
  });
  return {
    number: created.number,
    createdNewTicket: true,
    status: created.status,
    messageId: await firstMessageId(tx, created.id),
  };
}

async function firstMessageId(tx: DbOrTx, ticketId: string) {
  const [row] = await tx
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))
    .limit(1);
  if (!row) throw new Error('first message missing');
  return row.id;
}

/** The customer closes the ticket themselves. */
export async function closeAsCustomer(
  ctx: AppContext,
  organization: Organization,
  user: SessionUser,
  options: { number: number; now?: Date },
) {
  const now = options.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, organization.id, options.number, user.id);
    await applyTransition(ctx, tx, organization, {
      ticket,
      event: { kind: 'customer_close' },
      actorId: user.id,
      now,
      closedBy: 'customer',
    });
  });
}

/**
 * The customer reopens a resolved ticket, or a closed one within its department's window; after
 * the window 409 `ticket_reopen_expired` (the client offers to write a message instead).
 */
export async function reopenAsCustomer(
  ctx: AppContext,
  organization: Organization,
  user: SessionUser,
  options: { number: number; now?: Date },
) {
  const now = options.now ?? new Date();
  await ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, organization.id, options.number, user.id);
    if (ticket.status === 'closed' && !(await withinReopenWindow(tx, ticket, now)))
      throw new AppError('ticket_reopen_expired');
    await applyTransition(ctx, tx, organization, {
      ticket,
      event: { kind: 'reopen' },
      actorId: user.id,
      now,
    });
  });
}

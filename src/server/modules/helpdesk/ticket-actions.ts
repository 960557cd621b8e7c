import type { TicketStatus } from '../../../shared/contracts/helpdesk-tickets.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';

import { applyTransition } from './ticket-transition.js';
import type { AddStaffMessageOptions, ChangeTicketStatusOptions } from './tickets.service.js';
import {
  findTicketByNumber,
  insertMessage,
  linkAttachments,
  updateTicket,
  type TicketRow,
} from './tickets.repo.js';

/** Links the sender's uploads to a message; 413/422 when there are too many or a bad id. */
export async function attachUploads(
  ctx: AppContext,
  tx: DbOrTx,
  options: {
    organizationId: string;
    uploaderId: string;
    ids: string[];
    ticketId: string;
    messageId: string;
  },
) {
  const ids = [...new Set(options.ids)];
  if (ids.length > ctx.config.helpdesk.maxFiles)
    throw new AppError('too_many_files', { maxFiles: ctx.config.helpdesk.maxFiles });
  const linked = await linkAttachments(tx, { ...options, ids });
  if (linked !== ids.length) throw new AppError('ticket_attachment_invalid');
}

/** The locked ticket, or 404. */
export async function lockTicket(
  tx: DbOrTx,
  organizationId: string,
  number: number,
  customerId?: string,
): Promise<TicketRow> {
  const ticket = await findTicketByNumber(tx, organizationId, number, {
    forUpdate: true,
    ...(customerId ? { customerId } : {}),
  });
  if (!ticket) throw new AppError('not_found');
  return ticket;
}

/** `addStaffMessage` (documented in `tickets.service.ts`). */
export async function runStaffMessage(ctx: AppContext, options: AddStaffMessageOptions) {
  const now = options.now ?? new Date();
  const { organization, author } = options;
  return ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, organization.id, options.ticketNumber);
    const event = {
      kind: 'staff_message' as const,
      action: options.action,
      internal: options.internal,
    };
    const message = await insertMessage(tx, {
      organizationId: organization.id,
      ticketId: ticket.id,
      authorId: author.id,
      authorRole: 'staff',
      body: options.body,
      internal: options.internal,
      createdAt: now,
    });
    await attachUploads(ctx, tx, {
      organizationId: organization.id,
      uploaderId: author.id,
      ids: options.attachmentIds,
      ticketId: ticket.id,
      messageId: message.id,
    });
    // An internal note never shows in the customer's "last update" or "last replier".
    const activity: Partial<TicketRow> = options.internal
      ? { updatedAt: now }
      : {
          updatedAt: now,
          lastMessageAt: now,
          lastReplierId: author.id,
          lastReplierRole: 'staff',
          ...(ticket.firstResponseAt ? {} : { firstResponseAt: now }),
        };
    const touched = await updateTicket(tx, ticket.id, activity);
    const updated = await applyTransition(ctx, tx, organization, {
      ticket: touched,
      event,
      actorId: author.id,
      now,
      staffMessage: options.internal
        ? undefined
        : { authorName: author.displayName, body: options.body },
    });
    return { messageId: message.id, ticketId: ticket.id, status: updated.status };
  });
}

/** `changeTicketStatus` (documented in `tickets.service.ts`). */
export async function runStatusChange(
  ctx: AppContext,
  options: ChangeTicketStatusOptions,
): Promise<{ ticketId: string; status: TicketStatus }> {
  const now = options.now ?? new Date();
  return ctx.db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, options.organization.id, options.ticketNumber);
    const updated = await applyTransition(ctx, tx, options.organization, {
      ticket,
      event: { kind: 'set_status', to: options.to },
      actorId: options.actor?.id ?? null,
      now,
      closedBy: options.closedBy ?? 'staff',
    });
    return { ticketId: updated.id, status: updated.status };
  });
}

import type { TicketClosedBy, TicketStatus } from '../../../shared/contracts/helpdesk-tickets.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { loadWorkCalendar } from '../calendar/index.js';
import type { Organization } from '../orgs/index.js';
import {
  enqueueTicketEmail,
  formatTicketTime,
  localeOfUser,
  type TicketRecipient,
} from './helpdesk-mails.js';
import { nextTicketStatus, reopenDeadline, type TicketEvent } from './ticket-status.js';
import {
  findDepartment,
  findRecipient,
  insertTicketEvent,
  updateTicket,
  type TicketRow,
} from './tickets.repo.js';

/** Auto-close and the reminder count working days from the staff message (the rule). */
export const AUTO_CLOSE_WORKING_DAYS = 3;
export const REMINDER_WORKING_DAYS = 1;

/** One status change of one locked ticket. */
export interface TransitionInput {
  /** The ticket, locked `for update` in `tx`. */
  ticket: TicketRow;
  event: TicketEvent;
  actorId: string | null;
  now: Date;
  closedBy?: TicketClosedBy;
  /** The staff message that caused it (quoted in the email; starts the wait). */
  staffMessage?: { authorName: string; body: string };
}

/**
 * Applies `event` to a locked ticket in `tx`: checks the state machine (409
 * `ticket_transition_invalid`), updates status and its timestamps, writes a `status_changed`
 * event and enqueues the customer's email, all in the caller's transaction. Entering
 * `awaiting_customer` (re)starts the wait: reminder after 1 and auto-close after 3 working days
 * of the organization's calendar, counted from the staff message's time (`now`).
 */
export async function applyTransition(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  input: TransitionInput,
): Promise<TicketRow> {
  const { ticket, event, now } = input;
  const from = ticket.status;
  const to = nextTicketStatus(from, event);
  if (!to) throw new AppError('ticket_transition_invalid', { status: from });

  const patch: Partial<TicketRow> = { status: to, updatedAt: now };
  const startsWait = event.kind === 'staff_message' && to === 'awaiting_customer';
  if (startsWait) {
    const calendar = await loadWorkCalendar(tx, organization.id);
    patch.awaitingSince = now;
    patch.awaitingReason =
      event.action === 'propose_solution' ? 'solution_proposed' : 'info_requested';
    patch.awaitingReminderAt = calendar.addWorkingDays(now, REMINDER_WORKING_DAYS);
    patch.autoCloseAt = calendar.addWorkingDays(now, AUTO_CLOSE_WORKING_DAYS);
    patch.awaitingReminderSentAt = null;
  } else if (to !== 'awaiting_customer') {
    Object.assign(patch, {
      awaitingSince: null,
      awaitingReason: null,
      awaitingReminderAt: null,
      autoCloseAt: null,
      awaitingReminderSentAt: null,
    });
  }
  if (to === 'resolved' && from !== 'resolved') patch.resolvedAt = now;
  if (to === 'closed' && from !== 'closed') {
    patch.closedAt = now;
    patch.closedBy = input.closedBy ?? 'staff';
  }
  if (to === 'open' || to === 'new')
    Object.assign(patch, { resolvedAt: null, closedAt: null, closedBy: null });

  const updated = await updateTicket(tx, ticket.id, patch);
  if (from !== to || startsWait) {
    await insertTicketEvent(tx, {
      organizationId: organization.id,
      ticketId: ticket.id,
      actorId: input.actorId,
      kind: event.kind === 'reopen' ? 'reopened' : 'status_changed',
      details: {
        from,
        to,
        cause: event.kind,
        ...(patch.awaitingReason ? { awaitingReason: patch.awaitingReason } : {}),
        ...(patch.closedBy ? { closedBy: patch.closedBy } : {}),
      },
      createdAt: now,
    });
  }
  await notifyTransition(ctx, tx, organization, { ...input, from, to, ticket: updated });
  return updated;
}

/** The customer's email for a transition; see `helpdesk-mails.ts` for which ones are optional. */
async function notifyTransition(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  input: TransitionInput & { from: TicketStatus; to: TicketStatus },
) {
  const { ticket, event, from, to } = input;
  // The customer's own replies and reopening need no email; closing does (with the deadline).
  if (
    event.kind === 'customer_reply' ||
    (event.kind === 'reopen' && input.actorId === ticket.customerId)
  )
    return;
  if (event.kind === 'staff_message' && event.internal) return;
  const recipient = await findRecipient(tx, ticket.customerId);
  if (!recipient) return;
  const send = mailer(ctx, tx, organization, recipient, ticket);
  const locale = localeOfUser(recipient);

  if (to === 'awaiting_customer' && input.staffMessage && ticket.autoCloseAt) {
    return send('helpdesk_ticket_awaiting', {
      ...input.staffMessage,
      staffName: input.staffMessage.authorName,
      reason: ticket.awaitingReason ?? 'info_requested',
      autoCloseOn: formatTicketTime(ticket.autoCloseAt, locale, organization.timezone),
    });
  }
  if (from === to || (from === 'new' && to === 'open' && input.staffMessage)) {
    if (event.kind === 'staff_message' && input.staffMessage)
      return send('helpdesk_staff_reply', {
        staffName: input.staffMessage.authorName,
        body: input.staffMessage.body,
      });
    return;
  }
  if (to === 'resolved') return send('helpdesk_ticket_resolved', {});
  if (to === 'closed') {
    const department = await findDepartment(tx, organization.id, ticket.departmentId);
    const until = reopenDeadline(ticket.closedAt, department?.reopenWindowDays ?? 30);
    return send('helpdesk_ticket_closed', {
      closedBy: ticket.closedBy ?? 'staff',
      reopenUntil: until ? formatTicketTime(until, locale, organization.timezone) : '',
    });
  }
  if (to === 'open' && from === 'new') return send('helpdesk_ticket_in_progress', {});
  if (to === 'open') return send('helpdesk_ticket_reopened', {});
}

function mailer(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  recipient: TicketRecipient,
  ticket: TicketRow,
) {
  return async <Name extends Parameters<typeof enqueueTicketEmail>[2]['template']>(
    template: Name,
    data: Parameters<typeof enqueueTicketEmail<Name>>[2]['data'],
  ) => {
    await enqueueTicketEmail(ctx, tx, { organization, recipient, ticket, template, data });
  };
}

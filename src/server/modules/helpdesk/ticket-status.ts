import type { TicketStatus } from '../../../shared/contracts/helpdesk-tickets.js';

// The ticket state machine, in one place: every status change of every use case (customer,
// staff, auto-close, merge) asks `nextTicketStatus` first. Side effects (timestamps, events,
// emails) are in `ticket-actions.ts`; this file is pure so it can be tested exhaustively.
//
//   new → open → awaiting_customer → resolved → closed
//   a customer reply moves awaiting_customer and resolved back to open;
//   closed is final except for reopening (within the department's window, checked by callers).

/** A staff message's status action. */
export type StaffAction = 'reply' | 'propose_solution' | 'request_info' | 'resolve';

/** Everything that can happen to a ticket. */
export type TicketEvent =
  | { kind: 'customer_reply' }
  | { kind: 'customer_close' }
  /** The customer or staff reopens a closed (or resolved) ticket. */
  | { kind: 'reopen' }
  | { kind: 'staff_message'; action: StaffAction; internal: boolean }
  /** A staff status action without a message. */
  | { kind: 'set_status'; to: TicketStatus }
  /** The sweep closes a ticket that waited 3 working days. */
  | { kind: 'auto_close' };

const ACTIVE: readonly TicketStatus[] = ['new', 'open', 'awaiting_customer'];

/**
 * The status after `event`, or null when the event is not allowed in `current` (the caller
 * answers 409 `ticket_transition_invalid`). The same status means "allowed, no change".
 */
export function nextTicketStatus(current: TicketStatus, event: TicketEvent): TicketStatus | null {
  switch (event.kind) {
    case 'customer_reply':
      // A closed ticket is reopened (or continued) by the caller before the reply lands.
      if (current === 'closed') return null;
      // More details on a ticket nobody took yet keep it in the "new" queue.
      return current === 'new' ? 'new' : 'open';
    case 'customer_close':
      return current === 'closed' ? null : 'closed';
    case 'reopen':
      return current === 'closed' || current === 'resolved' ? 'open' : null;
    case 'auto_close':
      return current === 'awaiting_customer' ? 'closed' : null;
    case 'staff_message':
      return afterStaffMessage(current, event.action, event.internal);
    case 'set_status':
      return afterStatusAction(current, event.to);
  }
}

function afterStaffMessage(
  current: TicketStatus,
  action: StaffAction,
  internal: boolean,
): TicketStatus | null {
  // Notes are staff-only bookkeeping: allowed on any ticket, and they never move it.
  if (internal) return action === 'reply' ? current : null;
  if (current === 'closed') return null;
  switch (action) {
    case 'reply':
      return current === 'new' ? 'open' : current;
    case 'propose_solution':
    case 'request_info':
      return 'awaiting_customer';
    case 'resolve':
      return current === 'resolved' ? null : 'resolved';
  }
}

function afterStatusAction(current: TicketStatus, to: TicketStatus): TicketStatus | null {
  if (current === to) return null;
  switch (to) {
    case 'new':
      return null;
    // Waiting for the customer always follows a message the customer can answer.
    case 'awaiting_customer':
      return null;
    // «Взять в работу», or staff reopening (no window for staff).
    case 'open':
      return current === 'new' ||
        current === 'awaiting_customer' ||
        current === 'resolved' ||
        current === 'closed'
        ? 'open'
        : null;
    case 'resolved':
      return ACTIVE.includes(current) ? 'resolved' : null;
    case 'closed':
      return 'closed';
  }
}

/** Whether «Мои обращения» hides the status by default. */
export const isResolvedStatus = (status: TicketStatus) =>
  status === 'resolved' || status === 'closed';

/**
 * The end of the reopen window of a ticket closed at `closedAt`, or null when it is not closed.
 * Days are calendar days: the window is a promise to the customer, not a working-time target.
 */
export function reopenDeadline(closedAt: Date | null, windowDays: number): Date | null {
  if (!closedAt) return null;
  return new Date(closedAt.getTime() + windowDays * 86_400_000);
}

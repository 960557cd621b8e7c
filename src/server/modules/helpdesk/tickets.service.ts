/**
 * The ticket use cases other parts of the help desk call (the staff queue uses these two; the
 * customer routes use the `ticket-*.ts` services directly).
 *
 * - `addStaffMessage(ctx, { organization, ticketNumber, author, body, internal, action,
 *   attachmentIds })` — a staff reply or internal note. `action` moves the ticket:
 *   `reply` keeps the status (a `new` ticket becomes `open`), `propose_solution` and
 *   `request_info` put it into `awaiting_customer` (auto-close counts 3 working days from this
 *   message, a reminder after 1), `resolve` makes it `resolved`. An internal note (`internal:
 *   true`) must use `reply`, is never shown to or emailed to the customer and changes nothing
 *   but the activity time. The first non-internal staff message sets `first_response_at`.
 *   Attachments are ids the author uploaded with `POST /api/helpdesk/attachments`.
 *   Throws 404 `not_found`, 409 `ticket_transition_invalid` (e.g. a reply to a closed ticket),
 *   422 `ticket_attachment_invalid`.
 * - `changeTicketStatus(ctx, { organization, ticketNumber, actor, to })` — a status action
 *   without a message (close, resolve, reopen, take into work = `open`). `closedBy` defaults to
 *   `staff` (`merge` for the merge use case). Throws 404 / 409 `ticket_transition_invalid`.
 *
 * Both run in one transaction that updates the ticket, writes a `helpdesk_ticket_events` row and
 * enqueues the customer's email (status changes always; staff replies per preferences).
 */
import type { AppContext } from '../../infra/context.js';
import type { Organization } from '../orgs/index.js';
import type { TicketStatus, TicketClosedBy } from '../../../shared/contracts/helpdesk-tickets.js';
import type { StaffAction } from './ticket-status.js';
import { runStaffMessage, runStatusChange } from './ticket-actions.js';

export type { StaffAction } from './ticket-status.js';

/** A person acting on a ticket (staff). */
export interface TicketActor {
  id: string;
  displayName: string;
}

/** Options of `addStaffMessage`. */
export interface AddStaffMessageOptions {
  organization: Organization;
  ticketNumber: number;
  author: TicketActor;
  body: string;
  /** An internal note: staff only, never emailed; `action` must be `reply`. */
  internal: boolean;
  action: StaffAction;
  attachmentIds: string[];
  /** The message time (tests and imports); now by default. */
  now?: Date;
}

/** What a staff message did. */
export interface StaffMessageResult {
  messageId: string;
  ticketId: string;
  status: TicketStatus;
}

/** A staff reply or internal note with an optional status action (see the file comment). */
export function addStaffMessage(
  ctx: AppContext,
  options: AddStaffMessageOptions,
): Promise<StaffMessageResult> {
  return runStaffMessage(ctx, options);
}

/** Options of `changeTicketStatus`. */
export interface ChangeTicketStatusOptions {
  organization: Organization;
  ticketNumber: number;
  /** Null for the system. */
  actor: TicketActor | null;
  to: TicketStatus;
  /** Who closed it, when `to` is `closed`; `staff` by default. */
  closedBy?: Exclude<TicketClosedBy, 'customer' | 'auto'>;
  now?: Date;
}

/** A status change without a message (see the file comment). */
export function changeTicketStatus(
  ctx: AppContext,
  options: ChangeTicketStatusOptions,
): Promise<{ ticketId: string; status: TicketStatus }> {
  return runStatusChange(ctx, options);
}

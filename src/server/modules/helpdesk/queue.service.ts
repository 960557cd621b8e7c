import type {
  StaffQueueQuery,
  StaffQueueResponse,
  StaffQueueRow,
} from '../../../shared/contracts/helpdesk-staff.js';
import { normalizeCertificateKey } from '../../../shared/contracts/helpdesk-certificates.js';
import type { AppContext } from '../../infra/context.js';
import { loadWorkCalendar } from '../calendar/index.js';
import type { Organization } from '../orgs/index.js';
import { findQueuePage, nextQueueCursor, type QueueRowData } from './queue.repo.js';
import { SLA_DUE_SOON_WORKING_MINUTES, ticketSla } from './sla.js';

/** The statuses the queue shows when none are asked for: work in progress. */
export const ACTIVE_STATUSES = ['new', 'open', 'awaiting_customer'] as const;

/** Now plus two working hours of the organization: the «due soon» horizon. */
export async function dueSoonHorizon(ctx: AppContext, organizationId: string, now: Date) {
  const calendar = await loadWorkCalendar(ctx.db, organizationId);
  return calendar.addWorkingMinutes(now, SLA_DUE_SOON_WORKING_MINUTES);
}

/** A queue row as the contract shows it. */
export function presentQueueRow(row: QueueRowData, now: Date, dueSoonBefore: Date): StaffQueueRow {
  const { ticket } = row;
  return {
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    department: row.department,
    customer: row.customer,
    assignee: row.assignee?.id ? row.assignee : null,
    certificate: row.certificate?.serial ? row.certificate : null,
    lastReplierRole: ticket.lastReplierRole,
    lastReplier: row.replier?.id ? row.replier : null,
    lastMessageAt: ticket.lastMessageAt.toISOString(),
    createdAt: ticket.createdAt.toISOString(),
    sla: ticketSla(ticket, now, dueSoonBefore),
  };
}

/** `1042`, `№1042`, `#1042`, `№ 1042` → 1042; null for anything else. */
export function parseTicketNumberQuery(text: string): number | null {
  const match = /^(?:№|#|n)?\s*(\d{1,9})$/i.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}

/** The staff queue page (see `ZStaffQueueQuery`). */
export async function listQueue(
  ctx: AppContext,
  organization: Organization,
  viewerId: string,
  query: StaffQueueQuery,
  now = new Date(),
): Promise<StaffQueueResponse> {
  const dueSoonBefore = await dueSoonHorizon(ctx, organization.id, now);
  const text = query.q?.trim() || undefined;
  const ticketNumber = text ? (parseTicketNumberQuery(text) ?? undefined) : undefined;
  const filter = {
    organizationId: organization.id,
    statuses: query.status?.length ? query.status : [...ACTIVE_STATUSES],
    priorities: query.priority?.length ? query.priority : undefined,
    departmentId: query.department,
    assigneeId:
      query.assignee === 'me' ? viewerId : query.assignee === 'unassigned' ? null : query.assignee,
    certificateSerial: query.certificate ? normalizeCertificateKey(query.certificate) : undefined,
    sla:
      query.sla === 'breached'
        ? { breachedBefore: now }
        : query.sla === 'due_soon'
          ? { dueFrom: now, dueBefore: dueSoonBefore }
          : undefined,
    ticketNumber,
    text: ticketNumber === undefined ? text : undefined,
    sort: query.sort,
    cursor: query.cursor,
    limit: query.limit,
  };
  const rows = await findQueuePage(ctx.db, filter);
  return {
    tickets: rows.map((row) => presentQueueRow(row, now, dueSoonBefore)),
    nextCursor: nextQueueCursor(rows, filter),
  };
}

import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  RESOLVED_STATUSES,
  type TicketDetail,
  type TicketListResponse,
  type TicketSummary,
  type ZTicketListQuery,
} from '../../../shared/contracts/helpdesk-tickets.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { DbOrTx } from '../../infra/db.js';
import { executePrepared } from '../../infra/prepared.js';
import { users } from '../../schema.js';
import type { Organization } from '../orgs/index.js';
import { attachmentsByMessage } from './attachments.service.js';
import {
  certificates,
  customerTicketCounts,
  departments,
  ticketFields,
  ticketMessages,
  tickets,
} from './helpdesk.schema.js';
import { nameIn } from './ticket-routing.js';
import { reopenDeadline } from './ticket-status.js';
import { findTicketByNumber, type TicketRow } from './tickets.repo.js';

const ACTIVE_STATUSES = ['new', 'open', 'awaiting_customer'] as const;

// Only what a list row shows: the page never carries the search vector or the custom fields.
const summaryColumns = {
  ticket: {
    number: tickets.number,
    subject: tickets.subject,
    status: tickets.status,
    priority: tickets.priority,
    type: tickets.type,
    lastMessageAt: tickets.lastMessageAt,
    lastReplierRole: tickets.lastReplierRole,
    createdAt: tickets.createdAt,
  },
  department: { id: departments.id, nameRu: departments.nameRu, nameEn: departments.nameEn },
  replierName: users.displayName,
};

type SummaryRow = {
  ticket: Pick<
    TicketRow,
    | 'number'
    | 'subject'
    | 'status'
    | 'priority'
    | 'type'
    | 'lastMessageAt'
    | 'lastReplierRole'
    | 'createdAt'
  >;
  department: { id: string; nameRu: string; nameEn: string };
  replierName: string | null;
};

function present(row: SummaryRow, locale: Locale): TicketSummary {
  const { ticket } = row;
  return {
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    department: { id: row.department.id, name: nameIn(row.department, locale) },
    lastUpdateAt: ticket.lastMessageAt.toISOString(),
    lastReplier: row.replierName ? { name: row.replierName, role: ticket.lastReplierRole } : null,
    createdAt: ticket.createdAt.toISOString(),
  };
}

const summaryQuery = (db: DbOrTx) =>
  db
    .select(summaryColumns)
    .from(tickets)
    .innerJoin(departments, eq(departments.id, tickets.departmentId))
    .leftJoin(users, eq(users.id, tickets.lastReplierId));

/** The list row of one ticket. */
export async function getTicketSummary(db: DbOrTx, ticket: TicketRow, locale: Locale) {
  const [row] = await summaryQuery(db).where(eq(tickets.id, ticket.id)).limit(1);
  if (!row) throw new AppError('not_found');
  return present(row, locale);
}

/** `1042`, `№1042`, `#1042` → 1042. */
const numberOf = (q: string) => {
  const match = /^(?:№|#|n|no\.?)?\s*(\d{1,9})$/i.exec(q.trim());
  return match?.[1] ? Number(match[1]) : null;
};

/** Escapes `%`, `_` and `\` for ILIKE. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type TicketStatus = TicketRow['status'];
const ALL_STATUSES: readonly TicketStatus[] = [...ACTIVE_STATUSES, ...RESOLVED_STATUSES];

/** The statuses a list without a search shows. */
function listedStatuses(query: z.output<typeof ZTicketListQuery>): readonly TicketStatus[] {
  if (query.status) return [query.status];
  return query.includeResolved ? ALL_STATUSES : ACTIVE_STATUSES;
}

/** Totals from the per-customer counters the triggers keep: one primary-key range, any size. */
async function countCustomerTickets(
  db: DbOrTx,
  customerId: string,
  listed: readonly TicketStatus[],
): Promise<{ total: number; resolved: number }> {
  const rows = await executePrepared(
    db
      .select({ status: customerTicketCounts.status, tickets: customerTicketCounts.tickets })
      .from(customerTicketCounts)
      .where(eq(customerTicketCounts.customerId, customerId)),
    'helpdesk_customer_counts',
  );
  const sum = (statuses: readonly TicketStatus[]) =>
    rows.reduce((total, row) => total + (statuses.includes(row.status) ? row.tickets : 0), 0);
  return { total: sum(listed), resolved: sum(RESOLVED_STATUSES) };
}

/** Totals of a search: counted, since the counters know nothing of subjects. */
async function countMatchingTickets(db: DbOrTx, where: SQL | undefined, statusFilter?: SQL) {
  const [counts] = await executePrepared(
    db
      .select({
        total: sql<number>`count(*) filter (where ${statusFilter ?? sql`true`})`.mapWith(Number),
        resolved:
          sql<number>`count(*) filter (where ${inArray(tickets.status, [...RESOLVED_STATUSES])})`.mapWith(
            Number,
          ),
      })
      .from(tickets)
      .where(where),
    'helpdesk_my_tickets_matches',
  );
  return { total: counts?.total ?? 0, resolved: counts?.resolved ?? 0 };
}

/**
 * «Мои обращения»: the customer's tickets in this organization, filtered, sorted and paged on
 * the server. Every query is bounded by the customer (index `helpdesk_tickets_customer`).
 */
export async function listCustomerTickets(
  db: DbOrTx,
  options: {
    organizationId: string;
    customerId: string;
    locale: Locale;
    query: z.output<typeof ZTicketListQuery>;
  },
): Promise<TicketListResponse> {
  const { query } = options;
  const owner = and(
    eq(tickets.organizationId, options.organizationId),
    eq(tickets.customerId, options.customerId),
  );
  let search: SQL | undefined;
  if (query.q) {
    const number = numberOf(query.q);
    const bySubject = ilike(tickets.subject, likePattern(query.q));
    search = number !== null ? or(eq(tickets.number, number), bySubject) : bySubject;
  }
  const statusFilter = query.status
    ? eq(tickets.status, query.status)
    : query.includeResolved
      ? undefined
      : inArray(tickets.status, [...ACTIVE_STATUSES]);
  const where = and(owner, search, statusFilter);
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = {
    number: tickets.number,
    lastUpdate: tickets.lastMessageAt,
    // Enums sort in declaration order: new → closed, low → urgent.
    status: tickets.status,
    priority: tickets.priority,
  }[query.sort];

  const [rows, counts] = await Promise.all([
    executePrepared(
      summaryQuery(db)
        .where(where)
        .orderBy(direction(sortColumn), direction(tickets.number))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      'helpdesk_my_tickets',
    ),
    search
      ? countMatchingTickets(db, and(owner, search), statusFilter)
      : countCustomerTickets(db, options.customerId, listedStatuses(query)),
  ]);
  return {
    items: rows.map((row) => present(row, options.locale)),
    total: counts.total,
    page: query.page,
    pageSize: query.pageSize,
    resolvedCount: counts.resolved,
  };
}

/**
 * A customer's ticket with its conversation. Internal notes are filtered out in SQL, so they
 * never reach this code; another customer's ticket is 404.
 */
export async function getCustomerTicket(
  db: DbOrTx,
  options: {
    organization: Organization;
    customerId: string;
    number: number;
    locale: Locale;
    now: Date;
  },
): Promise<TicketDetail> {
  const { organization, locale } = options;
  const ticket = await findTicketByNumber(db, organization.id, options.number, {
    customerId: options.customerId,
  });
  if (!ticket) throw new AppError('not_found');
  const summary = await getTicketSummary(db, ticket, locale);
  const [department] = await db
    .select({ reopenWindowDays: departments.reopenWindowDays })
    .from(departments)
    .where(eq(departments.id, ticket.departmentId));
  const messages = await db
    .select({ message: ticketMessages, authorName: users.displayName })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorId))
    .where(and(eq(ticketMessages.ticketId, ticket.id), eq(ticketMessages.internal, false)))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const attachments = await attachmentsByMessage(
    db,
    messages.map((row) => row.message.id),
  );
  const [certificate] = ticket.certificateId
    ? await db
        .select({ id: certificates.id, serial: certificates.serial, product: certificates.product })
        .from(certificates)
        .where(eq(certificates.id, ticket.certificateId))
    : [];
  const definedFields = await db
    .select()
    .from(ticketFields)
    .where(eq(ticketFields.organizationId, organization.id))
    .orderBy(asc(ticketFields.sortOrder));
  const linkedNumber = async (where: SQL) => {
    const [row] = await db
      .select({ number: tickets.number })
      .from(tickets)
      .where(and(eq(tickets.organizationId, organization.id), where))
      .limit(1);
    return row?.number ?? null;
  };
  const until = reopenDeadline(
    ticket.status === 'closed' ? ticket.closedAt : null,
    department?.reopenWindowDays ?? 30,
  );
  return {
    ...summary,
    certificate: certificate ?? null,
    fields: definedFields
      .filter((field) => ticket.fields[field.key])
      .map((field) => ({
        key: field.key,
        label: locale === 'en' ? field.labelEn : field.labelRu,
        value: ticket.fields[field.key] ?? '',
      })),
    awaitingReason: ticket.awaitingReason,
    autoCloseAt: ticket.autoCloseAt?.toISOString() ?? null,
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
    closedAt: ticket.closedAt?.toISOString() ?? null,
    closedBy: ticket.closedBy,
    reopen: {
      allowed: until !== null && options.now <= until && ticket.closedBy !== 'merge',
      until: until?.toISOString() ?? null,
    },
    canClose: ticket.status !== 'closed',
    continuesNumber: ticket.continuesId
      ? await linkedNumber(eq(tickets.id, ticket.continuesId))
      : null,
    continuedByNumber: await linkedNumber(eq(tickets.continuesId, ticket.id)),
    messages: messages.map(({ message, authorName }) => ({
      id: message.id,
      authorRole: message.authorRole,
      authorName: authorName ?? '',
      body: message.body,
      createdAt: message.createdAt.toISOString(),
      attachments: attachments.get(message.id) ?? [],
    })),
  };
}

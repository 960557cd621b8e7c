import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  StaffQueueSort,
  StaffTicketPriority,
  StaffTicketStatus,
} from '../../../shared/contracts/helpdesk-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { DbOrTx } from '../../infra/db.js';
import { executePrepared } from '../../infra/prepared.js';
import { users } from '../access/access.schema.js';
import { certificates, departments, supportLevels, tickets } from './helpdesk.schema.js';

export const customers = alias(users, 'customer');

const timeText = (column: SQL | typeof tickets.lastMessageAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// Every ticket column but the search vector, which only the text filter reads: it is the widest
// column and would be carried over the wire for nothing. For one ticket (the desk's detail).
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the rest is what is kept
const { searchVector, ...ticketColumns } = getTableColumns(tickets);

// What a queue row shows (`presentQueueRow`): a page of 50 maps these 14 columns, not 38.
const queueTicketColumns = {
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  priority: tickets.priority,
  type: tickets.type,
  lastReplierRole: tickets.lastReplierRole,
  lastMessageAt: tickets.lastMessageAt,
  createdAt: tickets.createdAt,
  firstResponseDueAt: tickets.firstResponseDueAt,
  firstResponseAt: tickets.firstResponseAt,
  resolutionDueAt: tickets.resolutionDueAt,
  resolvedAt: tickets.resolvedAt,
  closedAt: tickets.closedAt,
  slaNextDueAt: tickets.slaNextDueAt,
};

const personById = (column: AnyColumn) =>
  sql<{
    id: string;
    displayName: string;
  } | null>`(select json_build_object('id', p.id, 'displayName', p.display_name) from ${users} p where p.id = ${column})`;

/**
 * The columns of a queue row. The names beside a ticket are scalar subqueries by primary key, not
 * joins: the rows are the same, but a seven-table join cost the planner 8–12 ms per request
 * (it searches join orders), against about 2 ms for one table and five subqueries
 * (docs/helpdesk-performance.md).
 */
const queueRowColumns = {
  ticket: queueTicketColumns,
  department: sql<{
    id: string;
    nameRu: string;
    nameEn: string;
  }>`(select json_build_object('id', d.id, 'nameRu', d.name_ru, 'nameEn', d.name_en) from ${departments} d where d.id = ${tickets.departmentId})`,
  customer: personById(tickets.customerId),
  assignee: personById(tickets.assigneeId),
  replier: personById(tickets.lastReplierId),
  certificate: sql<{
    serial: string;
    levelCode: string;
    levelNameRu: string;
    levelNameEn: string;
  } | null>`(select json_build_object('serial', c.serial, 'levelCode', l.code, 'levelNameRu', l.name_ru, 'levelNameEn', l.name_en) from ${certificates} c join ${supportLevels} l on l.id = c.support_level_id where c.id = ${tickets.certificateId})`,
  activityText: timeText(tickets.lastMessageAt),
  dueText: sql<
    string | null
  >`to_char(${tickets.slaNextDueAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

type TicketRow = typeof tickets.$inferSelect;

/** A queue row (the customer and the department always exist: foreign keys). */
export interface QueueRowData {
  ticket: Pick<TicketRow, keyof typeof queueTicketColumns>;
  department: { id: string; nameRu: string; nameEn: string };
  customer: { id: string; displayName: string };
  assignee: { id: string; displayName: string } | null;
  replier: { id: string; displayName: string } | null;
  certificate: {
    serial: string;
    levelCode: string;
    levelNameRu: string;
    levelNameEn: string;
  } | null;
  activityText: string;
  dueText: string | null;
}

/** A queue row with every column of its ticket (the desk's detail of one ticket). */
export interface DeskRowData extends QueueRowData {
  ticket: Omit<TicketRow, 'searchVector'>;
}

/** Queue rows with every ticket column, for one ticket. */
export function selectDeskRows(db: DbOrTx) {
  return db.select({ ...queueRowColumns, ticket: ticketColumns }).from(tickets);
}

function selectQueueRows(db: DbOrTx) {
  return db.select(queueRowColumns).from(tickets);
}

/** Where the next page starts: the sort value as text and the ticket number (unique tie-breaker). */
interface QueueCursor {
  sort: StaffQueueSort;
  value: string | null;
  number: number;
}

export function encodeQueueCursor(cursor: QueueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeQueueCursor(raw: string, sort: StaffQueueSort): QueueCursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as QueueCursor;
    const timeOk =
      parsed.value === null || /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(parsed.value);
    if (parsed.sort === sort && Number.isInteger(parsed.number) && timeOk) return parsed;
  } catch {
    // Falls through to the validation error below.
  }
  throw new AppError('validation_failed', [{ path: ['cursor'], code: 'invalid_cursor' }]);
}

/** Filters of the queue, already resolved (`assignee: 'me'` is an id here). */
export interface QueueFilter {
  organizationId: string;
  statuses: StaffTicketStatus[];
  priorities: StaffTicketPriority[] | undefined;
  departmentId: string | undefined;
  /** A user id, `null` for unassigned, undefined for anyone. */
  assigneeId: string | null | undefined;
  certificateSerial: string | undefined;
  sla: { breachedBefore: Date } | { dueFrom: Date; dueBefore: Date } | undefined;
  ticketNumber: number | undefined;
  text: string | undefined;
  sort: StaffQueueSort;
  cursor: string | undefined;
  limit: number;
}

function orderAndCursor(filter: QueueFilter): { order: SQL[]; after: SQL | undefined } {
  const cursor = filter.cursor ? decodeQueueCursor(filter.cursor, filter.sort) : null;
  const n = cursor?.number ?? 0;
  switch (filter.sort) {
    case 'activity_desc':
      return {
        order: [desc(tickets.lastMessageAt), desc(tickets.number)],
        after: cursor
          ? sql`(${tickets.lastMessageAt}, ${tickets.number}) < (${cursor.value}::timestamptz, ${n})`
          : undefined,
      };
    case 'activity_asc':
      return {
        order: [asc(tickets.lastMessageAt), asc(tickets.number)],
        after: cursor
          ? sql`(${tickets.lastMessageAt}, ${tickets.number}) > (${cursor.value}::timestamptz, ${n})`
          : undefined,
      };
    case 'number_desc':
      return { order: [desc(tickets.number)], after: cursor ? lt(tickets.number, n) : undefined };
    case 'number_asc':
      return { order: [asc(tickets.number)], after: cursor ? gt(tickets.number, n) : undefined };
    case 'due_asc':
      return {
        order: [asc(tickets.slaNextDueAt), asc(tickets.number)],
        after: cursor
          ? sql`(${tickets.slaNextDueAt}, ${tickets.number}) > (${cursor.value}::timestamptz, ${n})`
          : undefined,
      };
  }
}

/**
 * One page of the queue. Each filter is a plain predicate on `helpdesk_tickets` so the planner
 * can pick the narrowest index: `queue_active` (the default statuses), `queue` (org, status,
 * activity), `department`, `assignee`, `certificate`, `sla_due` (SLA filters and order),
 * `org_number` (number order and lookups), `search` (GIN on the search vector).
 */
export async function findQueuePage(db: DbOrTx, filter: QueueFilter): Promise<QueueRowData[]> {
  const { order, after } = orderAndCursor(filter);
  const sla = filter.sla;
  const query = selectQueueRows(db)
    .where(
      and(
        eq(tickets.organizationId, filter.organizationId),
        filter.ticketNumber === undefined ? inArray(tickets.status, filter.statuses) : undefined,
        filter.ticketNumber !== undefined ? eq(tickets.number, filter.ticketNumber) : undefined,
        filter.priorities ? inArray(tickets.priority, filter.priorities) : undefined,
        filter.departmentId ? eq(tickets.departmentId, filter.departmentId) : undefined,
        filter.assigneeId === null ? isNull(tickets.assigneeId) : undefined,
        filter.assigneeId ? eq(tickets.assigneeId, filter.assigneeId) : undefined,
        filter.certificateSerial
          ? eq(
              tickets.certificateId,
              sql`(select ${certificates.id} from ${certificates} where ${certificates.organizationId} = ${filter.organizationId} and ${certificates.serial} = ${filter.certificateSerial})`,
            )
          : undefined,
        sla && 'breachedBefore' in sla ? lt(tickets.slaNextDueAt, sla.breachedBefore) : undefined,
        sla && 'dueFrom' in sla
          ? and(gte(tickets.slaNextDueAt, sla.dueFrom), lte(tickets.slaNextDueAt, sla.dueBefore))
          : undefined,
        filter.sort === 'due_asc' ? sql`${tickets.slaNextDueAt} is not null` : undefined,
        filter.text
          ? sql`${tickets.searchVector} @@ websearch_to_tsquery('russian', ${filter.text})`
          : undefined,
        after,
      ),
    )
    .orderBy(...order)
    .limit(filter.limit);
  // A text search runs unprepared: a generic plan would guess the selectivity of the parameter
  // tsquery over the whole organization and may pick a scan of it (docs/kb-search.md).
  const rows = filter.text ? await query : await executePrepared(query, 'helpdesk_queue');
  return rows as QueueRowData[];
}

/** The cursor of the page after `rows` (null when the page was not full). */
export function nextQueueCursor(rows: QueueRowData[], filter: QueueFilter): string | null {
  const last = rows.at(-1);
  if (!last || rows.length < filter.limit) return null;
  const value =
    filter.sort === 'due_asc'
      ? last.dueText
      : filter.sort.startsWith('activity')
        ? last.activityText
        : null;
  return encodeQueueCursor({ sort: filter.sort, value, number: last.ticket.number });
}

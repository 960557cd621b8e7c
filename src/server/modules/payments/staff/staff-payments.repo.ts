import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../infra/db.js';
import {
  paymentAttempts,
  paymentEvents,
  paymentRefunds,
  students,
  users,
} from '../../../schema.js';

/** Where a page of payments ends: the last row's creation time (with microseconds) and id. */
export interface PaymentCursor {
  createdAt: string;
  id: string;
}

/** Filters of the staff list, already resolved (days → instants, search → matching ids). */
export interface PaymentListFilter {
  status?: (typeof paymentAttempts.$inferSelect)['status'] | undefined;
  purpose?: (typeof paymentAttempts.$inferSelect)['purpose'] | undefined;
  createdFrom?: Date | undefined;
  createdBefore?: Date | undefined;
  after?: PaymentCursor | undefined;
  /** Null: no search; otherwise a payment must match one of these. */
  search: {
    number: number | null;
    providerPaymentId: string;
    receiptEmail: string | null;
    payerIds: string[];
    studentIds: string[];
  } | null;
  limit: number;
}

// People a search term can name; a term matching more is too vague to list them all.
const PEOPLE_LIMIT = 200;

/** `%term%` for LIKE with the term's own wildcards taken literally. */
const containing = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;

/** Accounts of the organization whose email or name contains `term` (bounded). */
export async function findPayerIds(db: DbOrTx, organizationId: string, term: string) {
  const pattern = containing(term);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        or(
          sql`lower(${users.email}) like ${pattern}`,
          sql`lower(${users.displayName}) like ${pattern}`,
        ),
      ),
    )
    .limit(PEOPLE_LIMIT);
  return rows.map((row) => row.id);
}

/** Students of the organization whose name contains `term` (the trigram index serves it). */
export async function findStudentIds(db: DbOrTx, organizationId: string, term: string) {
  const rows = await db
    .select({ id: students.id })
    .from(students)
    .where(
      and(
        eq(students.organizationId, organizationId),
        sql`lower(${students.fullName}) like ${containing(term)}`,
      ),
    )
    .limit(PEOPLE_LIMIT);
  return rows.map((row) => row.id);
}

function searchCondition(search: NonNullable<PaymentListFilter['search']>): SQL | undefined {
  return or(
    search.number !== null ? eq(paymentAttempts.number, search.number) : undefined,
    eq(paymentAttempts.providerPaymentId, search.providerPaymentId),
    search.receiptEmail ? eq(paymentAttempts.receiptEmail, search.receiptEmail) : undefined,
    search.payerIds.length > 0 ? inArray(paymentAttempts.payerId, search.payerIds) : undefined,
    search.studentIds.length > 0
      ? inArray(paymentAttempts.studentId, search.studentIds)
      : undefined,
  );
}

const listColumns = {
  attempt: paymentAttempts,
  payerName: users.displayName,
  payerEmail: users.email,
  studentName: students.fullName,
  cursorTime: sql<string>`to_char(${paymentAttempts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

/**
 * One page of the organization's payments, newest first. It walks the (organization,
 * created_at, id) index from the cursor and stops at `limit`; the search only adds equality
 * tests on ids found beforehand, so a page never sorts the whole table.
 */
export async function listPayments(db: DbOrTx, organizationId: string, filter: PaymentListFilter) {
  const { after } = filter;
  return db
    .select(listColumns)
    .from(paymentAttempts)
    .leftJoin(users, eq(users.id, paymentAttempts.payerId))
    .leftJoin(students, eq(students.id, paymentAttempts.studentId))
    .where(
      and(
        eq(paymentAttempts.organizationId, organizationId),
        filter.status ? eq(paymentAttempts.status, filter.status) : undefined,
        filter.purpose ? eq(paymentAttempts.purpose, filter.purpose) : undefined,
        filter.createdFrom ? gte(paymentAttempts.createdAt, filter.createdFrom) : undefined,
        filter.createdBefore ? lt(paymentAttempts.createdAt, filter.createdBefore) : undefined,
        after
          ? sql`(${paymentAttempts.createdAt}, ${paymentAttempts.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
        filter.search ? searchCondition(filter.search) : undefined,
      ),
    )
    .orderBy(desc(paymentAttempts.createdAt), desc(paymentAttempts.id))
    .limit(filter.limit);
}

export type PaymentListRow = Awaited<ReturnType<typeof listPayments>>[number];

/** One payment of the organization with its payer and student, or null. */
export async function findPayment(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(paymentAttempts)
    .leftJoin(users, eq(users.id, paymentAttempts.payerId))
    .leftJoin(students, eq(students.id, paymentAttempts.studentId))
    .where(and(eq(paymentAttempts.organizationId, organizationId), eq(paymentAttempts.id, id)))
    .limit(1);
  return row ?? null;
}

// A payment hears from its provider a handful of times; a flood of duplicate webhooks is cut.
const EVENTS_LIMIT = 500;

/** The payment's event timeline, oldest first. */
export async function listPaymentEvents(db: DbOrTx, paymentId: string) {
  return db
    .select()
    .from(paymentEvents)
    .where(eq(paymentEvents.paymentId, paymentId))
    .orderBy(asc(paymentEvents.createdAt), asc(paymentEvents.id))
    .limit(EVENTS_LIMIT);
}

/** The payment's refunds, oldest first, with who asked for them. */
export async function listPaymentRefunds(db: DbOrTx, paymentId: string) {
  return db
    .select({ refund: paymentRefunds, createdByName: users.displayName })
    .from(paymentRefunds)
    .leftJoin(users, eq(users.id, paymentRefunds.createdBy))
    .where(eq(paymentRefunds.paymentId, paymentId))
    .orderBy(asc(paymentRefunds.createdAt), asc(paymentRefunds.id));
}

/** One refund of the organization with who asked for it, or null. */
export async function findRefund(db: DbOrTx, organizationId: string, refundId: string) {
  const [row] = await db
    .select({ refund: paymentRefunds, createdByName: users.displayName })
    .from(paymentRefunds)
    .leftJoin(users, eq(users.id, paymentRefunds.createdBy))
    .where(and(eq(paymentRefunds.organizationId, organizationId), eq(paymentRefunds.id, refundId)))
    .limit(1);
  return row ?? null;
}

export type RefundRow = NonNullable<Awaited<ReturnType<typeof findRefund>>>;

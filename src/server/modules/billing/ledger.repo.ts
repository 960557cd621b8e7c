import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../infra/db.js';
import { preparedRowsOf, preparedStatement, uuidArray } from '../../infra/prepared.js';
import { ledgerEntries } from '../../schema.js';

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = Omit<
  typeof ledgerEntries.$inferInsert,
  'id' | 'balanceAfterKopecks' | 'createdAt'
>;

/**
 * Locks the students whose money a transaction is about to change, and their families'
 * members (family subscriptions are charged to their owner), in one id-ordered statement, so
 * concurrent writers queue per family instead of deadlocking. Returns the locked ids.
 */
export async function lockStudentsMoney(tx: Tx, studentIds: readonly string[]): Promise<string[]> {
  return (await lockStudentsMoneyOfFamilies(tx, studentIds)).map((row) => row.id);
}

/** A student whose money is locked, with its family and its lessons in debt as locked. */
export interface LockedStudent {
  id: string;
  familyId: string | null;
  debtLessons: number;
}

/**
 * `lockStudentsMoney`, answering each locked student's family and lessons in debt too (what
 * marking needs to tell a new debt, without reading the rows again).
 */
export async function lockStudentsMoneyOfFamilies(
  tx: Tx,
  studentIds: readonly string[],
): Promise<LockedStudent[]> {
  if (studentIds.length === 0) return [];
  const ids = uuidArray([...new Set(studentIds)]);
  return preparedRowsOf<LockedStudent>(
    tx,
    'lock_students_money',
    // Two index lookups joined by `union all`, not `id in (…) or family_id in (…)`: PostgreSQL
    // cannot use an index for that `or` and walked every student (160 ms at 500k).
    sql`select s.id, s.family_id as "familyId", s.debt_lessons as "debtLessons" from students s
        where s.id in (
          select id from students where id = any(${ids})
          union all
          select m.id from students f join students m on m.family_id = f.family_id
          where f.id = any(${ids}) and f.family_id is not null)
        order by s.id
        for update`,
  );
}

/**
 * Appends one entry and moves the student's running balance by its amount, in the caller's
 * transaction (which must hold the student's lock: `lockStudentsMoney`). The only way money
 * enters or leaves a balance, so `students.balance_kopecks` always equals the sum of entries.
 */
export async function appendLedgerEntry(tx: Tx, entry: NewLedgerEntry): Promise<LedgerEntryRow> {
  const [student] = await rowsOf<{ balance: number }>(
    tx,
    sql`update students set balance_kopecks = balance_kopecks + ${entry.amountKopecks},
               updated_at = now()
        where id = ${entry.studentId} and organization_id = ${entry.organizationId}
        returning balance_kopecks as balance`,
  );
  if (!student) throw new Error(`ledger entry for an unknown student ${entry.studentId}`);
  const [row] = await tx
    .insert(ledgerEntries)
    // clock_timestamp, not now(): entries of one transaction (a sale settling debts, a re-run)
    // must keep their order in the history; writers hold the student's lock, so it increases.
    .values({ ...entry, balanceAfterKopecks: student.balance, createdAt: sql`clock_timestamp()` })
    .returning();
  if (!row) throw new Error('ledger entry not stored');
  return row;
}

/**
 * Appends several entries in one statement that moves the balances and inserts the entries, for
 * writers that move many balances at once: marking a group re-decides twenty visits. Same
 * contract as `appendLedgerEntry` (the caller holds the students' locks); entries keep their
 * order, in the history too: each takes a later timestamp than the one before it. Returns the
 * new entries' ids, in the order given.
 */
export async function appendLedgerEntries(
  tx: Tx,
  entries: readonly NewLedgerEntry[],
): Promise<string[]> {
  const [first] = entries;
  if (!first) return [];
  const ids = entries.map(() => randomUUID());
  const column = <T>(pick: (entry: NewLedgerEntry) => T | null | undefined) =>
    entries.map((entry) => pick(entry) ?? null);
  const stored = await appendEntriesStatement.rows(tx, {
    organizationId: first.organizationId,
    ids,
    studentIds: column((entry) => entry.studentId),
    kinds: column((entry) => entry.kind),
    amounts: column((entry) => entry.amountKopecks),
    subscriptionIds: column((entry) => entry.subscriptionId),
    enrollmentIds: column((entry) => entry.enrollmentId),
    visitIds: column((entry) => entry.visitId),
    paymentMethods: column((entry) => entry.paymentMethod),
    reversesEntryIds: column((entry) => entry.reversesEntryId),
    comments: column((entry) => entry.comment),
    createdBys: column((entry) => entry.createdBy),
    idempotencyKeys: column((entry) => entry.idempotencyKey),
  });
  if (stored.length !== entries.length) throw new Error('ledger entries for an unknown student');
  return ids;
}

type Column<T> = (T | null)[];

// Prepared and rendered once: it runs on every marking. The balances move by each student's
// total and every entry walks its student's balance forward from where it stood before; the
// timestamps are taken once and spaced a microsecond apart, in the order given.
const appendEntriesStatement = preparedStatement<
  { id: string },
  {
    organizationId: string;
    ids: string[];
    studentIds: Column<string>;
    kinds: Column<string>;
    amounts: Column<number>;
    subscriptionIds: Column<string>;
    enrollmentIds: Column<string>;
    visitIds: Column<string>;
    paymentMethods: Column<string>;
    reversesEntryIds: Column<string>;
    comments: Column<string>;
    createdBys: Column<string>;
    idempotencyKeys: Column<string>;
  }
>(
  'append_ledger_entries',
  (p) => sql`with e as (
      select * from unnest(${p.ids}::uuid[], ${p.studentIds}::uuid[], ${p.kinds}::text[],
                           ${p.amounts}::int[], ${p.subscriptionIds}::uuid[],
                           ${p.enrollmentIds}::uuid[], ${p.visitIds}::uuid[],
                           ${p.paymentMethods}::text[], ${p.reversesEntryIds}::uuid[],
                           ${p.comments}::text[], ${p.createdBys}::uuid[],
                           ${p.idempotencyKeys}::text[]) with ordinality
        as e(id, student_id, kind, amount, subscription_id, enrollment_id, visit_id,
             payment_method, reverses_entry_id, comment, created_by, idempotency_key, ord)),
    moved as (
      update students s set balance_kopecks = s.balance_kopecks + t.amount, updated_at = now()
      from (select student_id, sum(amount)::int as amount from e group by student_id) t
      where s.id = t.student_id and s.organization_id = ${p.organizationId}
      returning s.id, s.balance_kopecks - t.amount as before)
    insert into ledger_entries (id, organization_id, student_id, kind, amount_kopecks,
        balance_after_kopecks, subscription_id, enrollment_id, visit_id, payment_method,
        reverses_entry_id, comment, created_by, idempotency_key, created_at)
    select e.id, ${p.organizationId}, e.student_id, e.kind::ledger_entry_kind, e.amount,
           (m.before + sum(e.amount) over (partition by e.student_id order by e.ord))::int,
           e.subscription_id, e.enrollment_id, e.visit_id, e.payment_method::payment_method,
           e.reverses_entry_id, e.comment, e.created_by, e.idempotency_key,
           (select clock_timestamp()) + (e.ord - 1) * interval '1 microsecond'
    from e join moved m on m.id = e.student_id
    order by e.ord
    returning id`,
);

/** A retried write's first entry, by its idempotency key. */
export async function findLedgerEntryByKey(
  tx: Tx,
  organizationId: string,
  idempotencyKey: string,
): Promise<LedgerEntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.organizationId, organizationId),
        eq(ledgerEntries.idempotencyKey, idempotencyKey),
      ),
    );
  return row;
}

import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../infra/db.js';
import { preparedRowsOf, uuidArray } from '../../infra/prepared.js';
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
 * Appends several entries in two statements (one update of the balances, one insert), for
 * writers that move many balances at once: marking a group re-decides twenty visits. Same
 * contract as `appendLedgerEntry` (the caller holds the students' locks); entries keep their
 * order, in the history too: each takes a later timestamp than the one before it.
 */
export async function appendLedgerEntries(
  tx: Tx,
  entries: readonly NewLedgerEntry[],
): Promise<LedgerEntryRow[]> {
  const [first] = entries;
  if (!first) return [];
  const totals = new Map<string, number>();
  for (const entry of entries)
    totals.set(entry.studentId, (totals.get(entry.studentId) ?? 0) + entry.amountKopecks);
  const moved = await preparedRowsOf<{ id: string; balance: number }>(
    tx,
    'move_balances',
    sql`update students s set balance_kopecks = s.balance_kopecks + d.amount, updated_at = now()
        from unnest(${sql.param([...totals.keys()])}::uuid[],
                    ${sql.param([...totals.values()])}::int[]) as d(id, amount)
        where s.id = d.id and s.organization_id = ${first.organizationId}
        returning s.id, s.balance_kopecks as balance`,
  );
  if (moved.length !== totals.size) throw new Error('ledger entries for an unknown student');
  // Walk each student's balance forward from where it stood before these entries.
  const running = new Map(
    moved.map((row) => [row.id, row.balance - (totals.get(row.id) ?? 0)] as const),
  );
  const values = entries.map((entry, i) => {
    const balance = (running.get(entry.studentId) ?? 0) + entry.amountKopecks;
    running.set(entry.studentId, balance);
    return {
      ...entry,
      id: randomUUID(),
      balanceAfterKopecks: balance,
      createdAt: sql`clock_timestamp() + ${i} * interval '1 microsecond'`,
    };
  });
  const rows = await tx.insert(ledgerEntries).values(values).returning();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return values.map((value) => {
    const row = byId.get(value.id);
    if (!row) throw new Error('ledger entry not stored');
    return row;
  });
}

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

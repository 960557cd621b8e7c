import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../infra/db.js';
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
  if (studentIds.length === 0) return [];
  const ids = sql.join(
    [...new Set(studentIds)].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`select s.id from students s
        where s.id in (${ids})
           or s.family_id in (select family_id from students
                              where id in (${ids}) and family_id is not null)
        order by s.id
        for update`,
  );
  return rows.map((row) => row.id);
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

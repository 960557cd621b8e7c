import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../infra/db.js';

/**
 * The student's free money (docs/classes.md): the balance minus what open subscriptions hold
 * (paid and not yet charged). Only free money may buy a subscription from the balance or be
 * refunded from it. Reads the running totals: one student row and their open subscriptions
 * (`subscriptions_student_ends`), never the history.
 */
export async function freeBalanceOf(db: DbOrTx, studentId: string): Promise<number> {
  const [row] = await rowsOf<{ free: number | string }>(
    db,
    sql`select s.balance_kopecks - coalesce((
               select sum(greatest(0, b.paid_kopecks - b.charged_kopecks))
               from subscriptions b
               where b.student_id = s.id and b.ended_at is null), 0) as free
        from students s where s.id = ${studentId}`,
  );
  return row ? Number(row.free) : 0;
}

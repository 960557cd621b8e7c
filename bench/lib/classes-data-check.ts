/**
 * Proof that the generated history is what the real charging rules produce: for a sample of
 * students, billing's `rechargeVisits` re-decides everything from the student's first visit on
 * an open subscription (that visit and every later one of the family), inside a transaction that
 * is rolled back. A consistent data set supersedes nothing and moves no balance.
 *
 * Visits charged to a `burn` subscription that has already expired are left out: re-running
 * them charges 0 by design (the expiry entry took their value), so they always differ.
 */
import { sql } from 'drizzle-orm';
import { benchClassesId } from './classes-data-sql.js';

const ROLLBACK = 'classes-data-check: rollback';

/** Re-charges `sample` students spread over `students`; returns the ones whose history moved. */
export async function checkChargingFromScratch(
  url: string,
  organizationId: string,
  students: number,
  sample: number,
): Promise<{ checked: number; problems: string[] }> {
  const { openDatabase, rowsOf } = await import('../../src/server/infra/db.js');
  const { rechargeVisits } = await import('../../src/server/modules/billing/index.js');
  const database = await openDatabase({ driver: 'postgres', url, poolSize: 2 });
  const problems: string[] = [];
  let checked = 0;
  try {
    const step = Math.max(1, Math.floor(students / sample));
    for (let i = 0; i < students && checked < sample; i += step) {
      const studentId = benchClassesId('student', i);
      const [first] = await rowsOf<{ id: string }>(
        database.db,
        sql`select v.id from visits v
            join charges c on c.visit_id = v.id and c.superseded_at is null
            left join subscriptions s on s.id = c.subscription_id
            where v.student_id = ${studentId} and s.ended_at is null
            order by v.lesson_starts_at, v.id limit 1`,
      );
      if (!first) continue;
      checked++;
      try {
        await database.db.transaction(async (tx) => {
          const balance = sql`select coalesce(sum(balance_kopecks), 0)::int as b from students
                              where id = ${studentId}`;
          const [before] = await rowsOf<{ b: number }>(tx, balance);
          const result = await rechargeVisits(tx, {
            organizationId,
            visitIds: [first.id],
            reason: 'remarked',
            actorId: null,
          });
          const [after] = await rowsOf<{ b: number }>(tx, balance);
          if (result.superseded > 0 || before?.b !== after?.b) {
            problems.push(
              `student #${i}: ${result.superseded} decisions changed, balance ${before?.b} → ${after?.b}`,
            );
          }
          throw new Error(ROLLBACK);
        });
      } catch (error) {
        if (!(error instanceof Error) || error.message !== ROLLBACK) throw error;
      }
    }
  } finally {
    await database.close();
  }
  return { checked, problems };
}

import { sql } from 'drizzle-orm';
import { type Tx } from '../../infra/db.js';
import { charges } from '../../schema.js';
import { uuidList } from './charges-sql.js';

/**
 * The set-based writes of charging: superseding and storing decisions and moving the running
 * totals behind them, one statement per table whatever the number of visits.
 */

/** Marks live decisions superseded, saying why. */
export async function supersedeCharges(
  tx: Tx,
  chargeIds: readonly string[],
  reason: string,
): Promise<void> {
  if (chargeIds.length === 0) return;
  await tx.execute(
    sql`update charges set superseded_at = now(), superseded_reason = ${reason}
        where id in (${uuidList(chargeIds)}) and superseded_at is null`,
  );
}

export type NewCharge = typeof charges.$inferInsert;

/** Stores new decisions in one statement. */
export async function insertCharges(tx: Tx, rows: readonly NewCharge[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(charges).values([...rows]);
}

/** Moves `subscriptions.lessons_used/charged_kopecks` by per-subscription deltas. */
export async function applySubscriptionDeltas(
  tx: Tx,
  deltas: ReadonlyMap<string, { lessons: number; kopecks: number }>,
): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d.lessons !== 0 || d.kopecks !== 0);
  if (entries.length === 0) return;
  const values = sql.join(
    entries.map(([id, d]) => sql`(${id}::uuid, ${d.lessons}::int, ${d.kopecks}::int)`),
    sql`, `,
  );
  await tx.execute(
    sql`update subscriptions s
        set lessons_used = s.lessons_used + d.lessons,
            charged_kopecks = s.charged_kopecks + d.kopecks
        from (values ${values}) as d(id, lessons, kopecks) where s.id = d.id`,
  );
}

/** Moves `debt_lessons` of students or enrolments by per-row deltas. */
export async function applyDebtDeltas(
  tx: Tx,
  table: 'students' | 'enrollments',
  deltas: ReadonlyMap<string, number>,
): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d !== 0);
  if (entries.length === 0) return;
  const values = sql.join(
    entries.map(([id, d]) => sql`(${id}::uuid, ${d}::int)`),
    sql`, `,
  );
  const target = sql.raw(table);
  await tx.execute(
    sql`update ${target} t set debt_lessons = t.debt_lessons + d.delta
        from (values ${values}) as d(id, delta) where t.id = d.id`,
  );
}

/**
 * Recomputes `students.first_visit_at`: the start of the earliest lesson, not cancelled, that
 * the student attended (present, make-up, trial or free).
 */
export async function refreshFirstVisits(tx: Tx, studentIds: readonly string[]): Promise<void> {
  if (studentIds.length === 0) return;
  await tx.execute(
    // Walks the student's visits index from the oldest and stops at the first attended one.
    sql`update students s set first_visit_at = (
          select v.lesson_starts_at from visits v join lessons l on l.id = v.lesson_id
          where v.student_id = s.id and l.status = 'scheduled'
            and v.status in ('present', 'makeup', 'trial', 'free')
          order by v.lesson_starts_at, v.id limit 1)
        where s.id in (${uuidList(studentIds)})`,
  );
}

/** Keeps a moved lesson's start on its visits (the student's history is ordered by it). */
export async function syncVisitStarts(tx: Tx, lessonId: string): Promise<void> {
  await tx.execute(
    sql`update visits v set lesson_starts_at = l.starts_at from lessons l
        where l.id = ${lessonId} and v.lesson_id = l.id and v.lesson_starts_at <> l.starts_at`,
  );
}

import { sql } from 'drizzle-orm';
import { type Tx } from '../../infra/db.js';
import { preparedRowsOf, uuidArray } from '../../infra/prepared.js';
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

/**
 * Stores new decisions in one statement: one array per column, so the text is the same for any
 * number of rows and whichever of them carry a ledger entry, and it is prepared once. Arrays of
 * instants, enums and JSON travel as text, which both drivers pass through unchanged.
 */
export async function insertCharges(tx: Tx, rows: readonly NewCharge[]): Promise<void> {
  if (rows.length === 0) return;
  const column = (pick: (row: NewCharge) => unknown) => sql.param(rows.map(pick));
  await preparedRowsOf(
    tx,
    'insert_charges',
    sql`insert into ${charges} (organization_id, visit_id, student_id, group_id,
          lesson_starts_at, outcome, subscription_id, lesson_number, amount_kopecks, reason,
          reason_params, ledger_entry_id, created_by)
        select * from unnest(
          ${column((row) => row.organizationId)}::uuid[],
          ${column((row) => row.visitId)}::uuid[],
          ${column((row) => row.studentId)}::uuid[],
          ${column((row) => row.groupId)}::uuid[],
          ${column((row) => row.lessonStartsAt.toISOString())}::text[]::timestamptz[],
          ${column((row) => row.outcome)}::text[]::charge_outcome[],
          ${column((row) => row.subscriptionId ?? null)}::uuid[],
          ${column((row) => row.lessonNumber ?? null)}::int[],
          ${column((row) => row.amountKopecks ?? 0)}::int[],
          ${column((row) => row.reason)}::text[],
          ${column((row) => JSON.stringify(row.reasonParams ?? {}))}::text[]::jsonb[],
          ${column((row) => row.ledgerEntryId ?? null)}::uuid[],
          ${column((row) => row.createdBy ?? null)}::uuid[])`,
  );
}

/** Moves `subscriptions.lessons_used/charged_kopecks` by per-subscription deltas. */
export async function applySubscriptionDeltas(
  tx: Tx,
  deltas: ReadonlyMap<string, { lessons: number; kopecks: number }>,
): Promise<void> {
  const entries = [...deltas].filter(([, d]) => d.lessons !== 0 || d.kopecks !== 0);
  if (entries.length === 0) return;
  await preparedRowsOf(
    tx,
    'apply_subscription_deltas',
    sql`update subscriptions s
        set lessons_used = s.lessons_used + d.lessons,
            charged_kopecks = s.charged_kopecks + d.kopecks
        from unnest(${sql.param(entries.map(([id]) => id))}::uuid[],
                    ${sql.param(entries.map(([, d]) => d.lessons))}::int[],
                    ${sql.param(entries.map(([, d]) => d.kopecks))}::int[])
             as d(id, lessons, kopecks)
        where s.id = d.id`,
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
  const target = sql.raw(table);
  await preparedRowsOf(
    tx,
    `apply_debt_deltas_${table}`,
    sql`update ${target} t set debt_lessons = t.debt_lessons + d.delta
        from unnest(${sql.param(entries.map(([id]) => id))}::uuid[],
                    ${sql.param(entries.map(([, d]) => d))}::int[]) as d(id, delta)
        where t.id = d.id`,
  );
}

/**
 * Recomputes `students.first_visit_at`: the start of the earliest lesson, not cancelled, that
 * the student attended (present, make-up, trial or free). Rows whose value stays are not
 * written: no new row version, and no change announced to the read caches.
 */
export async function refreshFirstVisits(tx: Tx, studentIds: readonly string[]): Promise<void> {
  if (studentIds.length === 0) return;
  await preparedRowsOf(
    tx,
    'refresh_first_visits',
    // Walks the student's visits index from the oldest and stops at the first attended one.
    sql`update students s set first_visit_at = f.first_visit_at
        from (select k.id, (
                select v.lesson_starts_at from visits v join lessons l on l.id = v.lesson_id
                where v.student_id = k.id and l.status = 'scheduled'
                  and v.status in ('present', 'makeup', 'trial', 'free')
                order by v.lesson_starts_at, v.id limit 1) as first_visit_at
              from unnest(${uuidArray(studentIds)}) as k(id)) f
        where s.id = f.id and s.first_visit_at is distinct from f.first_visit_at`,
  );
}

/** Keeps a moved lesson's start on its visits (the student's history is ordered by it). */
export async function syncVisitStarts(tx: Tx, lessonId: string): Promise<void> {
  await tx.execute(
    sql`update visits v set lesson_starts_at = l.starts_at from lessons l
        where l.id = ${lessonId} and v.lesson_id = l.id and v.lesson_starts_at <> l.starts_at`,
  );
}

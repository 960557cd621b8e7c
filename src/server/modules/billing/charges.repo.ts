import { sql } from 'drizzle-orm';
import type { Tx } from '../../infra/db.js';
import { preparedRowsOf, uuidArray } from '../../infra/prepared.js';
import type { AttendanceStatus, RuleSubscription } from './charging-rules.js';
import { iso } from './charges-sql.js';

/**
 * The reads of charging: the facts the rules need, set-based, so marking a whole group costs a
 * handful of statements, not a few per student (writes: charges-writes.repo.ts; what a lesson or
 * a subscription touches: charges-scope.repo.ts). Timestamps and dates are read as text: both
 * drivers then answer the same shapes.
 */

/** The facts of one visit: who, which group, when, and the group's charging settings. */
export interface ChargeItemRow {
  visitId: string;
  studentId: string;
  familyId: string | null;
  groupId: string;
  courseId: string;
  status: AttendanceStatus;
  lessonId: string;
  lessonStartsAt: string;
  lessonCancelled: boolean;
  paymentMode: 'per_lesson' | 'one_time_fee';
  chargeUnexcusedAbsence: boolean;
  excusedAbsenceChargePercent: number;
  lessonPriceKopecks: number | null;
  timezone: string;
}

/** A live decision with the student whose ledger its money entry is on. */
export interface LiveChargeRow {
  id: string;
  visitId: string;
  studentId: string;
  outcome: 'subscription' | 'debt' | 'not_chargeable';
  subscriptionId: string | null;
  lessonNumber: number | null;
  amountKopecks: number;
  reason: string;
  reasonParams: Record<string, unknown>;
  ledgerEntryId: string | null;
  ledgerStudentId: string | null;
  lessonStartsAt: string;
}

/** The students of the given visits (to lock them before reading anything else). */
export async function findVisitStudentIds(
  tx: Tx,
  organizationId: string,
  visitIds: readonly string[],
): Promise<string[]> {
  if (visitIds.length === 0) return [];
  const rows = await preparedRowsOf<{ studentId: string }>(
    tx,
    'charging_visit_students',
    sql`select distinct student_id as "studentId" from visits
        where organization_id = ${organizationId} and id = any(${uuidArray(visitIds)})`,
  );
  return rows.map((row) => row.studentId);
}

/** The facts of the given visits, in one statement. */
export async function loadChargeItems(
  tx: Tx,
  organizationId: string,
  visitIds: readonly string[],
): Promise<ChargeItemRow[]> {
  if (visitIds.length === 0) return [];
  return preparedRowsOf<ChargeItemRow>(
    tx,
    'charging_items',
    sql`select v.id as "visitId", v.student_id as "studentId", s.family_id as "familyId",
               v.group_id as "groupId", g.course_id as "courseId", v.status,
               l.id as "lessonId", ${iso(sql`l.starts_at`)} as "lessonStartsAt",
               (l.status = 'cancelled') as "lessonCancelled",
               g.payment_mode as "paymentMode",
               g.charge_unexcused_absence as "chargeUnexcusedAbsence",
               g.excused_absence_charge_percent as "excusedAbsenceChargePercent",
               g.lesson_price_kopecks as "lessonPriceKopecks", o.timezone
        from visits v
        join lessons l on l.id = v.lesson_id
        join groups g on g.id = v.group_id
        join students s on s.id = v.student_id
        join organizations o on o.id = v.organization_id
        where v.organization_id = ${organizationId} and v.id = any(${uuidArray(visitIds)})`,
  );
}

/** Live decisions of the given visits. */
export async function loadLiveCharges(
  tx: Tx,
  visitIds: readonly string[],
): Promise<LiveChargeRow[]> {
  if (visitIds.length === 0) return [];
  return preparedRowsOf<LiveChargeRow>(
    tx,
    'charging_live_charges',
    sql`select c.id, c.visit_id as "visitId", c.student_id as "studentId", c.outcome,
               c.subscription_id as "subscriptionId", c.lesson_number as "lessonNumber",
               c.amount_kopecks as "amountKopecks", c.reason, c.reason_params as "reasonParams",
               c.ledger_entry_id as "ledgerEntryId", le.student_id as "ledgerStudentId",
               ${iso(sql`c.lesson_starts_at`)} as "lessonStartsAt"
        from charges c
        left join ledger_entries le on le.id = c.ledger_entry_id
        where c.visit_id = any(${uuidArray(visitIds)}) and c.superseded_at is null`,
  );
}

/**
 * Visits of the given students whose live decision uses or waits for a subscription and comes
 * after `after` in the canonical order (lesson start, visit id): the decisions an earlier change
 * may move. Read through the students' visits index, so it costs what comes after `after`, not
 * the students' history. Charges on an ended `burn` subscription stay put: its expiry consumed
 * the value of the slots left, so moving them would lose money.
 */
export async function findTailVisitIds(
  tx: Tx,
  organizationId: string,
  studentIds: readonly string[],
  after: { lessonStartsAt: string; visitId: string },
): Promise<string[]> {
  if (studentIds.length === 0) return [];
  const rows = await preparedRowsOf<{ visitId: string }>(
    tx,
    'charging_tail_visits',
    sql`select v.id as "visitId" from visits v
        join charges c on c.visit_id = v.id and c.superseded_at is null
        left join subscriptions sub on sub.id = c.subscription_id
        where v.organization_id = ${organizationId}
          and v.student_id = any(${uuidArray(studentIds)})
          and v.lesson_starts_at >= ${after.lessonStartsAt}::timestamptz
          and (v.lesson_starts_at > ${after.lessonStartsAt}::timestamptz
               or v.id > ${after.visitId}::uuid)
          and c.outcome in ('subscription', 'debt')
          and not (sub.ended_at is not null and sub.unused_lessons = 'burn'
                   and coalesce(sub.end_reason, '') not in ('cancelled', 'refunded'))`,
  );
  return rows.map((row) => row.visitId);
}

interface SubscriptionRow extends Omit<RuleSubscription, 'endedAt' | 'usedSlots'> {
  endedAt: string | null;
  topSlot: number | null;
  scatteredSlots: number[] | null;
}

/** A subscription the rules may use, with the slots its live charges hold. */
export type LoadedSubscription = RuleSubscription & { heldSlots: readonly number[] };

/**
 * Subscriptions that may pay for the given students' lessons from `fromDate` on (their own and
 * their families' shared ones), with the slots their live charges hold.
 *
 * The slots are read without going over the subscription's charges: when the running counter
 * `lessons_used` equals the highest slot held (one step down the live-slot index), the slots are
 * exactly 1…that slot, because they are distinct. Only a subscription with a gap (a slot freed
 * under a later one that stayed put) has its slots listed.
 */
export async function loadSubscriptionsFor(
  tx: Tx,
  organizationId: string,
  studentIds: readonly string[],
  fromDate: string,
): Promise<LoadedSubscription[]> {
  if (studentIds.length === 0) return [];
  // Two index-bounded reads (by owner, by family) rather than an OR that scans the table.
  const ids = uuidArray(studentIds);
  const rows = await preparedRowsOf<SubscriptionRow>(
    tx,
    'charging_subscriptions',
    sql`with candidates as (
          select id from subscriptions
          where student_id = any(${ids}) and ends_on >= ${fromDate}::date
          union
          select id from subscriptions
          where family_id in (select family_id from students
                              where id = any(${ids}) and family_id is not null)
            and ends_on >= ${fromDate}::date),
        slotted as (
          select sub.*,
                 case when sub.lessons_total is not null then
                   (select max(c.lesson_number) from charges c
                    where c.subscription_id = sub.id and c.superseded_at is null
                      and c.outcome = 'subscription')
                 end as top_slot
          from subscriptions sub join candidates using (id)
          where sub.organization_id = ${organizationId})
        select sub.id, sub.number, sub.name, sub.student_id as "studentId",
               sub.family_id as "familyId",
               sub.lessons_total as "lessonsTotal", sub.price_kopecks as "priceKopecks",
               sub.begins_on::text as "beginsOn", sub.ends_on::text as "endsOn",
               sub.frozen_from::text as "frozenFrom", sub.frozen_to::text as "frozenTo",
               ${iso(sql`sub.ended_at`)} as "endedAt", sub.end_reason as "endReason",
               sub.unused_lessons as "unusedLessons",
               sub.covers_all_groups as "coversAllGroups",
               sub.group_ids::text[] as "groupIds", sub.course_ids::text[] as "courseIds",
               sub.top_slot as "topSlot",
               case when sub.lessons_total is not null
                         and sub.lessons_used <> coalesce(sub.top_slot, 0) then
                 (select coalesce(array_agg(c.lesson_number), '{}') from charges c
                  where c.subscription_id = sub.id and c.superseded_at is null
                    and c.outcome = 'subscription' and c.lesson_number is not null)
               end as "scatteredSlots"
        from slotted sub`,
  );
  return rows.map(({ topSlot, scatteredSlots, ...row }) => ({
    ...row,
    endedAt: row.endedAt ? new Date(row.endedAt) : null,
    usedSlots: [],
    heldSlots:
      row.lessonsTotal === null
        ? []
        : (scatteredSlots ?? Array.from({ length: topSlot ?? 0 }, (_, i) => i + 1)),
  }));
}

/** The enrolment each (student, group, date) falls in: the latest one started by that date. */
export async function findEnrollmentIds(
  tx: Tx,
  organizationId: string,
  keys: readonly { studentId: string; groupId: string; date: string }[],
): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (keys.length === 0) return result;
  const rows = await preparedRowsOf<{
    studentId: string;
    groupId: string;
    date: string;
    id: string;
  }>(
    tx,
    'enrollments_of_debts',
    sql`select k.student_id as "studentId", k.group_id as "groupId", k.day::text as "date", e.id
        from unnest(${uuidArray(keys.map((key) => key.studentId))},
                    ${uuidArray(keys.map((key) => key.groupId))},
                    ${sql.param(keys.map((key) => key.date))}::text[]::date[])
             as k(student_id, group_id, day)
        join lateral (
          select id from enrollments e
          where e.organization_id = ${organizationId} and e.student_id = k.student_id
            and e.group_id = k.group_id
          order by (e.starts_on <= k.day and (e.ends_on is null or e.ends_on >= k.day)) desc,
                   e.starts_on desc
          limit 1) e on true`,
  );
  for (const row of rows) result.set(enrollmentKey(row), row.id);
  return result;
}

/** The map key of `findEnrollmentIds`. */
export function enrollmentKey(key: { studentId: string; groupId: string; date: string }): string {
  return `${key.studentId}|${key.groupId}|${key.date}`;
}

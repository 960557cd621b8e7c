import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { lessonsJsonSql, reservedKopecksSql, subscriptionStatusSql } from './cabinet-sql.js';
import { visibleTo, type CabinetViewer } from './student-visibility.js';

/** Instants come back as `Date` (node-postgres) or strings (JSON, PGlite); both parse. */
export type Instant = Date | string;

/** A student the account sees, with the running totals of its money. */
export interface MyStudentRow {
  id: string;
  fullName: string;
  relation: 'self' | 'parent' | 'contact';
  familyId: string | null;
  familyName: string | null;
  balanceKopecks: number;
  reservedKopecks: number;
  debtLessons: number;
}

/** Every student the account may see, by name (`GET /api/me/students`). */
export function listMyStudents(db: DbOrTx, viewer: CabinetViewer): Promise<MyStudentRow[]> {
  return rowsOf<MyStudentRow>(
    db,
    sql`select s.id, s.full_name as "fullName", sa.relation, s.family_id as "familyId",
               f.name as "familyName", s.balance_kopecks as "balanceKopecks",
               ${reservedKopecksSql(sql`s.id`)} as "reservedKopecks",
               s.debt_lessons as "debtLessons"
        from student_accounts sa
        join students s on s.id = sa.student_id
        left join families f on f.id = s.family_id
        where sa.user_id = ${viewer.userId} and sa.organization_id = ${viewer.organizationId}
          and s.organization_id = ${viewer.organizationId}
          and s.cabinet_access and s.merged_into_id is null
        order by s.full_name, s.id`,
  );
}

/** The money summary of one student (already known to be visible). */
export async function readBalance(db: DbOrTx, studentId: string) {
  const [row] = await rowsOf<{
    balanceKopecks: number;
    reservedKopecks: number;
    debtLessons: number;
  }>(
    db,
    sql`select s.balance_kopecks as "balanceKopecks",
               ${reservedKopecksSql(sql`s.id`)} as "reservedKopecks",
               s.debt_lessons as "debtLessons"
        from students s where s.id = ${studentId}`,
  );
  if (!row) throw new Error(`student ${studentId} vanished`);
  return row;
}

/**
 * Lessons of the student's groups in the local days `from`…`to` (inclusive) of the time zone,
 * with the account's visibility checked in the same statement. Undefined when not visible.
 */
export async function readLessons(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  period: { from: string; to: string; timeZone: string },
): Promise<Record<string, unknown>[] | undefined> {
  const tz = sql`${period.timeZone}::text`;
  const [row] = await rowsOf<{ lessons: Record<string, unknown>[] }>(
    db,
    sql`select ${lessonsJsonSql({
      enrollmentsOf: sql`select e.group_id, e.starts_on, e.ends_on from enrollments e
                         where e.student_id = s.id`,
      timeZone: tz,
      from: sql`(${period.from}::date)::timestamp at time zone ${tz}`,
      to: sql`(${period.to}::date + 1)::timestamp at time zone ${tz}`,
    })} as lessons
        from students s
        where s.id = ${studentId} and ${visibleTo(sql`s`, viewer)}`,
  );
  return row?.lessons;
}

/** A subscription the student may use, with its derived status. */
export interface SubscriptionRow {
  id: string;
  number: number;
  name: string;
  status: 'inactive' | 'active' | 'frozen' | 'ended';
  lessonsTotal: number | null;
  lessonsUsed: number;
  beginsOn: string;
  endsOn: string;
  frozenFrom: string | null;
  frozenTo: string | null;
  priceKopecks: number;
  originalPriceKopecks: number;
  paidKopecks: number;
  unusedLessons: 'burn' | 'carry_over';
  shared: boolean;
  ownerName: string | null;
  endReason: string | null;
}

/**
 * The student's own subscriptions and the family ones shared with them, open ones first,
 * then the most recent. `only` narrows to one subscription (after a purchase).
 */
export function listSubscriptions(
  db: DbOrTx,
  student: { id: string; familyId: string | null },
  today: string,
  only?: string,
): Promise<SubscriptionRow[]> {
  const day = sql`${today}::date`;
  const family = student.familyId
    ? sql`or (sub.family_id = ${student.familyId} and sub.student_id <> ${student.id})`
    : sql``;
  const one = only ? sql`and sub.id = ${only}` : sql``;
  return rowsOf<SubscriptionRow>(
    db,
    sql`select * from (
          select sub.id, sub.number, sub.name,
                 ${subscriptionStatusSql(sql`sub`, day)} as status,
                 sub.lessons_total as "lessonsTotal", sub.lessons_used as "lessonsUsed",
                 sub.begins_on::text as "beginsOn", sub.ends_on::text as "endsOn",
                 sub.frozen_from::text as "frozenFrom", sub.frozen_to::text as "frozenTo",
                 sub.price_kopecks as "priceKopecks",
                 sub.original_price_kopecks as "originalPriceKopecks",
                 sub.paid_kopecks as "paidKopecks", sub.unused_lessons as "unusedLessons",
                 sub.family_id is not null as shared,
                 case when sub.student_id <> ${student.id} then owner.full_name end
                   as "ownerName",
                 sub.end_reason as "endReason"
          from subscriptions sub
          join students owner on owner.id = sub.student_id
          where (sub.student_id = ${student.id} ${family}) ${one}
        ) x
        order by (x.status = 'ended'), x."endsOn" desc, x.number desc`,
  );
}

/** A subscription type the centre sells for the student's current per-lesson groups. */
export interface OfferRow {
  typeId: string;
  name: string;
  lessonsCount: number | null;
  validityDays: number;
  priceKopecks: number;
  shareableInFamily: boolean;
}

/**
 * Types covering at least one of the student's current per-lesson groups (by group or
 * course), or every group; cheapest first. `only` narrows to one type (the purchase).
 */
export function listOffers(
  db: DbOrTx,
  organizationId: string,
  studentId: string,
  today: string,
  only?: string,
): Promise<OfferRow[]> {
  const one = only ? sql`and t.id = ${only}` : sql``;
  return rowsOf<OfferRow>(
    db,
    sql`with lg as (
          select array_agg(g.id) as group_ids, array_agg(g.course_id) as course_ids
          from enrollments e join groups g on g.id = e.group_id
          where e.student_id = ${studentId} and g.payment_mode = 'per_lesson'
            and e.starts_on <= ${today}::date
            and (e.ends_on is null or e.ends_on >= ${today}::date)
        )
        select t.id as "typeId", t.name, t.lessons_count as "lessonsCount",
               t.validity_days as "validityDays", t.price_kopecks as "priceKopecks",
               t.shareable_in_family as "shareableInFamily"
        from subscription_types t, lg
        where t.organization_id = ${organizationId} and t.archived_at is null ${one}
          and (t.covers_all_groups or t.group_ids && lg.group_ids
               or t.course_ids && lg.course_ids)
        order by t.price_kopecks, t.name, t.id`,
  );
}

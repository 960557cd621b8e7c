import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { preparedStatement } from '../../infra/prepared.js';
import {
  DEFAULT_ENDING_DAYS_LEFT,
  DEFAULT_ENDING_LESSONS_LEFT,
  lessonsJsonSql,
  reservedKopecksSql,
  subscriptionStatusSql,
  UPCOMING_DAYS,
} from './cabinet-sql.js';
import { visibleTo, type CabinetViewer } from './student-visibility.js';

/** The dashboard as the statement returns it (JSON; instants still in the session's format). */
export interface DashboardRow {
  student: { id: string; fullName: string; familyName: string | null; firstVisitAt: string | null };
  timeZone: string;
  today: string;
  thresholds: { lessonsLeft: number; daysLeft: number };
  upcomingLessons: Record<string, unknown>[];
  endingSubscriptions: Record<string, unknown>[];
  paymentsDue: Record<string, unknown>[];
  /** Whose changes can change this page (for the read cache; not sent). */
  dependsOn: { familyId: string | null; groupIds: string[] };
  balance: {
    balanceKopecks: number;
    reservedKopecks: number;
    freeKopecks: number;
    debtLessons: number;
    hasActiveSubscription: boolean;
    offerPurchaseFromBalance: boolean;
  };
}

/**
 * The home page of one student in ONE statement (one round trip): every part reads running
 * totals through an index bounded by the student — enrolments by student, subscriptions by
 * student or family, lessons by group and time — and nothing sums visits or ledger history.
 * No row when the account may not see the student.
 */
export async function readDashboard(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  now: Date,
): Promise<DashboardRow | undefined> {
  const [row] = await dashboardStatement.rows(db, { ...viewer, studentId, at: now.toISOString() });
  return row?.data;
}

// Prepared: PostgreSQL plans this statement in three times the time it takes to run it.
const dashboardStatement = preparedStatement<
  { data: DashboardRow },
  CabinetViewer & { studentId: string; at: string }
>('cabinet_dashboard', (params) => {
  const at = sql`${params.at}::timestamptz`;
  const viewer = params;
  const studentId = params.studentId;
  return sql`with st as (
      select s.id, s.full_name, s.family_id, f.name as family_name, s.balance_kopecks,
             s.debt_lessons, s.first_visit_at, o.timezone,
             (${at} at time zone o.timezone)::date as today
      from students s
      join organizations o on o.id = s.organization_id
      left join families f on f.id = s.family_id
      where s.id = ${studentId} and ${visibleTo(sql`s`, viewer)}
    ),
    cfg as (
      select
        coalesce((select ending_lessons_left from classes_settings
                  where organization_id = ${viewer.organizationId}),
                 ${DEFAULT_ENDING_LESSONS_LEFT}) as lessons_left,
        coalesce((select ending_days_left from classes_settings
                  where organization_id = ${viewer.organizationId}),
                 ${DEFAULT_ENDING_DAYS_LEFT}) as days_left
    ),
    enr as (
      select e.id, e.group_id, e.starts_on, e.ends_on, e.fee_paid_kopecks, e.debt_lessons,
             coalesce(e.fee_kopecks, g.fee_kopecks) as fee_kopecks,
             g.name as group_name, g.payment_mode, g.lesson_price_kopecks, g.course_id,
             (e.starts_on <= st.today and (e.ends_on is null or e.ends_on >= st.today)) as current
      from st
      join enrollments e on e.student_id = st.id
      join groups g on g.id = e.group_id
    ),
    lesson_groups as (
      select array_agg(group_id) as group_ids, array_agg(course_id) as course_ids
      from enr where current and payment_mode = 'per_lesson'
    ),
    subs as (
      select sub.*, true as own from st join subscriptions sub on sub.student_id = st.id
      union all
      select sub.*, false as own from st
      join subscriptions sub on st.family_id is not null and sub.family_id = st.family_id
       and sub.student_id <> st.id
    ),
    open_subs as (
      select sub.*, ${subscriptionStatusSql(sql`sub`, sql`st.today`)} as status,
             (sub.ends_on - st.today) as days_left
      from subs sub, st
      where sub.ended_at is null
    ),
    active as (
      select a.* from open_subs a, lesson_groups lg
      where a.status = 'active'
        and (a.lessons_total is null or a.lessons_used < a.lessons_total)
        and (a.covers_all_groups or lg.group_ids is null
             or a.group_ids && lg.group_ids or a.course_ids && lg.course_ids)
    ),
    offers as (
      select 1 from subscription_types t, lesson_groups lg
      where t.organization_id = ${viewer.organizationId} and t.archived_at is null
        and (t.covers_all_groups or t.group_ids && lg.group_ids or t.course_ids && lg.course_ids)
      limit 1
    ),
    money as (
      select st.balance_kopecks, ${reservedKopecksSql(sql`st.id`)} as reserved, st.debt_lessons
      from st
    ),
    due as (
      select 1 as ord, sub.ends_on as sort_on, json_build_object(
        'kind', 'subscription', 'id', sub.id, 'title', sub.name,
        'subscriptionNumber', sub.number,
        'dueKopecks', sub.price_kopecks - sub.paid_kopecks, 'paidKopecks', sub.paid_kopecks,
        'totalKopecks', sub.price_kopecks, 'debtLessons', 0, 'lessonPriceKopecks', null
      ) as line
      from subs sub
      where sub.own and sub.paid_kopecks < sub.price_kopecks
        and coalesce(sub.end_reason, '') <> 'cancelled'
      union all
      select 2, null, json_build_object(
        'kind', 'debt', 'id', d.group_id, 'title', d.group_name, 'subscriptionNumber', null,
        'dueKopecks', d.debt_lessons * d.lesson_price_kopecks, 'paidKopecks', null,
        'totalKopecks', null, 'debtLessons', d.debt_lessons,
        'lessonPriceKopecks', d.lesson_price_kopecks)
      from (select group_id, min(group_name) as group_name,
                   min(lesson_price_kopecks) as lesson_price_kopecks,
                   sum(debt_lessons)::int as debt_lessons
            from enr where payment_mode = 'per_lesson' and debt_lessons > 0
            group by group_id) d
      union all
      select 3, enr.starts_on, json_build_object(
        'kind', 'enrollment_fee', 'id', enr.id, 'title', enr.group_name,
        'subscriptionNumber', null,
        'dueKopecks', enr.fee_kopecks - enr.fee_paid_kopecks, 'paidKopecks', enr.fee_paid_kopecks,
        'totalKopecks', enr.fee_kopecks, 'debtLessons', 0, 'lessonPriceKopecks', null)
      from enr
      where enr.payment_mode = 'one_time_fee' and enr.fee_kopecks > enr.fee_paid_kopecks
    )
    select json_build_object(
      'student', json_build_object('id', st.id, 'fullName', st.full_name,
                                   'familyName', st.family_name,
                                   'firstVisitAt', st.first_visit_at),
      'timeZone', st.timezone,
      'today', st.today,
      'thresholds', (select json_build_object('lessonsLeft', lessons_left,
                                              'daysLeft', days_left) from cfg),
      'upcomingLessons', ${lessonsJsonSql({
        enrollmentsOf: sql`select group_id, starts_on, ends_on from enr
                           where ends_on is null or ends_on >= st.today`,
        timeZone: sql`st.timezone`,
        from: sql`${at} - interval '1 day'`,
        to: sql`${at} + make_interval(days => ${UPCOMING_DAYS})`,
        endsAfter: at,
      })},
      'endingSubscriptions', (
        select coalesce(json_agg(json_build_object(
          'id', o.id, 'number', o.number, 'name', o.name, 'lessonsTotal', o.lessons_total,
          'lessonsLeft', o.lessons_total - o.lessons_used, 'endsOn', o.ends_on,
          'daysLeft', o.days_left, 'fewLessonsLeft', coalesce(o.lessons_total - o.lessons_used
                                                              <= cfg.lessons_left, false),
          'fewDaysLeft', o.days_left <= cfg.days_left
        ) order by o.ends_on, o.number), '[]'::json)
        from open_subs o, cfg
        where o.status in ('active', 'frozen')
          and (o.lessons_total - o.lessons_used <= cfg.lessons_left
               or o.days_left <= cfg.days_left)),
      'paymentsDue', (select coalesce(json_agg(line order by ord, sort_on), '[]'::json) from due),
      'dependsOn', json_build_object(
        'familyId', st.family_id,
        'groupIds', (select coalesce(json_agg(distinct enr.group_id), '[]'::json) from enr)),
      'balance', (
        select json_build_object(
          'balanceKopecks', m.balance_kopecks,
          'reservedKopecks', m.reserved,
          'freeKopecks', m.balance_kopecks - m.reserved,
          'debtLessons', m.debt_lessons,
          'hasActiveSubscription', exists (select 1 from active),
          'offerPurchaseFromBalance', m.balance_kopecks - m.reserved > 0
            and not exists (select 1 from active) and exists (select 1 from offers))
        from money m)
    ) as data
    from st`;
});

import { sql, type SQL } from 'drizzle-orm';

/**
 * SQL fragments shared by the cabinet's reads, so the dashboard, the schedule and the lists
 * derive statuses and money the same way (docs/classes.md).
 */

/** How far ahead the home page lists lessons. */
export const UPCOMING_DAYS = 14;

/** Defaults of `classes_settings` when the organization has no row. */
export const DEFAULT_ENDING_LESSONS_LEFT = 2;
export const DEFAULT_ENDING_DAYS_LEFT = 7;

/**
 * A subscription's status on `today` (a `date` expression): derived from dates and
 * `ended_at`, never stored. A freeze without an end date holds until staff end it.
 */
export function subscriptionStatusSql(sub: SQL, today: SQL): SQL {
  return sql`case
    when ${sub}.ended_at is not null or ${sub}.ends_on < ${today} then 'ended'
    when ${sub}.begins_on > ${today} then 'inactive'
    when ${sub}.frozen_from is not null and ${today} >= ${sub}.frozen_from
         and ${today} <= coalesce(${sub}.frozen_to, ${today}) then 'frozen'
    else 'active' end`;
}

/**
 * Money already paying for the student's open subscriptions and not consumed yet:
 * Σ max(0, paid − charged) over their own open ones (a family subscription is paid and
 * charged on its owner's balance). Reads the running totals, never the ledger.
 */
export function reservedKopecksSql(studentId: SQL): SQL {
  return sql`(select coalesce(sum(greatest(0, r.paid_kopecks - r.charged_kopecks)), 0)::int
              from subscriptions r
              where r.student_id = ${studentId} and r.ended_at is null)`;
}

/**
 * Lessons of the student's enrolments between two instants, as JSON objects ordered by start.
 * `enrollmentsOf` is a query of `(group_id, starts_on, ends_on)`; the lesson's local date must
 * fall inside the enrolment. Each enrolment reads its group's lessons through the
 * `(group_id, starts_at)` index (a lateral, bounded range), never the group's history.
 * Cancelled lessons stay in the list when they carry a reason, so a holiday shows as cancelled.
 */
export function lessonsJsonSql(options: {
  enrollmentsOf: SQL;
  timeZone: SQL;
  from: SQL;
  to: SQL;
  /** Also require the lesson to end after this instant (the home page hides finished ones). */
  endsAfter?: SQL;
}): SQL {
  const { enrollmentsOf, timeZone, from, to } = options;
  const endsAfter = options.endsAfter ? sql`and l.ends_at > ${options.endsAfter}` : sql``;
  return sql`(select coalesce(json_agg(x.lesson order by x.starts_at, x.id), '[]'::json) from (
      select distinct on (l.id) l.id, l.starts_at, json_build_object(
        'id', l.id,
        'groupId', l.group_id,
        'groupName', g.name,
        'courseName', c.name,
        'startsAt', l.starts_at,
        'endsAt', l.ends_at,
        'status', l.status,
        'cancelReason', case when l.status = 'cancelled' then l.cancel_reason end,
        'cancelNote', case when l.status = 'cancelled' then l.cancel_note end,
        'movedFrom', case when l.starts_at <> l.original_starts_at then l.original_starts_at end,
        'roomName', rm.name,
        'teacherName', tc.full_name,
        'topic', l.topic
      ) as lesson
      from (${enrollmentsOf}) e
      join lateral (
        select * from lessons ll
        where ll.group_id = e.group_id
          and ll.starts_at >= ${from} and ll.starts_at < ${to}
          and (ll.status = 'scheduled' or ll.cancel_reason is not null)
        order by ll.starts_at
        limit 200
      ) l on true
      join groups g on g.id = l.group_id
      join courses c on c.id = g.course_id
      left join rooms rm on rm.id = coalesce(l.room_id, g.room_id)
      left join teachers tc on tc.id = coalesce(l.teacher_id, g.teacher_id)
      where (l.starts_at at time zone ${timeZone})::date >= e.starts_on
        and (e.ends_on is null or (l.starts_at at time zone ${timeZone})::date <= e.ends_on)
        ${endsAfter}
      order by l.id
    ) x)`;
}

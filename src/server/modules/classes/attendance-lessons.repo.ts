import { sql, type SQL } from 'drizzle-orm';
import type { AttendanceStatus } from '../../../shared/contracts/attendance.js';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { preparedRowsOf, uuidArray } from '../../infra/prepared.js';

/**
 * The reads of the attendance pages: the day's lessons and a lesson's roster with live charges.
 * Instants are read as ISO text and dates as `YYYY-MM-DD`, so both database drivers answer alike.
 */

const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A lesson with what the attendance pages show about it. */
export interface LessonRow {
  id: string;
  groupId: string;
  groupName: string;
  courseName: string;
  startsAt: string;
  endsAt: string;
  startTime: string;
  endTime: string;
  date: string;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  roomName: string | null;
  teacherName: string | null;
  markedCount: number;
  enrolledCount: number;
}

/**
 * A teacher sees a lesson when the group's teacher or the lesson's own teacher is linked to
 * their account; `null` means any lesson (owner, admin, manager).
 */
function teacherFilter(teacherUserId: string | null): SQL {
  if (teacherUserId === null) return sql`true`;
  return sql`exists (select 1 from teachers t where t.user_id = ${teacherUserId}
                     and t.organization_id = l.organization_id
                     and t.id in (l.teacher_id, g.teacher_id))`;
}

function selectLessons(where: SQL, teacherUserId: string | null): SQL {
  const local = (column: SQL) => sql`(${column} at time zone o.timezone)`;
  return sql`
    select l.id, l.group_id as "groupId", g.name as "groupName", c.name as "courseName",
           ${iso(sql`l.starts_at`)} as "startsAt", ${iso(sql`l.ends_at`)} as "endsAt",
           to_char(${local(sql`l.starts_at`)}, 'HH24:MI') as "startTime",
           to_char(${local(sql`l.ends_at`)}, 'HH24:MI') as "endTime",
           ${local(sql`l.starts_at`)}::date::text as "date",
           l.status, l.cancel_reason as "cancelReason", r.name as "roomName",
           t.full_name as "teacherName",
           (select count(*)::int from visits v where v.lesson_id = l.id) as "markedCount",
           (select count(*)::int from enrollments e join students s on s.id = e.student_id
            where e.group_id = l.group_id and s.merged_into_id is null
              and e.starts_on <= ${local(sql`l.starts_at`)}::date
              and (e.ends_on is null or e.ends_on >= ${local(sql`l.starts_at`)}::date))
             as "enrolledCount"
    from lessons l
    join organizations o on o.id = l.organization_id
    join groups g on g.id = l.group_id
    join courses c on c.id = g.course_id
    left join rooms r on r.id = coalesce(l.room_id, g.room_id)
    left join teachers t on t.id = coalesce(l.teacher_id, g.teacher_id)
    where ${where} and ${teacherFilter(teacherUserId)}
    order by l.starts_at, g.name, l.id`;
}

/** Lessons starting in `[from, to)`, for a teacher only theirs. */
export async function findLessonsBetween(
  db: DbOrTx,
  organizationId: string,
  from: Date,
  to: Date,
  teacherUserId: string | null,
): Promise<LessonRow[]> {
  return rowsOf<LessonRow>(
    db,
    selectLessons(
      sql`l.organization_id = ${organizationId}
          and l.starts_at >= ${from.toISOString()}::timestamptz
          and l.starts_at < ${to.toISOString()}::timestamptz`,
      teacherUserId,
    ),
  );
}

/** One lesson, if it exists in the organization and the actor may see it. */
export async function findLesson(
  db: DbOrTx,
  organizationId: string,
  lessonId: string,
  teacherUserId: string | null,
): Promise<LessonRow | undefined> {
  const [row] = await preparedRowsOf<LessonRow>(
    db,
    'attendance_lesson',
    selectLessons(sql`l.organization_id = ${organizationId} and l.id = ${lessonId}`, teacherUserId),
  );
  return row;
}

/** A roster line: the student, their mark, and the live charge behind it. */
export interface RosterRow {
  studentId: string;
  fullName: string;
  enrolled: boolean;
  visitId: string | null;
  status: AttendanceStatus | null;
  note: string | null;
  makeupForVisitId: string | null;
  markedAt: string | null;
  markedByName: string | null;
  chargeOutcome: 'subscription' | 'debt' | 'not_chargeable' | null;
  chargeReason: string | null;
  chargeAmountKopecks: number | null;
  chargeReasonParams: Record<string, unknown> | null;
  subscriptionNumber: number | null;
}

/** Students enrolled in the group on the lesson's date, plus anyone already marked. */
export async function findRoster(
  db: DbOrTx,
  lesson: Pick<LessonRow, 'id' | 'groupId' | 'date'>,
): Promise<RosterRow[]> {
  return preparedRowsOf<RosterRow>(
    db,
    'attendance_roster',
    sql`with enrolled as (
          select distinct e.student_id from enrollments e
          join students s on s.id = e.student_id
          where e.group_id = ${lesson.groupId} and s.merged_into_id is null
            and e.starts_on <= ${lesson.date}::date
            and (e.ends_on is null or e.ends_on >= ${lesson.date}::date)),
        roster as (
          select student_id from enrolled
          union select student_id from visits where lesson_id = ${lesson.id})
        select s.id as "studentId", s.full_name as "fullName",
               (s.id in (select student_id from enrolled)) as enrolled,
               v.id as "visitId", v.status, v.note, v.makeup_for_visit_id as "makeupForVisitId",
               ${iso(sql`v.marked_at`)} as "markedAt", u.display_name as "markedByName",
               c.outcome as "chargeOutcome", c.reason as "chargeReason",
               c.amount_kopecks as "chargeAmountKopecks",
               c.reason_params as "chargeReasonParams", sub.number as "subscriptionNumber"
        from roster r
        join students s on s.id = r.student_id
        left join visits v on v.lesson_id = ${lesson.id} and v.student_id = s.id
        left join users u on u.id = v.marked_by
        left join charges c on c.visit_id = v.id and c.superseded_at is null
        left join subscriptions sub on sub.id = c.subscription_id
        order by s.full_name, s.id`,
  );
}

/**
 * Missed lessons of the students in the 60 days before the lesson that no other lesson made up
 * yet. Bounded by the students' visits index: the cost never grows with a long history.
 */
export async function findMissedVisits(
  db: DbOrTx,
  lesson: { id: string; startsAt: string },
  studentIds: readonly string[],
): Promise<{ studentId: string; visitId: string; lessonStartsAt: string; groupName: string }[]> {
  if (studentIds.length === 0) return [];
  return preparedRowsOf(
    db,
    'attendance_missed_visits',
    sql`select k.id as "studentId", m.id as "visitId", m.starts as "lessonStartsAt",
               m.group_name as "groupName"
        from unnest(${uuidArray(studentIds)}) as k(id)
        cross join lateral (
          select v.id, ${iso(sql`v.lesson_starts_at`)} as starts, g.name as group_name
          from visits v join groups g on g.id = v.group_id
          where v.student_id = k.id
            and v.status in ('absent_excused', 'absent_unexcused')
            and v.lesson_starts_at < ${lesson.startsAt}::timestamptz
            and v.lesson_starts_at >= ${lesson.startsAt}::timestamptz - interval '60 days'
            and not exists (select 1 from visits m
                            where m.student_id = v.student_id
                              and m.lesson_starts_at > v.lesson_starts_at
                              and m.makeup_for_visit_id = v.id and m.lesson_id <> ${lesson.id})
          order by v.lesson_starts_at desc limit 5) m
        order by k.id, m.starts desc`,
  );
}

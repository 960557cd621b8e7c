import { sql } from 'drizzle-orm';
import type { AttendanceStatus } from '../../../shared/contracts/attendance.js';
import { rowsOf, type Tx } from '../../infra/db.js';
import { preparedRowsOf, uuidArray } from '../../infra/prepared.js';

/** The SQL of marking: checks of the marks and set-based writes of visits. */

const uuidList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The ids among `studentIds` that are live students of the organization (not merged away). */
export async function findLiveStudentIds(
  tx: Tx,
  organizationId: string,
  studentIds: readonly string[],
): Promise<Set<string>> {
  const rows = await preparedRowsOf<{ id: string }>(
    tx,
    'attendance_live_students',
    sql`select id from students where organization_id = ${organizationId}
        and merged_into_id is null and id = any(${uuidArray(studentIds)})`,
  );
  return new Set(rows.map((row) => row.id));
}

/** Visits by id (for make-up links): whose, what status, which lesson. */
export async function findVisitsByIds(
  tx: Tx,
  organizationId: string,
  visitIds: readonly string[],
): Promise<{ id: string; studentId: string; status: AttendanceStatus; lessonId: string }[]> {
  if (visitIds.length === 0) return [];
  return rowsOf(
    tx,
    sql`select id, student_id as "studentId", status, lesson_id as "lessonId" from visits
        where organization_id = ${organizationId} and id in (${uuidList(visitIds)})`,
  );
}

/** An existing mark of a lesson. */
export interface VisitMarkRow {
  id: string;
  studentId: string;
  status: AttendanceStatus;
  note: string | null;
  makeupForVisitId: string | null;
}

/** The lesson's existing marks of the given students. */
export async function findLessonMarks(
  tx: Tx,
  lessonId: string,
  studentIds: readonly string[],
): Promise<VisitMarkRow[]> {
  return preparedRowsOf<VisitMarkRow>(
    tx,
    'attendance_lesson_marks',
    sql`select id, student_id as "studentId", status, note,
               makeup_for_visit_id as "makeupForVisitId"
        from visits where lesson_id = ${lessonId} and student_id = any(${uuidArray(studentIds)})`,
  );
}

/** A mark to store. */
export interface MarkWrite {
  studentId: string;
  status: AttendanceStatus;
  note: string | null;
  makeupForVisitId: string | null;
}

/** Inserts new marks in one statement; returns their visit ids. */
export async function insertMarks(
  tx: Tx,
  lesson: { organizationId: string; id: string; groupId: string; startsAt: string },
  marks: readonly MarkWrite[],
  markedBy: string,
): Promise<string[]> {
  if (marks.length === 0) return [];
  // One array per column: the same text for any number of marks, prepared once.
  const column = (pick: (mark: MarkWrite) => unknown) => sql.param(marks.map(pick));
  const rows = await preparedRowsOf<{ id: string }>(
    tx,
    'insert_marks',
    sql`insert into visits (organization_id, lesson_id, student_id, group_id, lesson_starts_at,
                            status, makeup_for_visit_id, note, marked_by)
        select ${lesson.organizationId}::uuid, ${lesson.id}::uuid, m.student_id,
               ${lesson.groupId}::uuid, ${lesson.startsAt}::timestamptz,
               m.status::attendance_status, m.makeup, m.note, ${markedBy}::uuid
        from unnest(${column((mark) => mark.studentId)}::uuid[],
                    ${column((mark) => mark.status)}::text[],
                    ${column((mark) => mark.makeupForVisitId)}::uuid[],
                    ${column((mark) => mark.note)}::text[]) as m(student_id, status, makeup, note)
        returning id`,
  );
  return rows.map((row) => row.id);
}

/** Updates changed marks in one statement. */
export async function updateMarks(
  tx: Tx,
  marks: readonly (MarkWrite & { visitId: string })[],
  markedBy: string,
): Promise<void> {
  if (marks.length === 0) return;
  const values = sql.join(
    marks.map(
      (mark) =>
        sql`(${mark.visitId}::uuid, ${mark.status}::attendance_status,
             ${mark.makeupForVisitId}::uuid, ${mark.note})`,
    ),
    sql`, `,
  );
  await tx.execute(
    sql`update visits v set status = d.status, makeup_for_visit_id = d.makeup,
               note = d.note, marked_by = ${markedBy}, marked_at = now()
        from (values ${values}) as d(id, status, makeup, note) where v.id = d.id`,
  );
}

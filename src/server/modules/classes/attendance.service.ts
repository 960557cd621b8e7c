import type {
  AttendanceDayResponse,
  AttendanceMark,
  MarkAttendanceResponse,
  RosterResponse,
} from '../../../shared/contracts/attendance.js';
import type { StaffRole } from '../../../shared/contracts/session.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx, Tx } from '../../infra/db.js';
import { recordAudit } from '../access/index.js';
import { lockStudentsMoneyOfFamilies, rechargeVisits } from '../billing/index.js';
import { localDay, startOfDay } from '../calendar/index.js';
import { notifyNewDebts } from '../notify/push/index.js';
import { findLesson, findLessonsBetween, type LessonRow } from './attendance-lessons.repo.js';
import { buildRoster, toLesson } from './attendance-roster.js';
import {
  findLessonMarks,
  findLiveStudentIds,
  findVisitsByIds,
  insertMarks,
  updateMarks,
  type MarkWrite,
} from './attendance.repo.js';

/**
 * Attendance use cases: the day's lessons, a lesson's roster and marking a whole group in one
 * transaction. Marking stores only what changed and re-runs charging only for changed statuses,
 * so repeating the same request is a no-op.
 */

/** Who is asking: teachers are limited to their own groups and lessons. */
export interface AttendanceActor {
  id: string;
  staffRole: StaffRole;
  ip?: string | null;
}

/** A teacher's lessons are filtered by their account; other staff see every lesson. */
const teacherScope = (actor: AttendanceActor) => (actor.staffRole === 'teacher' ? actor.id : null);

/** The day's lessons in the organization's time zone (today when `date` is omitted). */
export async function listDayLessons(
  ctx: AppContext,
  options: { organizationId: string; timeZone: string; actor: AttendanceActor; date?: string },
): Promise<AttendanceDayResponse> {
  const date = options.date ?? localDay(new Date(), options.timeZone);
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const rows = await findLessonsBetween(
    ctx.db,
    options.organizationId,
    startOfDay(date, options.timeZone),
    startOfDay(next, options.timeZone),
    teacherScope(options.actor),
  );
  return { date, timeZone: options.timeZone, lessons: rows.map(toLesson) };
}

/** A lesson the actor may see, or 404 (ids of other teachers' lessons reveal nothing). */
async function visibleLesson(
  db: DbOrTx,
  organizationId: string,
  lessonId: string,
  actor: AttendanceActor,
): Promise<LessonRow> {
  const lesson = await findLesson(db, organizationId, lessonId, teacherScope(actor));
  if (!lesson) throw new AppError('not_found');
  return lesson;
}

/** A lesson's roster. */
export async function getRoster(
  ctx: AppContext,
  options: { organizationId: string; lessonId: string; actor: AttendanceActor; locale: Locale },
): Promise<RosterResponse> {
  const lesson = await visibleLesson(
    ctx.db,
    options.organizationId,
    options.lessonId,
    options.actor,
  );
  return buildRoster(ctx.db, lesson, options.locale);
}

/** Options of `markAttendance`. */
export interface MarkAttendanceOptions {
  organizationId: string;
  lessonId: string;
  actor: AttendanceActor;
  marks: readonly AttendanceMark[];
  locale: Locale;
}

/**
 * Marks students of one lesson in one transaction: new marks are inserted, changed ones
 * updated, unchanged ones left alone; changed statuses re-run charging (with the money and
 * counters behind them), and the change is audited with who marked.
 */
export async function markAttendance(
  ctx: AppContext,
  options: MarkAttendanceOptions,
): Promise<MarkAttendanceResponse> {
  const { organizationId, actor } = options;
  const result = await ctx.db.transaction(async (tx) => {
    const lesson = await visibleLesson(tx, organizationId, options.lessonId, actor);
    if (lesson.status === 'cancelled') throw new AppError('attendance_lesson_cancelled');
    const marks: MarkWrite[] = options.marks.map((mark) => ({
      studentId: mark.studentId,
      status: mark.status,
      note: mark.note?.length ? mark.note : null,
      makeupForVisitId: mark.status === 'makeup' ? (mark.makeupForVisitId ?? null) : null,
    }));
    const studentIds = marks.map((mark) => mark.studentId);
    const live = await findLiveStudentIds(tx, organizationId, studentIds);
    if (studentIds.some((id) => !live.has(id))) throw new AppError('attendance_student_invalid');
    await checkMakeups(tx, organizationId, lesson.id, marks);

    // Marks and their charges change together: the students' money is locked first.
    const heldLocks = await lockStudentsMoneyOfFamilies(tx, studentIds);
    const existing = new Map(
      (await findLessonMarks(tx, lesson.id, studentIds)).map((row) => [row.studentId, row]),
    );
    const fresh = marks.filter((mark) => !existing.has(mark.studentId));
    const changed = marks.flatMap((mark) => {
      const row = existing.get(mark.studentId);
      if (!row) return [];
      const same =
        row.status === mark.status &&
        row.note === mark.note &&
        row.makeupForVisitId === mark.makeupForVisitId;
      return same ? [] : [{ ...mark, visitId: row.id, previous: row.status }];
    });
    const insertedIds = await insertMarks(
      tx,
      { organizationId, id: lesson.id, groupId: lesson.groupId, startsAt: lesson.startsAt },
      fresh,
      actor.id,
    );
    await updateMarks(tx, changed, actor.id);
    const restatused = changed.filter((mark) => mark.previous !== mark.status);
    // Marks do not move debts, so the counts read under the lock are still the ones before.
    const marked = new Set(studentIds);
    const debtsBefore = new Map(
      heldLocks.flatMap((row) => (marked.has(row.id) ? [[row.id, row.debtLessons] as const] : [])),
    );
    await rechargeVisits(tx, {
      organizationId,
      visitIds: [...insertedIds, ...restatused.map((mark) => mark.visitId)],
      reason: 'remarked',
      actorId: actor.id,
      heldLocks,
    });
    // «Занятие в долг» to the family when this marking put a student's lessons into debt.
    await notifyNewDebts(ctx, tx, { organizationId, before: debtsBefore });
    if (fresh.length + changed.length > 0) {
      await recordAudit(tx, {
        organizationId,
        actorId: actor.id,
        subjectId: null,
        action: 'attendance.marked',
        ip: actor.ip ?? null,
        details: {
          lessonId: lesson.id,
          marks: [
            ...fresh.map((mark) => ({ studentId: mark.studentId, from: null, to: mark.status })),
            ...changed.map((mark) => ({
              studentId: mark.studentId,
              from: mark.previous,
              to: mark.status,
            })),
          ],
        },
      });
    }
    return {
      lesson,
      changed: fresh.length + changed.length,
      recharged: insertedIds.length + restatused.length,
    };
  });
  const roster = await buildRoster(ctx.db, result.lesson, options.locale);
  return { ...roster, changed: result.changed, recharged: result.recharged };
}

/** A make-up must refer to a missed lesson of the same student, on another lesson. */
async function checkMakeups(
  tx: Tx,
  organizationId: string,
  lessonId: string,
  marks: readonly MarkWrite[],
): Promise<void> {
  const linked = marks.flatMap((mark) =>
    mark.makeupForVisitId === null ? [] : [{ ...mark, missedId: mark.makeupForVisitId }],
  );
  if (linked.length === 0) return;
  const visits = new Map(
    (
      await findVisitsByIds(
        tx,
        organizationId,
        linked.map((mark) => mark.missedId),
      )
    ).map((visit) => [visit.id, visit]),
  );
  for (const mark of linked) {
    const missed = visits.get(mark.missedId);
    const valid =
      missed &&
      missed.studentId === mark.studentId &&
      missed.lessonId !== lessonId &&
      (missed.status === 'absent_excused' || missed.status === 'absent_unexcused');
    if (!valid) throw new AppError('makeup_visit_invalid');
  }
}

import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Lesson } from '../../../shared/contracts/classes.js';
import type { DbOrTx } from '../../infra/db.js';
import { courses, groups, lessons, rooms, teachers, visits } from '../../schema.js';

export type LessonRow = typeof lessons.$inferSelect;

/** Filters of `listLessons`: a half-open time range and optional group or teacher. */
export interface LessonFilter {
  from: Date;
  to: Date;
  groupId?: string;
  teacherId?: string;
  id?: string;
}

/** Lessons that start in the range (index `lessons_org_starts` / `lessons_group_starts`). */
export async function listLessons(
  db: DbOrTx,
  organizationId: string,
  filter: LessonFilter,
): Promise<Lesson[]> {
  const conditions: (SQL | undefined)[] = [
    eq(lessons.organizationId, organizationId),
    filter.id ? eq(lessons.id, filter.id) : undefined,
    filter.id ? undefined : gte(lessons.startsAt, filter.from),
    filter.id ? undefined : lt(lessons.startsAt, filter.to),
    filter.groupId ? eq(lessons.groupId, filter.groupId) : undefined,
    filter.teacherId ? eq(lessons.teacherId, filter.teacherId) : undefined,
  ];
  const rows = await db
    .select({
      lesson: lessons,
      groupName: groups.name,
      courseName: courses.name,
      roomName: rooms.name,
      teacherName: teachers.fullName,
      visitCount: sql<number>`(select count(*)::int from ${visits} v where v.lesson_id = ${lessons.id})`,
    })
    .from(lessons)
    .innerJoin(groups, eq(groups.id, lessons.groupId))
    .innerJoin(courses, eq(courses.id, groups.courseId))
    .leftJoin(rooms, eq(rooms.id, lessons.roomId))
    .leftJoin(teachers, eq(teachers.id, lessons.teacherId))
    .where(and(...conditions))
    .orderBy(asc(lessons.startsAt), asc(groups.name), asc(lessons.id));
  return rows.map(({ lesson, groupName, courseName, roomName, teacherName, visitCount }) => ({
    id: lesson.id,
    groupId: lesson.groupId,
    groupName,
    courseName,
    ruleId: lesson.ruleId,
    kind: lesson.kind,
    startsAt: lesson.startsAt.toISOString(),
    endsAt: lesson.endsAt.toISOString(),
    originalStartsAt: lesson.originalStartsAt.toISOString(),
    moved: lesson.startsAt.getTime() !== lesson.originalStartsAt.getTime(),
    status: lesson.status,
    cancelReason:
      lesson.status === 'scheduled'
        ? null
        : lesson.cancelReason === 'holiday'
          ? 'holiday'
          : 'staff',
    cancelNote: lesson.cancelNote,
    roomId: lesson.roomId,
    roomName,
    teacherId: lesson.teacherId,
    teacherName,
    topic: lesson.topic,
    visitCount,
  }));
}

/** Locks a lesson of the organization for a change, or returns undefined. */
export async function lockLesson(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<LessonRow | undefined> {
  const [row] = await db
    .select()
    .from(lessons)
    .where(and(eq(lessons.organizationId, organizationId), eq(lessons.id, id)))
    .for('update');
  return row;
}

/** A rule's lessons from `from` on (by where the rule put them), with their visit counts. */
export async function findRuleLessonsFrom(db: DbOrTx, ruleId: string, from: Date) {
  return db
    .select({
      lesson: lessons,
      visitCount: sql<number>`(select count(*)::int from ${visits} v where v.lesson_id = ${lessons.id})`,
    })
    .from(lessons)
    .where(and(eq(lessons.ruleId, ruleId), gte(lessons.originalStartsAt, from)));
}

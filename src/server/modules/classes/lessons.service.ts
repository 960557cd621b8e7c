import { eq, sql } from 'drizzle-orm';
import type {
  CancelLessonRequest,
  ExtraLessonRequest,
  Lesson,
  MoveLessonRequest,
} from '../../../shared/contracts/classes.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx, Tx } from '../../infra/db.js';
import { lessons, visits } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { rechargeLessonVisits } from '../billing/index.js';
import { zonedInstant } from '../calendar/index.js';
import { assertReferences, findGroupRow } from './groups.service.js';
import { listLessons, lockLesson } from './lessons.repo.js';
import { minutesOf } from './rule-occurrences.js';

/** One lesson as the API shows it, or `not_found`. */
export async function getLesson(db: DbOrTx, organizationId: string, id: string): Promise<Lesson> {
  const [lesson] = await listLessons(db, organizationId, {
    id,
    from: new Date(0),
    to: new Date(0),
  });
  if (!lesson) throw new AppError('not_found');
  return lesson;
}

async function lockOrFail(tx: Tx, organizationId: string, id: string) {
  const lesson = await lockLesson(tx, organizationId, id);
  if (!lesson) throw new AppError('not_found');
  return lesson;
}

/**
 * Cancels a lesson (`staff`); its visits' charges are re-run by billing in the same transaction,
 * so a charged visit is reversed. Cancelling a cancelled lesson changes nothing.
 */
export async function cancelLesson(
  ctx: AppContext,
  organizationId: string,
  id: string,
  input: CancelLessonRequest,
  actorId: string | null,
): Promise<Lesson> {
  await ctx.db.transaction(async (tx) => {
    const lesson = await lockOrFail(tx, organizationId, id);
    if (lesson.status === 'cancelled') return;
    await tx
      .update(lessons)
      .set({ status: 'cancelled', cancelReason: 'staff', cancelNote: input.note || null })
      .where(eq(lessons.id, id));
    await rechargeLessonVisits(tx, {
      organizationId,
      lessonId: id,
      reason: 'lesson_cancelled',
      actorId,
    });
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'lesson.cancelled',
      details: { lessonId: id, groupId: lesson.groupId, note: input.note ?? null },
    });
  });
  return getLesson(ctx.db, organizationId, id);
}

/**
 * Holds a cancelled lesson after all (a staff cancellation undone, or a holiday the group works
 * on). `cancel_reason = 'restored'` marks the decision so re-materializing never cancels it again.
 */
export async function restoreLesson(
  ctx: AppContext,
  organizationId: string,
  id: string,
  actorId: string | null,
): Promise<Lesson> {
  await ctx.db.transaction(async (tx) => {
    const lesson = await lockOrFail(tx, organizationId, id);
    if (lesson.status !== 'cancelled') throw new AppError('lesson_state_invalid');
    await tx
      .update(lessons)
      .set({ status: 'scheduled', cancelReason: 'restored', cancelNote: null })
      .where(eq(lessons.id, id));
    await rechargeLessonVisits(tx, {
      organizationId,
      lessonId: id,
      reason: 'lesson_restored',
      actorId,
    });
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'lesson.restored',
      details: { lessonId: id, groupId: lesson.groupId, was: lesson.cancelReason },
    });
  });
  return getLesson(ctx.db, organizationId, id);
}

/**
 * Moves a lesson to another local day and time (the organization's zone). `original_starts_at`
 * stays, so re-materializing the rule never brings the lesson back to its old slot. Visits move
 * with it and are charged again: the new date may fall under other subscriptions.
 */
export async function moveLesson(
  ctx: AppContext,
  organizationId: string,
  id: string,
  input: MoveLessonRequest,
  actorId: string | null,
  timeZone: string,
): Promise<Lesson> {
  await ctx.db.transaction(async (tx) => {
    const lesson = await lockOrFail(tx, organizationId, id);
    if (lesson.status === 'cancelled') throw new AppError('lesson_state_invalid');
    const group = await findGroupRow(tx, organizationId, lesson.groupId);
    await assertReferences(tx, organizationId, {
      roomId: input.roomId,
      teacherId: input.teacherId,
      branchId: input.roomId ? group.branchId : null,
    });
    const startsAt = zonedInstant(input.day, minutesOf(input.startTime), timeZone);
    const minutes =
      input.durationMinutes ?? (lesson.endsAt.getTime() - lesson.startsAt.getTime()) / 60_000;
    await tx
      .update(lessons)
      .set({
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        ...(input.roomId !== undefined ? { roomId: input.roomId } : {}),
        ...(input.teacherId !== undefined ? { teacherId: input.teacherId } : {}),
      })
      .where(eq(lessons.id, id));
    await tx.update(visits).set({ lessonStartsAt: startsAt }).where(eq(visits.lessonId, id));
    await rechargeLessonVisits(tx, {
      organizationId,
      lessonId: id,
      reason: 'lesson_moved',
      actorId,
    });
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'lesson.moved',
      details: {
        lessonId: id,
        groupId: lesson.groupId,
        from: lesson.startsAt.toISOString(),
        to: startsAt.toISOString(),
      },
    });
  });
  return getLesson(ctx.db, organizationId, id);
}

/** Adds a single extra lesson to a group; a retry with the same client `id` returns it. */
export async function addExtraLesson(
  ctx: AppContext,
  organizationId: string,
  groupId: string,
  input: ExtraLessonRequest,
  actorId: string | null,
  timeZone: string,
): Promise<Lesson> {
  const id = await ctx.db.transaction(async (tx) => {
    if (input.id) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${input.id}, 0))`);
      const [existing] = await tx.select().from(lessons).where(eq(lessons.id, input.id));
      if (existing) {
        if (existing.organizationId !== organizationId || existing.groupId !== groupId) {
          throw new AppError('id_conflict');
        }
        return existing.id;
      }
    }
    const group = await findGroupRow(tx, organizationId, groupId);
    if (group.archivedAt) throw new AppError('reference_invalid');
    await assertReferences(tx, organizationId, {
      roomId: input.roomId,
      teacherId: input.teacherId,
      branchId: input.roomId ? group.branchId : null,
    });
    const startsAt = zonedInstant(input.day, minutesOf(input.startTime), timeZone);
    const minutes = input.durationMinutes ?? group.lessonMinutes;
    const [row] = await tx
      .insert(lessons)
      .values({
        ...(input.id ? { id: input.id } : {}),
        organizationId,
        groupId,
        kind: 'extra',
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        originalStartsAt: startsAt,
        roomId: input.roomId === undefined ? group.roomId : input.roomId,
        teacherId: input.teacherId === undefined ? group.teacherId : input.teacherId,
        topic: input.topic ?? null,
      })
      .returning({ id: lessons.id });
    if (!row) throw new Error('insert returned no row');
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'lesson.extra_added',
      details: { lessonId: row.id, groupId, startsAt: startsAt.toISOString() },
    });
    return row.id;
  });
  return getLesson(ctx.db, organizationId, id);
}

import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Group, GroupInput } from '../../../shared/contracts/classes.js';
import { ZGroupInput } from '../../../shared/contracts/classes.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { branches, courses, enrollments, groups, rooms, teachers } from '../../schema.js';
import { localDay } from '../calendar/index.js';
import { materializeGroup } from './materialize.service.js';

export type GroupRow = typeof groups.$inferSelect;

/** Filters of `listGroups`. */
export interface GroupFilter {
  courseId?: string;
  teacherId?: string;
  includeArchived?: boolean;
  id?: string;
}

/** Groups with their course, teacher and how many students are enrolled on `today`. */
export async function listGroups(
  db: DbOrTx,
  organizationId: string,
  today: string,
  filter: GroupFilter = {},
): Promise<Group[]> {
  const conditions: (SQL | undefined)[] = [
    eq(groups.organizationId, organizationId),
    filter.id ? eq(groups.id, filter.id) : undefined,
    filter.courseId ? eq(groups.courseId, filter.courseId) : undefined,
    filter.teacherId ? eq(groups.teacherId, filter.teacherId) : undefined,
    filter.includeArchived || filter.id ? undefined : isNull(groups.archivedAt),
  ];
  const rows = await db
    .select({
      group: groups,
      courseName: courses.name,
      teacherName: teachers.fullName,
      activeStudents: sql<number>`(select count(*)::int from ${enrollments} e
        where e.group_id = ${groups.id} and e.starts_on <= ${today}
          and (e.ends_on is null or e.ends_on >= ${today}))`,
    })
    .from(groups)
    .innerJoin(courses, eq(courses.id, groups.courseId))
    .leftJoin(teachers, eq(teachers.id, groups.teacherId))
    .where(and(...conditions))
    .orderBy(asc(groups.name), asc(groups.id));
  return rows.map(({ group, courseName, teacherName, activeStudents }) => ({
    id: group.id,
    courseId: group.courseId,
    courseName,
    name: group.name,
    branchId: group.branchId,
    roomId: group.roomId,
    teacherId: group.teacherId,
    teacherName,
    paymentMode: group.paymentMode,
    lessonPriceKopecks: group.lessonPriceKopecks,
    feeKopecks: group.feeKopecks,
    lessonMinutes: group.lessonMinutes,
    capacity: group.capacity,
    startsOn: group.startsOn,
    endsOn: group.endsOn,
    chargeUnexcusedAbsence: group.chargeUnexcusedAbsence,
    excusedAbsenceChargePercent: group.excusedAbsenceChargePercent,
    skipHolidays: group.skipHolidays,
    archived: group.archivedAt !== null,
    activeStudents,
  }));
}

/** One group (archived ones too), or `not_found`. */
export async function getGroup(
  db: DbOrTx,
  organizationId: string,
  id: string,
  timeZone: string,
): Promise<Group> {
  const [group] = await listGroups(db, organizationId, localDay(new Date(), timeZone), { id });
  if (!group) throw new AppError('not_found');
  return group;
}

/** The group row, or `not_found`. */
export async function findGroupRow(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Checks that a referenced course, branch, room or teacher is this organization's and live. */
export async function assertReferences(
  db: DbOrTx,
  organizationId: string,
  refs: {
    courseId?: string | null;
    branchId?: string | null;
    roomId?: string | null;
    teacherId?: string | null;
  },
): Promise<void> {
  const live = async (table: typeof courses | typeof branches | typeof teachers, id: string) => {
    const [row] = await db
      .select({ id: table.id })
      .from(table)
      .where(
        and(eq(table.organizationId, organizationId), eq(table.id, id), isNull(table.archivedAt)),
      );
    if (!row) throw new AppError('reference_invalid');
  };
  if (refs.courseId) await live(courses, refs.courseId);
  if (refs.branchId) await live(branches, refs.branchId);
  if (refs.teacherId) await live(teachers, refs.teacherId);
  if (refs.roomId) {
    const [room] = await db
      .select({ branchId: rooms.branchId })
      .from(rooms)
      .where(
        and(
          eq(rooms.organizationId, organizationId),
          eq(rooms.id, refs.roomId),
          isNull(rooms.archivedAt),
        ),
      );
    if (!room) throw new AppError('reference_invalid');
    if (refs.branchId && room.branchId !== refs.branchId)
      throw new AppError('room_branch_mismatch');
  }
}

/**
 * Creates (`id` null) or edits a group; its payment mode is fixed once students are enrolled.
 * An edit brings the group's future lessons in line in the same transaction: its dates,
 * archiving and holiday setting decide which regular lessons exist and which are cancelled.
 */
export async function saveGroup(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  input: GroupInput,
  timeZone: string,
  now = new Date(),
): Promise<Group> {
  const body = ZGroupInput.parse(input);
  if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) {
    throw new AppError('dates_invalid');
  }
  const savedId = await ctx.db.transaction(async (tx) => {
    await assertReferences(tx, organizationId, body);
    const fields = {
      courseId: body.courseId,
      name: body.name.trim(),
      branchId: body.branchId ?? null,
      roomId: body.roomId ?? null,
      teacherId: body.teacherId ?? null,
      paymentMode: body.paymentMode,
      lessonPriceKopecks: body.lessonPriceKopecks ?? null,
      feeKopecks: body.paymentMode === 'one_time_fee' ? (body.feeKopecks ?? null) : null,
      lessonMinutes: body.lessonMinutes,
      capacity: body.capacity ?? null,
      startsOn: body.startsOn ?? null,
      endsOn: body.endsOn ?? null,
      chargeUnexcusedAbsence: body.chargeUnexcusedAbsence,
      excusedAbsenceChargePercent: body.excusedAbsenceChargePercent,
      skipHolidays: body.skipHolidays,
      ...(body.archived === undefined ? {} : { archivedAt: body.archived ? new Date() : null }),
    };
    if (!id) {
      const [row] = await tx
        .insert(groups)
        .values({ organizationId, ...fields })
        .returning({ id: groups.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    }
    const before = await findGroupRow(tx, organizationId, id);
    if (before.paymentMode !== body.paymentMode) {
      const [enrolled] = await tx
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(eq(enrollments.groupId, id))
        .limit(1);
      if (enrolled) throw new AppError('payment_mode_locked');
    }
    await tx.update(groups).set(fields).where(eq(groups.id, id));
    await materializeGroup(tx, organizationId, id, now);
    return id;
  });
  return getGroup(ctx.db, organizationId, savedId, timeZone);
}

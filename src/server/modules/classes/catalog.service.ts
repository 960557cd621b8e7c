import { and, asc, eq, ne } from 'drizzle-orm';
import type {
  Branch,
  BranchInput,
  CatalogResponse,
  Course,
  CourseInput,
  Room,
  RoomInput,
  Teacher,
  TeacherInput,
} from '../../../shared/contracts/classes.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { branches, courses, rooms, teachers, users } from '../../schema.js';

/** Archiving keeps history (past lessons name their room and teacher) and hides the entry. */
const archivedAt = (archived: boolean | undefined, now: Date) =>
  archived === undefined ? {} : { archivedAt: archived ? now : null };

const toBranch = (row: typeof branches.$inferSelect): Branch => ({
  id: row.id,
  name: row.name,
  address: row.address,
  archived: row.archivedAt !== null,
});
const toRoom = (row: typeof rooms.$inferSelect): Room => ({
  id: row.id,
  branchId: row.branchId,
  name: row.name,
  capacity: row.capacity,
  archived: row.archivedAt !== null,
});
const toCourse = (row: typeof courses.$inferSelect): Course => ({
  id: row.id,
  name: row.name,
  description: row.description,
  archived: row.archivedAt !== null,
});

async function listTeachers(db: DbOrTx, organizationId: string): Promise<Teacher[]> {
  const rows = await db
    .select({ teacher: teachers, userName: users.displayName })
    .from(teachers)
    .leftJoin(users, eq(users.id, teachers.userId))
    .where(eq(teachers.organizationId, organizationId))
    .orderBy(asc(teachers.fullName));
  return rows.map(({ teacher, userName }) => ({
    id: teacher.id,
    fullName: teacher.fullName,
    userId: teacher.userId,
    userName,
    phone: teacher.phone,
    archived: teacher.archivedAt !== null,
  }));
}

/** Everything the console's pickers need, archived entries included (flagged). */
export async function getCatalog(db: DbOrTx, organizationId: string): Promise<CatalogResponse> {
  const branchRows = await db
    .select()
    .from(branches)
    .where(eq(branches.organizationId, organizationId))
    .orderBy(asc(branches.name));
  const roomRows = await db
    .select()
    .from(rooms)
    .where(eq(rooms.organizationId, organizationId))
    .orderBy(asc(rooms.name));
  const courseRows = await db
    .select()
    .from(courses)
    .where(eq(courses.organizationId, organizationId))
    .orderBy(asc(courses.name));
  return {
    branches: branchRows.map(toBranch),
    rooms: roomRows.map(toRoom),
    teachers: await listTeachers(db, organizationId),
    courses: courseRows.map(toCourse),
  };
}

/** Creates (`id` null) or edits a branch. */
export async function saveBranch(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  input: BranchInput,
): Promise<Branch> {
  const fields = {
    name: input.name.trim(),
    ...(input.address !== undefined ? { address: input.address || null } : {}),
    ...archivedAt(input.archived, new Date()),
  };
  const [row] = id
    ? await ctx.db
        .update(branches)
        .set(fields)
        .where(and(eq(branches.organizationId, organizationId), eq(branches.id, id)))
        .returning()
    : await ctx.db
        .insert(branches)
        .values({ organizationId, ...fields })
        .returning();
  if (!row) throw new AppError('not_found');
  return toBranch(row);
}

/** Creates or edits a room of a branch. */
export async function saveRoom(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  input: RoomInput,
): Promise<Room> {
  const [branch] = await ctx.db
    .select({ id: branches.id })
    .from(branches)
    .where(and(eq(branches.organizationId, organizationId), eq(branches.id, input.branchId)));
  if (!branch) throw new AppError('reference_invalid');
  const fields = {
    branchId: input.branchId,
    name: input.name.trim(),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...archivedAt(input.archived, new Date()),
  };
  const [row] = id
    ? await ctx.db
        .update(rooms)
        .set(fields)
        .where(and(eq(rooms.organizationId, organizationId), eq(rooms.id, id)))
        .returning()
    : await ctx.db
        .insert(rooms)
        .values({ organizationId, ...fields })
        .returning();
  if (!row) throw new AppError('not_found');
  return toRoom(row);
}

/** The linked account must be staff with the `teacher` role and no other teacher's (archived too: `teachers_user` is unique). */
async function assertTeacherAccount(
  db: DbOrTx,
  organizationId: string,
  teacherId: string | null,
  userId: string,
) {
  const [user] = await db
    .select({ role: users.staffRole })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
  if (!user) throw new AppError('not_found');
  if (user.role !== 'teacher') throw new AppError('teacher_account_invalid');
  const [other] = await db
    .select({ id: teachers.id })
    .from(teachers)
    .where(and(eq(teachers.userId, userId), teacherId ? ne(teachers.id, teacherId) : undefined));
  if (other) throw new AppError('teacher_account_taken');
}

/** Creates or edits a teacher, optionally linked to a staff account with the `teacher` role. */
export async function saveTeacher(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  input: TeacherInput,
): Promise<Teacher> {
  const saved = await ctx.db.transaction(async (tx) => {
    if (input.userId) await assertTeacherAccount(tx, organizationId, id, input.userId);
    const fields = {
      fullName: input.fullName.trim(),
      ...(input.userId !== undefined ? { userId: input.userId } : {}),
      ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
      ...archivedAt(input.archived, new Date()),
    };
    const [row] = id
      ? await tx
          .update(teachers)
          .set(fields)
          .where(and(eq(teachers.organizationId, organizationId), eq(teachers.id, id)))
          .returning({ id: teachers.id })
      : await tx
          .insert(teachers)
          .values({ organizationId, ...fields })
          .returning({ id: teachers.id });
    if (!row) throw new AppError('not_found');
    return row.id;
  });
  const teacher = (await listTeachers(ctx.db, organizationId)).find((row) => row.id === saved);
  if (!teacher) throw new AppError('not_found');
  return teacher;
}

/** Creates or edits a course. */
export async function saveCourse(
  ctx: AppContext,
  organizationId: string,
  id: string | null,
  input: CourseInput,
): Promise<Course> {
  const fields = {
    name: input.name.trim(),
    ...(input.description !== undefined ? { description: input.description || null } : {}),
    ...archivedAt(input.archived, new Date()),
  };
  const [row] = id
    ? await ctx.db
        .update(courses)
        .set(fields)
        .where(and(eq(courses.organizationId, organizationId), eq(courses.id, id)))
        .returning()
    : await ctx.db
        .insert(courses)
        .values({ organizationId, ...fields })
        .returning();
  if (!row) throw new AppError('not_found');
  return toCourse(row);
}

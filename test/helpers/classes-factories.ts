import type { InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../../src/server/infra/context.js';
import {
  courses,
  enrollments,
  families,
  groups,
  lessons,
  studentAccounts,
  students,
  subscriptions,
} from '../../src/server/schema.js';

/**
 * Direct inserts of the classes model for tests that exercise something else (charging, the
 * cabinet): the structure services have their own tests. Money totals start at zero; money is
 * only ever moved through billing's ledger.
 */

type Insert<T extends PgTable> = Partial<InferInsertModel<T>>;

/** The one row an insert returned. */
function only<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function insertFamily(ctx: AppContext, organizationId: string, name = 'Ивановы') {
  return only(await ctx.db.insert(families).values({ organizationId, name }).returning());
}

export async function insertStudent(
  ctx: AppContext,
  organizationId: string,
  values: Insert<typeof students> = {},
) {
  return only(
    await ctx.db
      .insert(students)
      .values({ organizationId, fullName: 'Иван Иванов', ...values })
      .returning(),
  );
}

/** Lets the account `userId` see the student in the cabinet. */
export async function linkStudentAccount(
  ctx: AppContext,
  organizationId: string,
  studentId: string,
  userId: string,
  relation: 'self' | 'parent' | 'contact' = 'parent',
) {
  await ctx.db.insert(studentAccounts).values({ organizationId, studentId, userId, relation });
}

export async function insertCourse(ctx: AppContext, organizationId: string, name = 'Английский') {
  return only(await ctx.db.insert(courses).values({ organizationId, name }).returning());
}

export async function insertGroup(
  ctx: AppContext,
  organizationId: string,
  values: Insert<typeof groups> & { courseId: string },
) {
  return only(
    await ctx.db
      .insert(groups)
      .values({ organizationId, name: 'Группа 1', ...values })
      .returning(),
  );
}

export async function insertEnrollment(
  ctx: AppContext,
  organizationId: string,
  values: Insert<typeof enrollments> & { studentId: string; groupId: string },
) {
  return only(
    await ctx.db
      .insert(enrollments)
      .values({ organizationId, startsOn: '2026-01-01', ...values })
      .returning(),
  );
}

export async function insertLesson(
  ctx: AppContext,
  organizationId: string,
  values: Insert<typeof lessons> & { groupId: string; startsAt: Date },
) {
  const endsAt = values.endsAt ?? new Date(values.startsAt.getTime() + 60 * 60_000);
  return only(
    await ctx.db
      .insert(lessons)
      .values({
        organizationId,
        kind: 'extra',
        originalStartsAt: values.startsAt,
        endsAt,
        ...values,
      })
      .returning(),
  );
}

/**
 * A sold subscription row without payments or charges (billing's sale service is the real
 * path; this is for tests of rules that only need one to exist).
 */
export async function insertSubscription(
  ctx: AppContext,
  organizationId: string,
  values: Insert<typeof subscriptions> & {
    studentId: string;
    number: number;
    beginsOn: string;
    endsOn: string;
  },
) {
  return only(
    await ctx.db
      .insert(subscriptions)
      .values({
        organizationId,
        name: '8 занятий',
        lessonsTotal: 8,
        priceKopecks: 800_000,
        originalPriceKopecks: 800_000,
        coversAllGroups: true,
        ...values,
      })
      .returning(),
  );
}

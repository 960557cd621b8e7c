import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../src/server/infra/context.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { charges, lessons, visits } from '../../src/server/schema.js';
import type { AttendanceStatus } from '../../src/server/modules/billing/charging-rules.js';
import { createOrganization } from '../helpers/factories.js';
import {
  insertCourse,
  insertEnrollment,
  insertGroup,
  insertLesson,
  insertStudent,
} from '../helpers/classes-factories.js';

/** The value, or a failed test saying what was missing (instead of a non-null assertion). */
export function defined<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

/**
 * A small centre for charging tests: an organization in Moscow time, one course, one per-lesson
 * group, helpers to add lessons and visits, and a snapshot of everything charging must keep
 * consistent. Each call builds its own organization, so tests never share data.
 */
export async function createChargingWorld(ctx: AppContext) {
  const organization = await createOrganization(ctx);
  const organizationId = organization.id;
  const course = await insertCourse(ctx, organizationId);
  const group = await insertGroup(ctx, organizationId, {
    courseId: course.id,
    lessonPriceKopecks: 120_000,
  });
  return {
    organization,
    organizationId,
    course,
    group,
    /** A student enrolled in the group from 2026-01-01. */
    async addStudent(values: Parameters<typeof insertStudent>[2] = {}) {
      const student = await insertStudent(ctx, organizationId, values);
      const enrollment = await insertEnrollment(ctx, organizationId, {
        studentId: student.id,
        groupId: group.id,
      });
      return { student, enrollment };
    },
    /** A lesson of the group at the Moscow wall-clock time `local` (`2026-02-03T18:00`). */
    async addLesson(local: string, groupId = group.id) {
      return insertLesson(ctx, organizationId, {
        groupId,
        startsAt: new Date(`${local}:00+03:00`),
      });
    },
    async addVisit(lessonId: string, studentId: string, status: AttendanceStatus) {
      const [found] = await ctx.db.select().from(lessons).where(eq(lessons.id, lessonId));
      const lesson = defined(found, 'the lesson');
      const [row] = await ctx.db
        .insert(visits)
        .values({
          organizationId,
          lessonId,
          studentId,
          groupId: lesson.groupId,
          lessonStartsAt: lesson.startsAt,
          status,
        })
        .returning();
      return defined(row, 'the visit');
    },
    async setStatus(visitId: string, status: AttendanceStatus) {
      await ctx.db.update(visits).set({ status }).where(eq(visits.id, visitId));
    },
    async liveCharge(visitId: string) {
      const [row] = await ctx.db
        .select()
        .from(charges)
        .where(and(eq(charges.visitId, visitId), isNull(charges.supersededAt)));
      return row;
    },
  };
}

/** Everything charging must keep consistent in one organization, comparable with `toEqual`. */
export async function moneySnapshot(ctx: AppContext, organizationId: string) {
  const students = await rowsOf<{
    id: string;
    balance: number;
    entries: number;
    debt: number;
    liveDebts: number;
  }>(
    ctx.db,
    sql`select s.id, s.balance_kopecks as balance,
               (select coalesce(sum(amount_kopecks), 0)::int from ledger_entries
                where student_id = s.id) as entries,
               s.debt_lessons as debt,
               (select count(*)::int from charges c where c.student_id = s.id
                and c.superseded_at is null and c.outcome = 'debt') as "liveDebts"
        from students s where s.organization_id = ${organizationId} order by s.id`,
  );
  const subscriptions = await rowsOf<{
    id: string;
    used: number;
    charged: number;
    liveUsed: number;
    liveCharged: number;
  }>(
    ctx.db,
    sql`select s.id, s.lessons_used as used, s.charged_kopecks as charged,
               (select count(*)::int from charges c where c.subscription_id = s.id
                and c.superseded_at is null and c.outcome = 'subscription') as "liveUsed",
               (select coalesce(sum(amount_kopecks), 0)::int from charges c
                where c.subscription_id = s.id and c.superseded_at is null
                  and c.outcome = 'subscription') as "liveCharged"
        from subscriptions s where s.organization_id = ${organizationId} order by s.number`,
  );
  const enrollments = await rowsOf<{ id: string; debt: number; liveDebts: number }>(
    ctx.db,
    sql`select e.id, e.debt_lessons as debt,
               (select count(*)::int from charges c where c.superseded_at is null
                and c.outcome = 'debt' and c.reason_params->>'enrollmentId' = e.id::text)
                 as "liveDebts"
        from enrollments e where e.organization_id = ${organizationId} order by e.id`,
  );
  const live = await rowsOf<{
    visitId: string;
    outcome: string;
    subscriptionId: string | null;
    lessonNumber: number | null;
    amount: number;
    reason: string;
  }>(
    ctx.db,
    sql`select visit_id as "visitId", outcome, subscription_id as "subscriptionId",
               lesson_number as "lessonNumber", amount_kopecks as amount, reason
        from charges where organization_id = ${organizationId} and superseded_at is null
        order by visit_id`,
  );
  return { students, subscriptions, enrollments, live };
}

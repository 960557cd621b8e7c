import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { AttendanceStatus } from '../../src/shared/contracts/attendance.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { decideInOrder } from '../../src/server/modules/billing/charging-order.js';
import type { RuleSubscription } from '../../src/server/modules/billing/charging-rules.js';
import { students } from '../../src/server/schema.js';
import type { TestApp } from '../helpers/app.js';
import type { moneySnapshot } from './charging-world.js';

/**
 * What charging the final attendance from scratch gives, by the pure rules in lesson order, to
 * compare with what the database holds after any history of changes.
 */

/** Charges the final attendance from scratch with the pure rules and compares. */
export async function expectEqualsScratch(
  t: TestApp,
  organizationId: string,
  live: Awaited<ReturnType<typeof moneySnapshot>>['live'],
) {
  const visits = await rowsOf<{
    id: string;
    studentId: string;
    familyId: string | null;
    groupId: string;
    courseId: string;
    status: AttendanceStatus;
    startsAt: string;
    cancelled: boolean;
    localDate: string;
    chargeUnexcusedAbsence: boolean;
    excusedAbsenceChargePercent: number;
  }>(
    t.ctx.db,
    sql`select v.id, v.student_id as "studentId", s.family_id as "familyId",
               v.group_id as "groupId", g.course_id as "courseId", v.status,
               to_char(l.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startsAt",
               l.status = 'cancelled' as cancelled,
               (l.starts_at at time zone 'Europe/Moscow')::date::text as "localDate",
               g.charge_unexcused_absence as "chargeUnexcusedAbsence",
               g.excused_absence_charge_percent as "excusedAbsenceChargePercent"
        from visits v join lessons l on l.id = v.lesson_id join groups g on g.id = v.group_id
        join students s on s.id = v.student_id where v.organization_id = ${organizationId}`,
  );
  const subscriptions = await rowsOf<Omit<RuleSubscription, 'usedSlots' | 'endedAt'>>(
    t.ctx.db,
    sql`select id, number, name, student_id as "studentId", family_id as "familyId",
               lessons_total as "lessonsTotal", price_kopecks as "priceKopecks",
               begins_on::text as "beginsOn", ends_on::text as "endsOn",
               frozen_from::text as "frozenFrom", frozen_to::text as "frozenTo",
               end_reason as "endReason", unused_lessons as "unusedLessons",
               covers_all_groups as "coversAllGroups",
               group_ids::text[] as "groupIds", course_ids::text[] as "courseIds"
        from subscriptions where organization_id = ${organizationId}`,
  );
  const { decisions } = decideInOrder(
    visits.map((v) => ({
      visitId: v.id,
      visit: {
        status: v.status,
        studentId: v.studentId,
        familyId: v.familyId,
        groupId: v.groupId,
        courseId: v.courseId,
        lessonDate: v.localDate,
        lessonStartsAt: new Date(v.startsAt),
        lessonCancelled: v.cancelled,
      },
      group: {
        paymentMode: 'per_lesson',
        chargeUnexcusedAbsence: v.chargeUnexcusedAbsence,
        excusedAbsenceChargePercent: v.excusedAbsenceChargePercent,
        lessonPriceKopecks: 120_000,
      },
    })),
    subscriptions.map((s) => ({ ...s, endedAt: null, usedSlots: [] })),
  );
  const expected = [...decisions]
    .map(([visitId, d]) => ({
      visitId,
      outcome: d.outcome,
      subscriptionId: d.outcome === 'subscription' ? d.subscriptionId : null,
      lessonNumber: d.outcome === 'subscription' ? d.lessonNumber : null,
      amount: d.amountKopecks,
      reason: d.reason,
    }))
    .sort((a, b) => (a.visitId < b.visitId ? -1 : 1));
  expect(live).toEqual(expected);
}

/** `first_visit_at` is the start of the earliest attended lesson that was not cancelled. */
export async function expectFirstVisits(t: TestApp, studentIds: string[]) {
  for (const id of studentIds) {
    const [row] = await rowsOf<{ expected: string | null; actual: string | null }>(
      t.ctx.db,
      sql`select (select min(l.starts_at)::text from visits v join lessons l on l.id = v.lesson_id
                  where v.student_id = s.id and l.status = 'scheduled'
                    and v.status in ('present', 'makeup', 'trial', 'free')) as expected,
                 s.first_visit_at::text as actual
          from ${students} s where s.id = ${id}`,
    );
    expect(row?.actual).toBe(row?.expected);
  }
}

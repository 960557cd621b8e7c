import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { SubscriptionTypeInput } from '../../src/shared/contracts/billing.js';
import { chargeVisits } from '../../src/server/modules/billing/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { students, visits } from '../../src/server/schema.js';
import type { TestApp } from '../helpers/app.js';
import {
  insertCourse,
  insertEnrollment,
  insertGroup,
  insertLesson,
  insertStudent,
} from '../helpers/classes-factories.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';
import { eq } from 'drizzle-orm';

/** Shared set-up of billing's integration tests: an organization with a group and a student. */

export type Headers = { host: string; cookie: string };

/** A signed-in admin, a course with a per-lesson group, a student enrolled in it. */
export async function moneyOrganization(t: TestApp) {
  const organization = await createOrganization(t.ctx);
  const admin = await createUser(t.ctx, organization, { role: 'admin', name: 'Анна Админова' });
  const headers = await signInAs(t.app, organization, admin.email);
  const course = await insertCourse(t.ctx, organization.id);
  const group = await insertGroup(t.ctx, organization.id, {
    courseId: course.id,
    name: 'Английский 7–9',
    lessonPriceKopecks: 100_000,
  });
  const student = await insertStudent(t.ctx, organization.id, { fullName: 'Маша Иванова' });
  await insertEnrollment(t.ctx, organization.id, { studentId: student.id, groupId: group.id });
  return { organization, admin, headers, course, group, student };
}

/** A JSON call of the staff API; a money write gets a fresh Idempotency-Key unless given one. */
// The caller names the shape it expects of the answer (as `response.json<T>()` does).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export async function call<T>(
  t: TestApp,
  headers: Headers,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  key: string | null = randomUUID(),
) {
  const response = await t.app.inject({
    method,
    url,
    headers: { ...headers, ...(method === 'POST' && key ? { 'idempotency-key': key } : {}) },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json<T>() };
}

/** The error code of a refused call. */
export const codeOf = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

/** Creates a subscription type through the API: 8 lessons, 30 days, 8 000 ₽, all groups. */
export async function createType(
  t: TestApp,
  headers: Headers,
  values: Partial<SubscriptionTypeInput> = {},
) {
  const response = await call<{ id: string }>(
    t,
    headers,
    'POST',
    '/api/staff/billing/subscription-types',
    {
      name: '8 занятий',
      lessonsCount: 8,
      validityDays: 30,
      priceKopecks: 800_000,
      coversAllGroups: true,
      ...values,
    },
  );
  expect(response.status).toBe(201);
  return response.body;
}

/** A sold subscription as the API answers it. */
export interface Sold {
  id: string;
  number: number;
  priceKopecks: number;
  paidKopecks: number;
  chargedKopecks: number;
  lessonsUsed: number;
  beginsOn: string;
  endsOn: string;
  familyId: string | null;
  status: string;
  endReason: string | null;
  frozenFrom: string | null;
  frozenTo: string | null;
}

/** Sells through the API and expects success. */
export async function sell(
  t: TestApp,
  headers: Headers,
  body: Record<string, unknown>,
  key: string = randomUUID(),
): Promise<Sold> {
  const response = await call<{ subscription: Sold }>(
    t,
    headers,
    'POST',
    '/api/staff/billing/subscriptions',
    body,
    key,
  );
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.subscription;
}

/**
 * A marked visit of `studentId` at `startsAt` in `groupId`, charged by the charging rules (to a
 * subscription, or into debt when none is eligible).
 */
export async function chargedVisit(
  t: TestApp,
  organization: Organization,
  values: {
    studentId: string;
    groupId: string;
    startsAt: Date;
    status?: 'present' | 'absent_excused';
  },
) {
  const lesson = await insertLesson(t.ctx, organization.id, {
    groupId: values.groupId,
    startsAt: values.startsAt,
  });
  const [visit] = await t.ctx.db
    .insert(visits)
    .values({
      organizationId: organization.id,
      lessonId: lesson.id,
      studentId: values.studentId,
      groupId: values.groupId,
      lessonStartsAt: values.startsAt,
      status: values.status ?? 'present',
    })
    .returning();
  if (!visit) throw new Error('visit not stored');
  await t.ctx.db.transaction((tx) =>
    chargeVisits(tx, { organizationId: organization.id, actorId: null, visitIds: [visit.id] }),
  );
  return visit;
}

/** The student's running totals. */
export async function totalsOf(t: TestApp, studentId: string) {
  const [row] = await t.ctx.db.select().from(students).where(eq(students.id, studentId));
  if (!row) throw new Error('no such student');
  return { balance: row.balanceKopecks, debtLessons: row.debtLessons };
}

/** A lesson at 18:00 Moscow time on a local date. */
export const lessonAt = (day: string) => new Date(`${day}T18:00:00+03:00`);

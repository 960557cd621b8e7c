import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/server/infra/context.js';
import { chargeVisits } from '../../src/server/modules/billing/charging.service.js';
import {
  chargeEnrollmentFee,
  recordPayment,
  sellSubscription,
} from '../../src/server/modules/billing/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { subscriptionTypes, visits } from '../../src/server/schema.js';
import { localDay } from '../../src/server/modules/calendar/zoned-time.js';
import {
  insertCourse,
  insertEnrollment,
  insertFamily,
  insertGroup,
  insertLesson,
  insertStudent,
  linkStudentAccount,
} from './classes-factories.js';
import { createOrganization, createUser, signInAs } from './factories.js';
import type { TestApp } from './app.js';

/**
 * A family for the cabinet's tests, built through billing's real services (sales, payments,
 * charging) on top of direct inserts of the structure: a parent who sees two children in
 * different situations (docs/classes.md, «Done when»).
 *
 * - Маша: an active 4-lesson subscription paid 600 of 1 000 ₽ with 1 lesson used (ending:
 *   3 left is above 2, but it ends in 5 days), a one-time-fee course paid 5 000 of 10 000 ₽,
 *   upcoming lessons (one cancelled for a holiday).
 * - Петя: 3 000 ₽ deposited on the balance, no subscription, 2 lessons in debt (500 ₽ each).
 */

const DAY = 86_400_000;

/** The value, or a failed test saying what was missing. */
export function must<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

export async function insertSubscriptionType(
  ctx: AppContext,
  organizationId: string,
  values: Partial<typeof subscriptionTypes.$inferInsert> = {},
) {
  const [row] = await ctx.db
    .insert(subscriptionTypes)
    .values({
      organizationId,
      name: '4 занятия',
      lessonsCount: 4,
      validityDays: 30,
      priceKopecks: 100_000,
      coversAllGroups: true,
      ...values,
    })
    .returning();
  return must(row, 'a subscription type');
}

/** A visit marked now and charged by billing's rules. */
export async function markAndCharge(
  ctx: AppContext,
  organizationId: string,
  visit: {
    lessonId: string;
    studentId: string;
    groupId: string;
    startsAt: Date;
    status?: 'present' | 'absent_excused' | 'absent_unexcused' | 'trial' | 'free' | 'makeup';
  },
) {
  const [row] = await ctx.db
    .insert(visits)
    .values({
      organizationId,
      lessonId: visit.lessonId,
      studentId: visit.studentId,
      groupId: visit.groupId,
      lessonStartsAt: visit.startsAt,
      status: visit.status ?? 'present',
    })
    .returning();
  const stored = must(row, 'a visit');
  await ctx.db.transaction((tx) =>
    chargeVisits(tx, { organizationId, actorId: null, visitIds: [stored.id] }),
  );
  return stored;
}

export async function sell(
  ctx: AppContext,
  organizationId: string,
  studentId: string,
  typeId: string,
  paidKopecks: number,
  beginsOn?: string,
) {
  return ctx.db.transaction((tx) =>
    sellSubscription(tx, {
      organizationId,
      studentId,
      typeId,
      ...(beginsOn ? { beginsOn } : {}),
      ...(paidKopecks > 0 ? { payment: { amountKopecks: paidKopecks, method: 'cash' } } : {}),
      actorId: null,
      idempotencyKey: randomUUID(),
    }),
  );
}

export async function deposit(
  ctx: AppContext,
  organizationId: string,
  studentId: string,
  amountKopecks: number,
) {
  return ctx.db.transaction((tx) =>
    recordPayment(tx, {
      organizationId,
      studentId,
      amountKopecks,
      method: 'bank_transfer',
      actorId: null,
      idempotencyKey: randomUUID(),
    }),
  );
}

/** The family scene; `now` is the real clock (lessons are placed around it). */
export async function createCabinetFamily(t: TestApp, organization?: Organization) {
  const { ctx } = t;
  const org = organization ?? (await createOrganization(ctx));
  const orgId = org.id;
  const parent = await createUser(ctx, org, { role: null, name: 'Ольга Родителева' });
  const headers = await signInAs(t.app, org, parent.email);
  const family = await insertFamily(ctx, orgId, 'Ивановы');
  const masha = await insertStudent(ctx, orgId, { fullName: 'Маша Иванова', familyId: family.id });
  const petya = await insertStudent(ctx, orgId, { fullName: 'Петя Иванов', familyId: family.id });
  await linkStudentAccount(ctx, orgId, masha.id, parent.id);
  await linkStudentAccount(ctx, orgId, petya.id, parent.id);

  const course = await insertCourse(ctx, orgId, 'Английский');
  const english = await insertGroup(ctx, orgId, {
    courseId: course.id,
    name: 'Английский, группа 1',
    lessonPriceKopecks: 50_000,
  });
  const robotics = await insertGroup(ctx, orgId, {
    courseId: (await insertCourse(ctx, orgId, 'Робототехника')).id,
    name: 'Робототехника',
    paymentMode: 'one_time_fee',
    feeKopecks: 1_000_000,
  });
  const chess = await insertGroup(ctx, orgId, {
    courseId: (await insertCourse(ctx, orgId, 'Шахматы')).id,
    name: 'Шахматы',
    lessonPriceKopecks: 50_000,
  });
  const now = Date.now();
  const today = localDay(new Date(now), org.timezone);
  const monthAgo = localDay(new Date(now - 30 * DAY), org.timezone);
  await insertEnrollment(ctx, orgId, {
    studentId: masha.id,
    groupId: english.id,
    startsOn: monthAgo,
  });
  const mashaFee = await insertEnrollment(ctx, orgId, {
    studentId: masha.id,
    groupId: robotics.id,
    startsOn: monthAgo,
  });
  await insertEnrollment(ctx, orgId, {
    studentId: petya.id,
    groupId: chess.id,
    startsOn: monthAgo,
  });

  // Lessons: past ones to mark, upcoming ones to list (one cancelled for a holiday).
  const at = (offsetDays: number, hour = 0) => new Date(now + offsetDays * DAY + hour * 3_600_000);
  const englishPast = await insertLesson(ctx, orgId, { groupId: english.id, startsAt: at(-2) });
  const englishNext = await insertLesson(ctx, orgId, { groupId: english.id, startsAt: at(1) });
  const englishHoliday = await insertLesson(ctx, orgId, {
    groupId: english.id,
    startsAt: at(3),
    status: 'cancelled',
    cancelReason: 'holiday',
    cancelNote: 'День народного единства',
  });
  await insertLesson(ctx, orgId, { groupId: english.id, startsAt: at(20) });
  const chessPast1 = await insertLesson(ctx, orgId, { groupId: chess.id, startsAt: at(-9) });
  const chessPast2 = await insertLesson(ctx, orgId, { groupId: chess.id, startsAt: at(-2) });
  const chessNext = await insertLesson(ctx, orgId, { groupId: chess.id, startsAt: at(2) });

  // Маша: a subscription of 4 lessons ending in 5 days, paid 600 of 1 000 ₽, one lesson used.
  const shortType = await insertSubscriptionType(ctx, orgId, {
    name: '4 занятия',
    lessonsCount: 4,
    validityDays: 10,
    priceKopecks: 100_000,
    groupIds: [english.id],
    coversAllGroups: false,
  });
  const mashaSub = await sell(
    ctx,
    orgId,
    masha.id,
    shortType.id,
    60_000,
    localDay(new Date(now - 4 * DAY), org.timezone),
  );
  const mashaVisit = await markAndCharge(ctx, orgId, {
    lessonId: englishPast.id,
    studentId: masha.id,
    groupId: english.id,
    startsAt: englishPast.startsAt,
  });
  // Маша's course: 10 000 ₽ charged, 5 000 ₽ paid.
  await ctx.db.transaction((tx) =>
    chargeEnrollmentFee(tx, { organizationId: orgId, enrollmentId: mashaFee.id, actorId: null }),
  );
  await ctx.db.transaction((tx) =>
    recordPayment(tx, {
      organizationId: orgId,
      studentId: masha.id,
      amountKopecks: 500_000,
      method: 'card',
      target: { enrollmentId: mashaFee.id },
      actorId: null,
      idempotencyKey: randomUUID(),
    }),
  );

  // Петя: two chess lessons in debt, then 3 000 ₽ put on the balance without a subscription.
  const chessType = await insertSubscriptionType(ctx, orgId, {
    name: '8 занятий шахмат',
    lessonsCount: 8,
    validityDays: 30,
    priceKopecks: 240_000,
    groupIds: [chess.id],
    coversAllGroups: false,
  });
  const expensiveType = await insertSubscriptionType(ctx, orgId, {
    name: 'Шахматы безлимит',
    lessonsCount: null,
    validityDays: 30,
    priceKopecks: 900_000,
    courseIds: [chess.courseId],
    coversAllGroups: false,
  });
  const petyaDebts = [];
  for (const lesson of [chessPast1, chessPast2]) {
    petyaDebts.push(
      await markAndCharge(ctx, orgId, {
        lessonId: lesson.id,
        studentId: petya.id,
        groupId: chess.id,
        startsAt: lesson.startsAt,
      }),
    );
  }
  await deposit(ctx, orgId, petya.id, 300_000);

  return {
    organization: org,
    parent,
    headers,
    family,
    today,
    masha,
    petya,
    groups: { english, robotics, chess },
    lessons: { englishPast, englishNext, englishHoliday, chessPast1, chessPast2, chessNext },
    types: { shortType, chessType, expensiveType },
    mashaSub,
    mashaVisit,
    mashaFee,
    petyaDebts,
  };
}

export type CabinetFamily = Awaited<ReturnType<typeof createCabinetFamily>>;

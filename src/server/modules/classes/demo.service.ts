import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { AppContext } from '../../infra/context.js';
import { findAccountIdByEmail } from '../access/index.js';
import { createSubscriptionType, recordPayment, sellSubscription } from '../billing/index.js';
import { localDay, startOfDay } from '../calendar/index.js';
import { findOrganizationById } from '../orgs/index.js';
import { lessons, studentAccounts, students, subscriptionTypes } from '../../schema.js';
import { markAttendance, type AttendanceActor } from './attendance.service.js';
import { demoId, first, seedDemoCentre } from './demo-centre.service.js';
import { createEnrollment } from './enrollments.service.js';
import { addFamilyMember, createFamily } from './families.service.js';
import { addDays } from './rule-occurrences.js';
import { linkStudentAccountByEmail } from './student-accounts.service.js';
import { createStudent } from './students.service.js';

/** The demo logins the classes demo belongs to (the documented ones, cli/demo.ts). */
export interface DemoClassesPeople {
  parent: { email: string };
  teacher: { email: string; displayName: string };
  admin: { email: string };
}

/** What the demo made, for the CLI to print. */
export interface DemoClassesSummary {
  children: { name: string; situation: string }[];
}

/** History starts four weeks back: the rules were "created" then and lessons were marked since. */
const HISTORY_DAYS = 28;
type Status = 'present' | 'absent_excused' | 'trial';

/**
 * The demo centre and the demo family, made through the real services so every figure is what
 * the rules produce: a branch with two rooms, two teachers (one is the demo teacher account),
 * two courses, per-lesson groups and a one-time-fee course on a weekly schedule started four
 * weeks ago, and the demo parent's two children:
 * - Миша: an active subscription, one ending (tomorrow, few lessons left), one paid 600 of 1 000 ₽;
 * - Маша: lessons in debt, 3 000 ₽ free on the balance without a subscription, a one-time course
 *   paid 5 000 of 10 000 ₽.
 * Past lessons are marked through the attendance service (charged with their explanations).
 * Every step finds what an earlier run made (names, client ids, idempotency keys), so running
 * the demo twice changes nothing.
 */
export async function seedDemoClasses(
  ctx: AppContext,
  organizationId: string,
  people: DemoClassesPeople,
  now = new Date(),
): Promise<DemoClassesSummary> {
  const organization = await findOrganizationById(ctx.db, organizationId);
  if (!organization) throw new Error('demo organization not found');
  const tz = organization.timezone;
  const today = localDay(now, tz);
  const day = (offset: number) => addDays(today, offset);
  const adminId = await findAccountIdByEmail(ctx, organizationId, people.admin.email);
  const teacherUserId = await findAccountIdByEmail(ctx, organizationId, people.teacher.email);
  const org = organizationId;
  const key = (label: string) => `classes-demo:${label}`;

  const centre = await seedDemoCentre(ctx, org, {
    timeZone: tz,
    since: day(-HISTORY_DAYS),
    teacher: { userId: teacherUserId, fullName: people.teacher.displayName },
    adminId,
  });
  const { a1, a2, club } = centre;

  const child = async (fullName: string, birthDate: string) => {
    const id =
      (await first(
        ctx.db
          .select({ id: students.id })
          .from(students)
          .where(
            and(
              eq(students.organizationId, org),
              eq(students.fullName, fullName),
              eq(students.birthDate, birthDate),
            ),
          ),
      )) ?? (await createStudent(ctx, org, { fullName, birthDate })).id;
    const [linked] = await ctx.db
      .select({ id: studentAccounts.studentId })
      .from(studentAccounts)
      .where(and(eq(studentAccounts.studentId, id), eq(studentAccounts.organizationId, org)));
    if (!linked)
      await linkStudentAccountByEmail(
        ctx,
        org,
        id,
        { email: people.parent.email, relation: 'parent' },
        adminId,
      );
    return id;
  };
  const misha = await child('Миша Иванов', '2017-03-14');
  const masha = await child('Маша Иванова', '2014-09-02');
  const [family] = await ctx.db
    .select({ mishaFamily: students.familyId })
    .from(students)
    .where(eq(students.id, misha));
  const [sister] = await ctx.db
    .select({ familyId: students.familyId })
    .from(students)
    .where(eq(students.id, masha));
  if (!family?.mishaFamily)
    await createFamily(ctx, org, { name: 'Ивановы', studentIds: [misha, masha] });
  else if (sister?.familyId !== family.mishaFamily)
    await addFamilyMember(ctx, org, family.mishaFamily, masha);

  const enrol = (label: string, studentId: string, groupId: string, startsOn: string) =>
    createEnrollment(ctx, org, { id: demoId(org, label), studentId, groupId, startsOn }, adminId);
  await enrol('misha-a1', misha, a1, day(-HISTORY_DAYS));
  await enrol('misha-club', misha, club, day(-7));
  await enrol('masha-a2', masha, a2, day(-10));
  const mashaCourse = await enrol('masha-robotics', masha, centre.robotics, day(-HISTORY_DAYS));

  const type = async (
    name: string,
    lessonsCount: number,
    priceKopecks: number,
    groupIds: string[],
  ) =>
    (await first(
      ctx.db
        .select({ id: subscriptionTypes.id })
        .from(subscriptionTypes)
        .where(and(eq(subscriptionTypes.organizationId, org), eq(subscriptionTypes.name, name))),
    )) ??
    (
      await createSubscriptionType(ctx.db, org, adminId, {
        name,
        lessonsCount,
        validityDays: 30,
        priceKopecks,
        coversAllGroups: false,
        groupIds,
      })
    ).id;
  const monthly = await type('8 занятий в месяц', 8, 800_000, [a1, a2]);
  const clubCard = await type('Разговорный клуб, 4 занятия', 4, 100_000, [club]);
  const sell = (label: string, typeId: string, beginsOn: string, amountKopecks: number) =>
    ctx.db.transaction((tx) =>
      sellSubscription(tx, {
        organizationId: org,
        studentId: misha,
        typeId,
        beginsOn,
        payment: { amountKopecks, method: 'cash' },
        actorId: adminId,
        idempotencyKey: key(label),
      }),
    );

  // Миша: the month that began four weeks ago (ends tomorrow), its lessons marked by the teacher.
  await sell('misha-ending', monthly, day(-HISTORY_DAYS), 800_000);
  const teacher: AttendanceActor = { id: teacherUserId, staffRole: 'teacher' };
  await markPast(ctx, org, teacher, a1, misha, startOfDay(day(-HISTORY_DAYS), tz), now, (n) =>
    n === 0 ? 'trial' : n === 3 ? 'absent_excused' : 'present',
  );
  // The club card paid 600 of 1 000 ₽, and next month's subscription bought today.
  await sell('misha-club', clubCard, day(-7), 60_000);
  await markPast(ctx, org, teacher, club, misha, startOfDay(day(-7), tz), now, () => 'present');
  await sell('misha-active', monthly, today, 800_000);

  // Маша: no subscription for A2 (its lessons go into debt), money put on the balance instead,
  // and half of the robotics course paid.
  await markPast(ctx, org, teacher, a2, masha, startOfDay(day(-10), tz), now, () => 'present');
  await markPast(
    ctx,
    org,
    { id: adminId, staffRole: 'admin' },
    centre.robotics,
    masha,
    startOfDay(day(-HISTORY_DAYS), tz),
    now,
    () => 'present',
  );
  await ctx.db.transaction((tx) =>
    recordPayment(tx, {
      organizationId: org,
      studentId: masha,
      amountKopecks: 800_000,
      method: 'card',
      comment: 'Внесено на баланс',
      actorId: adminId,
      idempotencyKey: key('masha-deposit'),
    }),
  );
  await ctx.db.transaction((tx) =>
    recordPayment(tx, {
      organizationId: org,
      studentId: masha,
      amountKopecks: 500_000,
      method: 'bank_transfer',
      target: { enrollmentId: mashaCourse.id },
      actorId: adminId,
      idempotencyKey: key('masha-course'),
    }),
  );

  return {
    children: [
      {
        name: 'Миша Иванов',
        situation: 'an active subscription, one ending tomorrow, a club card paid 600 of 1 000 ₽',
      },
      {
        name: 'Маша Иванова',
        situation:
          'lessons in debt, 3 000 ₽ on the balance without a subscription, a course paid 5 000 of 10 000 ₽',
      },
    ],
  };
}

/**
 * Marks one student in every held lesson of the group between `from` and `now`, in date order,
 * as a teacher would after each lesson; `statusOf(n)` gives the n-th lesson's mark. Marking
 * the same status again is a no-op, so a second run changes nothing.
 */
async function markPast(
  ctx: AppContext,
  organizationId: string,
  actor: AttendanceActor,
  groupId: string,
  studentId: string,
  from: Date,
  now: Date,
  statusOf: (n: number) => Status,
) {
  const held = await ctx.db
    .select({ id: lessons.id })
    .from(lessons)
    .where(
      and(
        eq(lessons.groupId, groupId),
        eq(lessons.status, 'scheduled'),
        gte(lessons.startsAt, from),
        lt(lessons.endsAt, now),
      ),
    )
    .orderBy(asc(lessons.startsAt));
  for (const [n, lesson] of held.entries()) {
    await markAttendance(ctx, {
      organizationId,
      lessonId: lesson.id,
      actor,
      marks: [{ studentId, status: statusOf(n) }],
      locale: 'ru',
    });
  }
}

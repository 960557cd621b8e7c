import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../infra/context.js';
import { branches, courses, groups, rooms, scheduleRules, teachers } from '../../schema.js';
import { startOfDay } from '../calendar/index.js';
import { saveBranch, saveCourse, saveRoom, saveTeacher } from './catalog.service.js';
import { saveGroup } from './groups.service.js';
import { saveRule } from './schedule.service.js';

/** The groups of the demo centre. */
export interface DemoCentre {
  /** Per-lesson English groups (held on holidays too): A1 on Mon and Wed, A2 on Tue and Thu. */
  a1: string;
  a2: string;
  /** A per-lesson conversation club on Friday. */
  club: string;
  /** A one-time-fee robotics course (10 000 ₽) on Saturday, taught by a teacher without an account. */
  robotics: string;
}

/** The id of the first row a lookup found, if any. */
export async function first(rows: Promise<{ id: string }[]>): Promise<string | undefined> {
  return (await rows)[0]?.id;
}

/**
 * A stable uuid per organization and label (md5 with the version-4 and variant digits), so rows
 * created with a client id (enrolments) are made once however often the demo runs.
 */
export function demoId(organizationId: string, label: string): string {
  const hex = createHash('md5').update(`classes-demo:${organizationId}:${label}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * The demo centre through the catalog, group and schedule services: a branch with two rooms,
 * the demo teacher (linked to the teacher account) and one more, two courses and four groups
 * whose weekly rules were made `since` (a local date) and materialized from then, so the groups
 * have past lessons to mark. Everything is found by name first, so a second run adds nothing.
 */
export async function seedDemoCentre(
  ctx: AppContext,
  organizationId: string,
  options: {
    timeZone: string;
    since: string;
    teacher: { userId: string; fullName: string };
    adminId: string;
  },
): Promise<DemoCentre> {
  const org = organizationId;
  const branchId =
    (await first(
      ctx.db
        .select({ id: branches.id })
        .from(branches)
        .where(and(eq(branches.organizationId, org), eq(branches.name, 'Филиал на Лесной'))),
    )) ??
    (await saveBranch(ctx, org, null, { name: 'Филиал на Лесной', address: 'ул. Лесная, 12' })).id;
  const room = async (name: string) =>
    (await first(
      ctx.db
        .select({ id: rooms.id })
        .from(rooms)
        .where(and(eq(rooms.branchId, branchId), eq(rooms.name, name))),
    )) ?? (await saveRoom(ctx, org, null, { branchId, name, capacity: 12 })).id;
  const teacher = async (fullName: string, userId: string | null) =>
    (await first(
      ctx.db
        .select({ id: teachers.id })
        .from(teachers)
        .where(
          userId
            ? eq(teachers.userId, userId)
            : and(eq(teachers.organizationId, org), eq(teachers.fullName, fullName)),
        ),
    )) ?? (await saveTeacher(ctx, org, null, { fullName, userId })).id;
  const course = async (name: string) =>
    (await first(
      ctx.db
        .select({ id: courses.id })
        .from(courses)
        .where(and(eq(courses.organizationId, org), eq(courses.name, name))),
    )) ?? (await saveCourse(ctx, org, null, { name })).id;

  const group = async (
    name: string,
    fields: Omit<Parameters<typeof saveGroup>[3], 'name'>,
    weekdays: number[],
    startTime: string,
  ) => {
    const id =
      (await first(
        ctx.db
          .select({ id: groups.id })
          .from(groups)
          .where(and(eq(groups.organizationId, org), eq(groups.name, name))),
      )) ?? (await saveGroup(ctx, org, null, { name, ...fields }, options.timeZone)).id;
    const rules = await ctx.db
      .select({ id: scheduleRules.id })
      .from(scheduleRules)
      .where(eq(scheduleRules.groupId, id));
    if (rules.length === 0) {
      // Saved "at" `since`: the rule materializes its lessons from then, as the job would have.
      for (const weekday of weekdays) {
        await saveRule(
          ctx,
          org,
          id,
          null,
          { weekday, startTime, durationMinutes: 60, validFrom: options.since },
          options.adminId,
          startOfDay(options.since, options.timeZone),
        );
      }
    }
    return id;
  };

  const roomA = await room('Кабинет 1');
  const roomB = await room('Кабинет 2 (робототехника)');
  const teacherId = await teacher(options.teacher.fullName, options.teacher.userId);
  const otherTeacherId = await teacher('Ольга Николаевна Белова', null);
  const english = await course('Английский язык');
  const robotics = await course('Робототехника');
  // The paid groups run on public holidays too, so the demo's money situations (lessons charged,
  // lessons in debt) are the same whatever the date; the robotics course skips holidays and
  // shows them as cancelled lessons.
  const englishGroup = (lessonPriceKopecks: number, capacity: number) => ({
    courseId: english,
    branchId,
    roomId: roomA,
    teacherId,
    lessonPriceKopecks,
    capacity,
    skipHolidays: false,
  });
  return {
    a1: await group('Английский, группа A1 (7–9 лет)', englishGroup(100_000, 10), [1, 3], '17:00'),
    a2: await group(
      'Английский, группа A2 (10–12 лет)',
      englishGroup(100_000, 10),
      [2, 4],
      '17:30',
    ),
    club: await group('Разговорный клуб', englishGroup(30_000, 12), [5], '18:00'),
    robotics: await group(
      'Робототехника: весенний курс',
      {
        courseId: robotics,
        branchId,
        roomId: roomB,
        teacherId: otherTeacherId,
        paymentMode: 'one_time_fee',
        feeKopecks: 1_000_000,
        capacity: 8,
      },
      [6],
      '11:00',
    ),
  };
}

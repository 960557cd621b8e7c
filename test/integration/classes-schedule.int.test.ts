import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../src/shared/contracts/classes.js';
import type { ScheduleRuleInput } from '../../src/shared/contracts/classes.js';
import { materializeAllLessons } from '../../src/server/modules/classes/schedule.jobs.js';
import { saveRule } from '../../src/server/modules/classes/schedule.service.js';
import { lessons } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { at, classesDesk } from './classes-support.js';

describe('classes schedule: weekly rules materialized into lessons', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function setUp(options: { timeZone?: string; skipHolidays?: boolean } = {}) {
    const desk = await classesDesk(t.app, t.ctx, { timeZone: options.timeZone });
    const course = await desk.api.post<{ id: string }>('/api/staff/classes/courses', {
      name: 'Рисование',
    });
    const group = await desk.api.post<Group>('/api/staff/classes/groups', {
      courseId: course.body.id,
      name: 'Рисование 7+',
      skipHolidays: options.skipHolidays ?? true,
    });
    expect(group.status).toBe(201);
    const addRule = (input: ScheduleRuleInput, now: Date) =>
      saveRule(t.ctx, desk.organization.id, group.body.id, null, input, desk.userId, now);
    return { ...desk, group: group.body, addRule };
  }

  async function lessonRows(groupId: string) {
    return t.ctx.db
      .select()
      .from(lessons)
      .where(eq(lessons.groupId, groupId))
      .orderBy(lessons.originalStartsAt);
  }

  it('cancels a lesson on 4 November (a public holiday on a Wednesday) with its name', async () => {
    const { group, addRule } = await setUp();
    await addRule(
      { weekday: 3, startTime: '18:00', durationMinutes: 60, validFrom: '2026-10-01' },
      new Date('2026-10-20T00:00:00Z'),
    );
    const rows = await lessonRows(group.id);
    expect(rows).toHaveLength(10);
    const byDay = (iso: string) => rows.find((row) => row.startsAt.toISOString() === iso);
    // Moscow is UTC+3: 18:00 local is 15:00 UTC.
    expect(byDay('2026-10-21T15:00:00.000Z')).toMatchObject({ status: 'scheduled' });
    expect(byDay('2026-11-04T15:00:00.000Z')).toMatchObject({
      status: 'cancelled',
      cancelReason: 'holiday',
      cancelNote: 'День народного единства',
    });
    expect(byDay('2026-11-11T15:00:00.000Z')).toMatchObject({ status: 'scheduled' });
  });

  it('treats New Year holidays and transferred days off as holidays, ordinary weekends not', async () => {
    const { group, addRule } = await setUp();
    const now = new Date('2026-12-20T00:00:00Z');
    await addRule(
      { weekday: 4, startTime: '10:00', durationMinutes: 45, validFrom: '2026-12-01' },
      now,
    );
    await addRule(
      { weekday: 6, startTime: '12:00', durationMinutes: 45, validFrom: '2026-12-01' },
      now,
    );
    const rows = await lessonRows(group.id);
    const on = (day: string) =>
      rows
        .filter((row) => row.startsAt.toISOString().startsWith(day))
        .map((row) => [row.status, row.cancelNote]);
    expect(on('2026-12-24')).toEqual([['scheduled', null]]);
    expect(on('2026-12-26')).toEqual([['scheduled', null]]); // an ordinary Saturday
    expect(on('2026-12-31')).toEqual([['cancelled', 'Нерабочий день']]); // transferred day off
    expect(on('2027-01-02')).toEqual([['cancelled', 'Новогодние каникулы']]); // a Saturday, named
    expect(on('2027-01-07')).toEqual([['cancelled', 'Рождество Христово']]);
    expect(on('2027-01-09')).toEqual([['scheduled', null]]);
    expect(on('2027-01-14')).toEqual([['scheduled', null]]);
  });

  it("follows the group's holiday setting both ways for future lessons", async () => {
    const { api, group, addRule } = await setUp({ skipHolidays: false });
    // Thursdays from now on: 31 December (a day off by transfer) lies inside the horizon.
    await addRule(
      { weekday: 4, startTime: '18:00', durationMinutes: 60, validFrom: '2026-11-01' },
      new Date(),
    );
    const newYearsEve = async () =>
      (await lessonRows(group.id)).find((row) =>
        row.startsAt.toISOString().startsWith('2026-12-31'),
      );
    expect(await newYearsEve()).toMatchObject({ status: 'scheduled', cancelReason: null });
    const fields = groupBody(group);
    await api.put(`/api/staff/classes/groups/${group.id}`, { ...fields, skipHolidays: true });
    expect(await newYearsEve()).toMatchObject({ status: 'cancelled', cancelReason: 'holiday' });
    await api.put(`/api/staff/classes/groups/${group.id}`, { ...fields, skipHolidays: false });
    expect(await newYearsEve()).toMatchObject({ status: 'scheduled', cancelReason: null });
  });

  it('keeps the local time across a daylight-saving change', async () => {
    const { group, addRule } = await setUp({ timeZone: 'Europe/Berlin' });
    await addRule(
      { weekday: 6, startTime: '10:00', durationMinutes: 60, validFrom: '2026-03-01' },
      new Date('2026-03-20T00:00:00Z'),
    );
    const starts = (await lessonRows(group.id))
      .slice(0, 3)
      .map((row) => row.startsAt.toISOString());
    // 29 March 2026: Berlin moves from UTC+1 to UTC+2.
    expect(starts).toEqual([
      '2026-03-21T09:00:00.000Z',
      '2026-03-28T09:00:00.000Z',
      '2026-04-04T08:00:00.000Z',
    ]);
    const first = at(await lessonRows(group.id), 0);
    expect(first.endsAt.getTime() - first.startsAt.getTime()).toBe(60 * 60_000);
  });

  it('materializes idempotently: the daily job twice (even at once) adds nothing twice', async () => {
    const { group, addRule } = await setUp();
    const now = new Date('2027-02-01T00:00:00Z');
    await addRule(
      { weekday: 1, startTime: '17:00', durationMinutes: 60, validFrom: '2027-02-01' },
      now,
    );
    const before = await lessonRows(group.id);
    expect(before).toHaveLength(10);
    const later = new Date('2027-02-15T00:00:00Z');
    const [a, b] = await Promise.all([
      materializeAllLessons(t.ctx, later),
      materializeAllLessons(t.ctx, later),
    ]);
    const after = await lessonRows(group.id);
    expect(after).toHaveLength(12);
    const createdForGroup = after.length - before.length;
    expect(createdForGroup).toBe(2);
    expect(a.created + b.created).toBeGreaterThanOrEqual(2);
    const again = await lessonRows(group.id);
    await materializeAllLessons(t.ctx, later);
    expect((await lessonRows(group.id)).map((row) => row.id)).toEqual(again.map((row) => row.id));
  });

  it('re-materializes a rule edit without touching past, moved or cancelled lessons', async () => {
    const { organization, group, addRule, userId } = await setUp();
    const start = new Date('2027-03-01T00:00:00Z');
    const rule = await addRule(
      { weekday: 2, startTime: '18:00', durationMinutes: 60, validFrom: '2027-03-01' },
      start,
    );
    const rows = await lessonRows(group.id);
    // Past by the time of the edit: 2 and 9 March. Moved: 23 March. Cancelled: 30 March.
    const moved = at(rows, 3);
    const cancelled = at(rows, 4);
    await t.ctx.db
      .update(lessons)
      .set({ startsAt: new Date('2027-03-24T15:00:00Z'), endsAt: new Date('2027-03-24T16:00:00Z') })
      .where(eq(lessons.id, moved.id));
    await t.ctx.db
      .update(lessons)
      .set({ status: 'cancelled', cancelReason: 'staff' })
      .where(eq(lessons.id, cancelled.id));
    const edit = new Date('2027-03-15T00:00:00Z');
    await saveRule(
      t.ctx,
      organization.id,
      group.id,
      rule.id,
      { weekday: 2, startTime: '17:30', durationMinutes: 90, validFrom: '2027-03-01' },
      userId,
      edit,
    );
    const after = await lessonRows(group.id);
    const local = (row: (typeof after)[number]) => row.startsAt.toISOString().slice(0, 16);
    expect(after.filter((row) => row.startsAt < edit).map(local)).toEqual([
      '2027-03-02T15:00',
      '2027-03-09T15:00',
    ]);
    expect(after.find((row) => row.id === moved.id)?.startsAt.toISOString()).toBe(
      '2027-03-24T15:00:00.000Z',
    );
    expect(after.find((row) => row.id === cancelled.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'staff',
    });
    const future = after.filter(
      (row) => row.startsAt >= edit && row.id !== moved.id && row.id !== cancelled.id,
    );
    expect(future.length).toBeGreaterThan(5);
    for (const row of future) {
      expect(row.startsAt.toISOString().slice(11, 16)).toBe('14:30');
      expect(row.endsAt.getTime() - row.startsAt.getTime()).toBe(90 * 60_000);
    }
    // The lesson of 16 March at the old time is gone, not left beside the new one.
    const sixteenth = after.filter((row) => row.startsAt.toISOString().startsWith('2027-03-16'));
    expect(sixteenth.map(local)).toEqual(['2027-03-16T14:30']);
    const sameRule = await t.ctx.db
      .select()
      .from(lessons)
      .where(and(eq(lessons.ruleId, rule.id), eq(lessons.status, 'scheduled')));
    expect(sameRule.length).toBe(after.filter((row) => row.status === 'scheduled').length);
  });
});

/** The group's fields as the PUT body wants them. */
function groupBody(group: Group) {
  return {
    courseId: group.courseId,
    name: group.name,
    teacherId: group.teacherId,
    paymentMode: group.paymentMode,
    lessonPriceKopecks: group.lessonPriceKopecks,
    feeKopecks: group.feeKopecks,
    lessonMinutes: group.lessonMinutes,
    chargeUnexcusedAbsence: group.chargeUnexcusedAbsence,
    excusedAbsenceChargePercent: group.excusedAbsenceChargePercent,
    skipHolidays: group.skipHolidays,
  };
}

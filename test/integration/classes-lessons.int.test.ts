import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClassesSettings,
  Group,
  Lesson,
  LessonListResponse,
  ScheduleRule,
} from '../../src/shared/contracts/classes.js';
import { chargeVisits } from '../../src/server/modules/billing/index.js';
import { students } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertSubscription } from '../helpers/classes-factories.js';
import { createUser, signInAs } from '../helpers/factories.js';
import { createChargingWorld } from './charging-world.js';
import { at, classesDesk, staffApi } from './classes-support.js';

type ErrorBody = { error: { code: string } };

/** A local day `days` after today in Moscow (the lessons API works on the real clock). */
function moscowDay(days: number) {
  const now = new Date(Date.now() + 3 * 3600_000 + days * 86_400_000);
  return now.toISOString().slice(0, 10);
}

describe('classes lessons: listing, cancel, restore, move, extra; settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function groupWithRule() {
    const desk = await classesDesk(t.app, t.ctx);
    const course = await desk.api.post<{ id: string }>('/api/staff/classes/courses', {
      name: 'Шахматы',
    });
    const group = await desk.api.post<Group>('/api/staff/classes/groups', {
      courseId: course.body.id,
      name: 'Шахматы, начальный',
      skipHolidays: false,
    });
    const rule = await desk.api.post<ScheduleRule>(
      `/api/staff/classes/groups/${group.body.id}/rules`,
      { weekday: 2, startTime: '16:00', durationMinutes: 45, validFrom: moscowDay(0) },
    );
    expect(rule.status).toBe(201);
    const list = await desk.api.get<LessonListResponse>(
      `/api/staff/classes/lessons?from=${moscowDay(0)}&to=${moscowDay(20)}&groupId=${group.body.id}`,
    );
    return { ...desk, group: group.body, rule: rule.body, lessons: list.body };
  }

  it("lists a rule's lessons in the organization time zone", async () => {
    const { lessons } = await groupWithRule();
    expect(lessons.timeZone).toBe('Europe/Moscow');
    expect(lessons.lessons.length).toBeGreaterThanOrEqual(2);
    for (const lesson of lessons.lessons) {
      expect(lesson.startsAt.slice(11, 16)).toBe('13:00'); // 16:00 in Moscow
      expect(lesson).toMatchObject({ kind: 'regular', status: 'scheduled', moved: false });
    }
  });

  it('cancels a lesson with a note and restores it', async () => {
    const { api, lessons } = await groupWithRule();
    const lesson = at(lessons.lessons, 0);
    const cancelled = await api.post<Lesson>(`/api/staff/classes/lessons/${lesson.id}/cancel`, {
      note: 'Преподаватель заболел',
    });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'staff',
      cancelNote: 'Преподаватель заболел',
    });
    const restored = await api.post<Lesson>(`/api/staff/classes/lessons/${lesson.id}/restore`);
    expect(restored.body).toMatchObject({ status: 'scheduled', cancelReason: null });
    const again = await api.post<ErrorBody>(`/api/staff/classes/lessons/${lesson.id}/restore`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('lesson_state_invalid');
  });

  it('moves a lesson and keeps where the rule had put it; editing the rule leaves it moved', async () => {
    const { api, group, rule, lessons } = await groupWithRule();
    const lesson = at(lessons.lessons, 1);
    const moved = await api.post<Lesson>(`/api/staff/classes/lessons/${lesson.id}/move`, {
      day: moscowDay(17),
      startTime: '11:30',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ moved: true, originalStartsAt: lesson.originalStartsAt });
    expect(moved.body.startsAt.slice(11, 16)).toBe('08:30');
    expect(Date.parse(moved.body.endsAt) - Date.parse(moved.body.startsAt)).toBe(45 * 60_000);
    await api.put(`/api/staff/classes/groups/${group.id}/rules/${rule.id}`, {
      weekday: 2,
      startTime: '17:00',
      durationMinutes: 45,
      validFrom: rule.validFrom,
    });
    const list = await api.get<LessonListResponse>(
      `/api/staff/classes/lessons?from=${moscowDay(0)}&to=${moscowDay(20)}&groupId=${group.id}`,
    );
    expect(list.body.lessons.find((l) => l.id === lesson.id)?.startsAt).toBe(moved.body.startsAt);
  });

  it('adds an extra lesson once, even when the request is retried', async () => {
    const { api, group } = await groupWithRule();
    const id = randomUUID();
    const body = { id, day: moscowDay(3), startTime: '12:00', topic: 'Турнир' };
    const first = await api.post<Lesson>(`/api/staff/classes/groups/${group.id}/lessons`, body);
    const second = await api.post<Lesson>(`/api/staff/classes/groups/${group.id}/lessons`, body);
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body).toMatchObject({ kind: 'extra', topic: 'Турнир', ruleId: null });
    expect(Date.parse(first.body.endsAt) - Date.parse(first.body.startsAt)).toBe(60 * 60_000);
  });

  it('lets a teacher read the schedule but not cancel', async () => {
    const { organization, lessons } = await groupWithRule();
    const teacher = await createUser(t.ctx, organization, { role: 'teacher' });
    const api = staffApi(t.app, await signInAs(t.app, organization, teacher.email));
    const read = await api.get(
      `/api/staff/classes/lessons?from=${moscowDay(0)}&to=${moscowDay(6)}`,
    );
    expect(read.status).toBe(200);
    const cancel = await api.post(`/api/staff/classes/lessons/${at(lessons.lessons, 0).id}/cancel`);
    expect(cancel.status).toBe(403);
  });

  it('refuses a lesson range over 62 days', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const response = await api.get<ErrorBody>(
      '/api/staff/classes/lessons?from=2026-01-01&to=2026-06-01',
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
  });

  it('reverses the charge of a visit when its lesson is cancelled, and charges again on restore', async () => {
    const w = await createChargingWorld(t.ctx);
    const manager = await createUser(t.ctx, w.organization, { role: 'manager' });
    const api = staffApi(t.app, await signInAs(t.app, w.organization, manager.email));
    const { student } = await w.addStudent();
    await insertSubscription(t.ctx, w.organizationId, {
      studentId: student.id,
      number: 1,
      beginsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    const lesson = await w.addLesson('2026-02-03T18:00');
    const visit = await w.addVisit(lesson.id, student.id, 'present');
    await t.ctx.db.transaction((tx) =>
      chargeVisits(tx, { organizationId: w.organizationId, visitIds: [visit.id], actorId: null }),
    );
    const balance = async () =>
      at(await t.ctx.db.select().from(students).where(eq(students.id, student.id)), 0)
        .balanceKopecks;
    expect(await balance()).toBe(-100_000);
    await api.post(`/api/staff/classes/lessons/${lesson.id}/cancel`, {});
    expect(await balance()).toBe(0);
    expect((await w.liveCharge(visit.id))?.outcome).toBe('not_chargeable');
    await api.post(`/api/staff/classes/lessons/${lesson.id}/restore`);
    expect(await balance()).toBe(-100_000);
  });

  it('reads and saves the cabinet thresholds (admins only)', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const defaults = await api.get<ClassesSettings>('/api/staff/classes/settings');
    expect(defaults.body).toEqual({
      endingLessonsLeft: 2,
      endingDaysLeft: 7,
      settleDebtsOnSale: true,
    });
    const saved = await api.put<ClassesSettings>('/api/staff/classes/settings', {
      endingLessonsLeft: 3,
      endingDaysLeft: 10,
      settleDebtsOnSale: false,
    });
    expect(saved.body).toEqual({
      endingLessonsLeft: 3,
      endingDaysLeft: 10,
      settleDebtsOnSale: false,
    });
    const manager = await classesDesk(t.app, t.ctx, { role: 'manager' });
    const refused = await manager.api.put('/api/staff/classes/settings', saved.body);
    expect(refused.status).toBe(403);
  });
});

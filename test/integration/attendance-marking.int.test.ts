import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AttendanceDayResponse,
  MarkAttendanceResponse,
  RosterResponse,
} from '../../src/shared/contracts/attendance.js';
import { charges, lessons, securityAudit, teachers } from '../../src/server/schema.js';
import { insertStudent, insertSubscription } from '../helpers/classes-factories.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createUser, signInAs } from '../helpers/factories.js';
import { createChargingWorld, defined, moneySnapshot } from './charging-world.js';

type Headers = { host: string; cookie: string };

describe('attendance marking', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A centre with a group of three students, two with a subscription, and a lesson on 3 Feb. */
  async function setup() {
    const w = await createChargingWorld(t.ctx);
    const admin = await createUser(t.ctx, w.organization, { role: 'admin' });
    const anna = await w.addStudent({ fullName: 'Анна Белова' });
    const boris = await w.addStudent({ fullName: 'Борис Волков' });
    const vera = await w.addStudent({ fullName: 'Вера Гусева' });
    for (const [i, s] of [anna, boris].entries()) {
      await insertSubscription(t.ctx, w.organizationId, {
        studentId: s.student.id,
        number: 12 + i,
        beginsOn: '2026-01-01',
        endsOn: '2026-12-31',
        lessonsTotal: 8,
        priceKopecks: 800_000,
      });
    }
    const lesson = await w.addLesson('2026-02-03T18:00');
    return {
      w,
      lesson,
      students: { anna: anna.student, boris: boris.student, vera: vera.student },
      headers: await signInAs(t.app, w.organization, admin.email),
    };
  }

  const put = (headers: Headers, lessonId: string, marks: unknown[]) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/staff/attendance/lessons/${lessonId}`,
      headers,
      payload: { marks },
    });

  it("lists the day's lessons in the organization's time zone with counts", async () => {
    const { w, headers } = await setup();
    await w.addLesson('2026-02-04T00:30'); // another Moscow day: not on 3 Feb
    const response = await t.app.inject({
      url: '/api/staff/attendance/lessons?date=2026-02-03',
      headers,
    });
    expect(response.statusCode).toBe(200);
    const day = response.json<AttendanceDayResponse>();
    expect(day.timeZone).toBe('Europe/Moscow');
    expect(day.lessons).toHaveLength(1);
    expect(day.lessons[0]).toMatchObject({
      groupName: 'Группа 1',
      startTime: '18:00',
      endTime: '19:00',
      date: '2026-02-03',
      markedCount: 0,
      enrolledCount: 3,
    });
    const bad = await t.app.inject({ url: '/api/staff/attendance/lessons?date=3.2.2026', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it('marks a group in one request, explains each charge, and repeats as a no-op', async () => {
    const { w, lesson, students, headers } = await setup();
    const marks = [
      { studentId: students.anna.id, status: 'present' },
      { studentId: students.boris.id, status: 'absent_unexcused' },
      { studentId: students.vera.id, status: 'present' },
    ];
    const first = await put(headers, lesson.id, marks);
    expect(first.statusCode).toBe(200);
    const body = first.json<MarkAttendanceResponse>();
    expect(body).toMatchObject({ changed: 3, recharged: 3 });
    const byName = Object.fromEntries(body.students.map((s) => [s.fullName, s]));
    expect(byName['Анна Белова']?.charge).toMatchObject({
      outcome: 'subscription',
      amountKopecks: 100_000,
      explanation: 'Списано с абонемента №12 (8\u00a0занятий, до 31.12) — другого подходящего нет',
    });
    expect(byName['Борис Волков']?.charge?.explanation).toBe(
      'Пропуск без уважительной причины: списано с абонемента №13 (8\u00a0занятий, до 31.12) — другого подходящего нет',
    );
    expect(byName['Вера Гусева']?.charge).toMatchObject({
      outcome: 'debt',
      explanation: 'Нет подходящего абонемента: занятие в долг',
    });
    expect(byName['Анна Белова']?.markedByName).toBe('Тестовый пользователь');

    const again = await put(headers, lesson.id, marks);
    expect(again.json<MarkAttendanceResponse>()).toMatchObject({ changed: 0, recharged: 0 });
    const audits = await t.ctx.db
      .select()
      .from(securityAudit)
      .where(
        and(
          eq(securityAudit.organizationId, w.organizationId),
          eq(securityAudit.action, 'attendance.marked'),
        ),
      );
    expect(audits).toHaveLength(1);

    // Re-marking Anna as absent with a good reason (the group charges 0 %) undoes her charge.
    const remark = await put(headers, lesson.id, [
      { studentId: students.anna.id, status: 'absent_excused', note: 'Болеет' },
    ]);
    const remarked = remark.json<MarkAttendanceResponse>();
    expect(remarked).toMatchObject({ changed: 1, recharged: 1 });
    const anna = defined(remarked.students.find((s) => s.studentId === students.anna.id));
    expect(anna).toMatchObject({ status: 'absent_excused', note: 'Болеет' });
    expect(anna.charge?.explanation).toBe('Пропуск по уважительной причине не списывается');
    const snapshot = await moneySnapshot(t.ctx, w.organizationId);
    for (const s of snapshot.students) expect(s.balance).toBe(s.entries);
    for (const s of snapshot.subscriptions) {
      expect([s.used, s.charged]).toEqual([s.liveUsed, s.liveCharged]);
    }
    expect(snapshot.students.find((s) => s.id === students.anna.id)?.balance).toBe(0);
    const live = await t.ctx.db
      .select()
      .from(charges)
      .where(and(eq(charges.organizationId, w.organizationId), isNull(charges.supersededAt)));
    expect(live).toHaveLength(3);
  });

  it('refuses to mark a cancelled lesson with a stable code', async () => {
    const { lesson, students, headers } = await setup();
    await t.ctx.db
      .update(lessons)
      .set({ status: 'cancelled', cancelReason: 'staff' })
      .where(eq(lessons.id, lesson.id));
    const response = await put(headers, lesson.id, [
      { studentId: students.anna.id, status: 'present' },
    ]);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ error: { code: string } }>().error.code).toBe(
      'attendance_lesson_cancelled',
    );
  });

  it('validates marks: each student once, known students, make-ups of missed lessons', async () => {
    const { w, lesson, students, headers } = await setup();
    const twice = await put(headers, lesson.id, [
      { studentId: students.anna.id, status: 'present' },
      { studentId: students.anna.id, status: 'trial' },
    ]);
    expect(twice.statusCode).toBe(400);
    const stranger = await insertStudent(t.ctx, (await setup()).w.organizationId);
    const foreign = await put(headers, lesson.id, [{ studentId: stranger.id, status: 'present' }]);
    expect(foreign.json<{ error: { code: string } }>().error.code).toBe(
      'attendance_student_invalid',
    );
    const earlier = await w.addLesson('2026-01-27T18:00');
    await put(headers, earlier.id, [{ studentId: students.vera.id, status: 'present' }]);
    const veraVisit = (
      await t.app.inject({ url: `/api/staff/attendance/lessons/${earlier.id}`, headers })
    )
      .json<RosterResponse>()
      .students.find((s) => s.studentId === students.vera.id)?.visitId;
    if (!veraVisit) throw new Error('Вера was marked on the earlier lesson');
    const notMissed = await put(headers, lesson.id, [
      { studentId: students.vera.id, status: 'makeup', makeupForVisitId: veraVisit },
    ]);
    expect(notMissed.json<{ error: { code: string } }>().error.code).toBe('makeup_visit_invalid');
    await put(headers, earlier.id, [{ studentId: students.vera.id, status: 'absent_excused' }]);
    const roster = (
      await t.app.inject({ url: `/api/staff/attendance/lessons/${lesson.id}`, headers })
    ).json<RosterResponse>();
    const missed = roster.students.find((s) => s.studentId === students.vera.id)?.missedVisits;
    expect(missed?.map(({ visitId, groupName }) => ({ visitId, groupName }))).toEqual([
      { visitId: veraVisit, groupName: 'Группа 1' },
    ]);
    const makeup = await put(headers, lesson.id, [
      { studentId: students.vera.id, status: 'makeup', makeupForVisitId: veraVisit },
    ]);
    expect(makeup.statusCode).toBe(200);
    expect(
      makeup.json<MarkAttendanceResponse>().students.find((s) => s.studentId === students.vera.id),
    ).toMatchObject({ status: 'makeup', makeupForVisitId: veraVisit });
  });

  it("lets a teacher mark only their groups' lessons; others answer 404", async () => {
    const { w, lesson, students } = await setup();
    const teacherUser = await createUser(t.ctx, w.organization, { role: 'teacher' });
    const [teacher] = await t.ctx.db
      .insert(teachers)
      .values({
        organizationId: w.organizationId,
        fullName: 'Ольга Учителева',
        userId: teacherUser.id,
      })
      .returning();
    const teacherHeaders = await signInAs(t.app, w.organization, teacherUser.email);
    const hidden = await t.app.inject({
      url: `/api/staff/attendance/lessons/${lesson.id}`,
      headers: teacherHeaders,
    });
    expect(hidden.statusCode).toBe(404);
    const day = await t.app.inject({
      url: '/api/staff/attendance/lessons?date=2026-02-03',
      headers: teacherHeaders,
    });
    expect(day.json<AttendanceDayResponse>().lessons).toEqual([]);
    expect(
      (await put(teacherHeaders, lesson.id, [{ studentId: students.anna.id, status: 'present' }]))
        .statusCode,
    ).toBe(404);

    // The lesson's own teacher is enough, even when the group has another one.
    await t.ctx.db
      .update(lessons)
      .set({ teacherId: defined(teacher).id })
      .where(eq(lessons.id, lesson.id));
    const marked = await put(teacherHeaders, lesson.id, [
      { studentId: students.anna.id, status: 'present' },
    ]);
    expect(marked.statusCode).toBe(200);
    const roster = marked.json<MarkAttendanceResponse>();
    expect(roster.lesson.teacherName).toBe('Ольга Учителева');

    const agent = await createUser(t.ctx, w.organization, { role: 'support_agent' });
    const agentHeaders = await signInAs(t.app, w.organization, agent.email);
    const forbidden = await t.app.inject({
      url: '/api/staff/attendance/lessons?date=2026-02-03',
      headers: agentHeaders,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateAccount,
  closeConsole,
  openAccessByCli,
  openConsole,
  openJourney,
  seen,
  signIn,
  type Console,
  type Journey,
} from './harness.js';
import { api } from './helpdesk-harness.js';

// The whole loop of a lesson: a teacher marks it on a phone, the parent opens the cabinet on
// theirs and reads which subscription paid for the visit and why.
const TEACHER = { email: 'marina@club.example', password: 'урок начинается вовремя' };
const PARENT = { email: 'irina@family.example', password: 'мама смотрит расписание' };
const CHILD = 'Алиса Смирнова';
const PHONE = { width: 360, height: 740 };

const moscowToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());

type Id = { id: string };

/** No sideways scrolling: everything fits the phone's width. */
async function fitsScreen(journey: Journey) {
  const overflow = Number(
    await journey.page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('a teacher marks a lesson and the parent sees the visit charged, with why', () => {
  let c: Console;
  const opened: Journey[] = [];

  beforeAll(async () => {
    c = await openConsole();
    const { staff, server } = c;
    await server.cli(
      'admin',
      'create',
      '--email',
      TEACHER.email,
      '--name',
      'Марина Викторовна',
      '--role',
      'teacher',
      '--password',
      TEACHER.password,
    );
    const parent = await openJourney(c.browser, server.baseUrl);
    opened.push(parent);
    await activateAccount(
      parent,
      await openAccessByCli(server, PARENT.email, 'Ирина Смирнова'),
      PARENT.password,
    );

    const post = <T>(path: string, body: unknown) => api<T>(staff, 'POST', path, body);
    const found = await api<{ accounts: Id[] }>(
      staff,
      'GET',
      `/api/staff/accounts?query=${encodeURIComponent(TEACHER.email)}`,
    );
    const teacher = await post<Id>('/api/staff/classes/teachers', {
      fullName: 'Марина Викторовна',
      userId: found.accounts[0]?.id,
    });
    const course = await post<Id>('/api/staff/classes/courses', { name: 'Рисование' });
    const group = await post<Id>('/api/staff/classes/groups', {
      courseId: course.id,
      name: 'Рисование, младшая группа',
      teacherId: teacher.id,
      lessonPriceKopecks: 90_000,
    });
    const child = await post<Id>('/api/staff/classes/students', { fullName: CHILD });
    await post(`/api/staff/classes/students/${child.id}/accounts`, { email: PARENT.email });
    const today = moscowToday();
    await post('/api/staff/classes/enrollments', {
      studentId: child.id,
      groupId: group.id,
      startsOn: today,
    });
    const type = await post<Id>('/api/staff/billing/subscription-types', {
      name: '8 занятий',
      lessonsCount: 8,
      validityDays: 30,
      priceKopecks: 640_000,
      coversAllGroups: false,
      groupIds: [group.id],
    });
    await post('/api/staff/billing/subscriptions', {
      studentId: child.id,
      typeId: type.id,
      beginsOn: today,
      payment: { kind: 'money', amountKopecks: 640_000, method: 'cash' },
      idempotencyKey: randomUUID(),
    });
    await post(`/api/staff/classes/groups/${group.id}/lessons`, {
      day: today,
      startTime: '10:00',
      durationMinutes: 60,
    });
  });

  afterAll(async () => {
    for (const journey of opened) await journey.close();
    await closeConsole(c);
  });

  it('charges the marked visit to the subscription and explains it in the cabinet', async () => {
    const teacher = await openJourney(c.browser, c.server.baseUrl, { viewport: PHONE });
    opened.push(teacher);
    await signIn(teacher, TEACHER, '/console/attendance');
    await teacher.page
      .getByRole('button', { name: /Отметить: Рисование, младшая группа, 10:00–11:00/ })
      .click();
    await teacher.page.getByRole('button', { name: `${CHILD}: был` }).click();
    await teacher.page.getByRole('button', { name: 'Сохранить 1 отметку' }).click();
    await seen(teacher.page.getByRole('status').filter({ hasText: 'Сохранено: 1 отметка' }));
    await fitsScreen(teacher);
    expect(teacher.errors).toEqual([]);

    const parent = await openJourney(c.browser, c.server.baseUrl, { viewport: PHONE });
    opened.push(parent);
    await signIn(parent, PARENT, '/cabinet/visits');
    await seen(
      parent.page.getByText(
        /Списано с абонемента №1 \(8\u00a0занятий, до \d\d\.\d\d(\.\d{4})?\) — другого подходящего нет/,
      ),
    );
    await parent.page.goto('/cabinet/subscriptions');
    // One of eight lessons used: the subscription says how many are left.
    await seen(parent.page.getByText(/Осталось 7\s+занятий/).first());
    await fitsScreen(parent);
    expect(parent.errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeConsole,
  openConsole,
  openJourney,
  seen,
  signIn,
  type Console,
  type Journey,
} from './harness.js';

// A teacher marks a group on a phone: the structure and the sales are seeded through the staff
// API as the owner, the marking happens in the browser at 360×740, as a teacher would.
const TEACHER = { email: 'teacher@school.example', password: 'учитель отмечает детей' };

/** Today in Moscow (the organization's default time zone), `YYYY-MM-DD`. */
const moscowToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());

async function post<T>(journey: Journey, url: string, data: unknown): Promise<T> {
  const response = await journey.context.request.post(url, { data });
  if (!response.ok()) throw new Error(`POST ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('attendance: a teacher marks a group on a phone', () => {
  let c: Console;
  let teacher: Journey | undefined;
  const opened = () => {
    if (!teacher) throw new Error('the teacher journey did not open');
    return teacher;
  };
  const [alice, boris, vera] = ['Алиса Морозова', 'Борис Новиков', 'Вера Орлова'] as const;
  const names = [alice, boris, vera];

  beforeAll(async () => {
    c = await openConsole();
    const { staff, server } = c;
    await server.cli(
      'admin',
      'create',
      '--email',
      TEACHER.email,
      '--name',
      'Ольга Петровна',
      '--role',
      'teacher',
      '--password',
      TEACHER.password,
    );
    const accounts = await staff.context.request.get(
      `/api/staff/accounts?query=${encodeURIComponent(TEACHER.email)}`,
    );
    const [account] = ((await accounts.json()) as { accounts: { id: string }[] }).accounts;
    if (!account) throw new Error(`no account ${TEACHER.email}`);
    const course = await post<{ id: string }>(staff, '/api/staff/classes/courses', {
      name: 'Английский для детей',
    });
    const teacherRow = await post<{ id: string }>(staff, '/api/staff/classes/teachers', {
      fullName: 'Ольга Петровна',
      userId: account.id,
    });
    const group = await post<{ id: string }>(staff, '/api/staff/classes/groups', {
      courseId: course.id,
      name: 'Английский, группа А',
      teacherId: teacherRow.id,
      lessonPriceKopecks: 120_000,
      excusedAbsenceChargePercent: 0,
    });
    const today = moscowToday();
    const type = await post<{ id: string }>(staff, '/api/staff/billing/subscription-types', {
      name: '8 занятий',
      lessonsCount: 8,
      validityDays: 30,
      priceKopecks: 800_000,
      coversAllGroups: true,
    });
    for (const [i, fullName] of names.entries()) {
      const student = await post<{ id: string }>(staff, '/api/staff/classes/students', {
        fullName,
      });
      await post(staff, '/api/staff/classes/enrollments', {
        studentId: student.id,
        groupId: group.id,
        startsOn: today,
      });
      // Вера has no subscription: her lesson goes into debt.
      if (i < 2) {
        await post(staff, '/api/staff/billing/subscriptions', {
          studentId: student.id,
          typeId: type.id,
          beginsOn: today,
          payment: { kind: 'money', amountKopecks: 800_000, method: 'cash' },
          idempotencyKey: `e2e-sale-${student.id}`,
        });
      }
    }
    await post(staff, `/api/staff/classes/groups/${group.id}/lessons`, {
      day: today,
      startTime: '10:00',
      durationMinutes: 60,
    });
    teacher = await openJourney(c.browser, c.server.baseUrl, {
      viewport: { width: 360, height: 740 },
    });
    await signIn(teacher, TEACHER, '/console/attendance');
  });

  afterAll(async () => {
    await teacher?.close();
    await closeConsole(c);
  });

  it('marks the group with one tap each, saves once, and shows every charge explained', async () => {
    const { page, errors } = opened();
    await seen(page.getByRole('heading', { name: 'Посещаемость', level: 1 }));
    const card = page.getByRole('button', { name: /Отметить: Английский, группа А, 10:00–11:00/ });
    await seen(card);
    await seen(card.getByText('Отмечено 0 из 3'));
    await card.click();
    await seen(page.getByRole('heading', { name: 'Английский, группа А' }));

    for (const name of names) {
      await page.getByRole('button', { name: `${name}: был` }).click();
    }
    await expect
      .poll(() => page.getByRole('button', { name: `${alice}: был` }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.getByRole('button', { name: 'Сохранить 3 отметки' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'Сохранено: 3 отметки' }));

    const row = (name: string) => page.getByRole('listitem', { name });
    await seen(
      row(alice).getByText(
        /Списано с абонемента №1 \(8\u00a0занятий, до \d\d\.\d\d(\.\d{4})?\) — другого подходящего нет/,
      ),
    );
    await seen(row(boris).getByText(/Списано с абонемента №2/));
    await seen(row(vera).getByText('Нет подходящего абонемента: занятие в долг'));

    // The layout fits a 360 px screen: nothing scrolls sideways.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('re-marks a student as absent with a good reason and the explanation follows', async () => {
    const { page, errors } = opened();
    const aliceRow = page.getByRole('listitem', { name: alice });
    await aliceRow
      .getByRole('combobox', { name: `${alice}: другая отметка` })
      .selectOption('absent_excused');
    await aliceRow.getByRole('textbox', { name: `${alice}: комментарий` }).fill('Болеет');
    await page.getByRole('button', { name: 'Сохранить 1 отметку' }).click();
    await seen(page.getByRole('status').filter({ hasText: 'Сохранено: 1 отметка' }));
    await seen(aliceRow.getByText('Пропуск по уважительной причине не списывается'));
    await expect.poll(() => aliceRow.getByText(/Списано с абонемента/).count()).toBe(0);

    // Back on the day list, the lesson counts its marks.
    await page.getByRole('link', { name: '← Все занятия дня' }).click();
    await seen(page.getByText('Отмечено 3 из 3'));
    expect(errors).toEqual([]);
  });
});

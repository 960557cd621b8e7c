import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConsole, openConsole, seen, unseen, type Console, type Journey } from './harness.js';

// A student has two lessons in debt (seeded through the structure and attendance APIs as the
// owner); staff sell a subscription in the console and the debt is settled: the debts report
// no longer lists the student and the money history shows both lessons charged to it.

const STUDENT = 'Маша Иванова';

/** A local date in Moscow (the organization's default time zone), `days` from today. */
const moscowDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
    new Date(Date.now() + days * 86_400_000),
  );

async function send<T>(journey: Journey, method: 'post' | 'put', url: string, data: unknown) {
  const response = await journey.context.request[method](url, { data });
  if (!response.ok())
    throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('billing: a debt is settled by selling a subscription', () => {
  let c: Console;
  let studentId = '';

  beforeAll(async () => {
    c = await openConsole();
    const { staff } = c;
    const course = await send<{ id: string }>(staff, 'post', '/api/staff/classes/courses', {
      name: 'Английский для детей',
    });
    const group = await send<{ id: string }>(staff, 'post', '/api/staff/classes/groups', {
      courseId: course.id,
      name: 'Английский, группа Б',
      lessonPriceKopecks: 100_000,
    });
    const student = await send<{ id: string }>(staff, 'post', '/api/staff/classes/students', {
      fullName: STUDENT,
    });
    studentId = student.id;
    await send(staff, 'post', '/api/staff/classes/enrollments', {
      studentId,
      groupId: group.id,
      startsOn: moscowDay(-10),
    });
    for (const days of [-6, -3]) {
      const lesson = await send<{ id: string }>(
        staff,
        'post',
        `/api/staff/classes/groups/${group.id}/lessons`,
        { day: moscowDay(days), startTime: '17:00', durationMinutes: 60 },
      );
      await send(staff, 'put', `/api/staff/attendance/lessons/${lesson.id}`, {
        marks: [{ studentId, status: 'present' }],
      });
    }
    await send(staff, 'post', '/api/staff/billing/subscription-types', {
      name: '8 занятий',
      lessonsCount: 8,
      validityDays: 30,
      priceKopecks: 800_000,
      coversAllGroups: true,
    });
  });

  afterAll(async () => {
    await closeConsole(c);
  });

  it('lists the lessons in debt, sells with a discount and shows the debt settled', async () => {
    const { page } = c.staff;
    await page.goto('/console/debts');
    await seen(page.getByRole('heading', { name: 'Долги', level: 1 }));
    const debtRow = page.getByRole('row', { name: new RegExp(STUDENT) });
    await seen(debtRow.getByText('2 занятия'));
    await debtRow.getByRole('link', { name: STUDENT }).click();
    await page.waitForURL(`/console/students/${studentId}/money`);
    await seen(page.getByRole('heading', { name: `Деньги: ${STUDENT}` }));

    await page.getByRole('button', { name: 'Продать абонемент' }).click();
    const dialog = page.getByRole('dialog', { name: 'Продать абонемент' });
    await dialog.getByRole('combobox', { name: 'Вид абонемента' }).click();
    await page.getByRole('option', { name: /8 занятий/ }).click();
    await dialog.getByLabel('Начало').fill(moscowDay(-7));
    await dialog.getByText('Процентом').click();
    await dialog.getByRole('textbox', { name: 'Скидка, %' }).fill('10');
    await seen(dialog.getByText('К оплате: 7\u00a0200\u00a0₽ (без скидки 8\u00a0000\u00a0₽)'));
    await dialog.getByRole('textbox', { name: 'Сумма, ₽' }).fill('7 200');
    await dialog.getByRole('button', { name: 'Продать' }).click();
    await unseen(dialog);

    const history = page.getByRole('table', { name: 'История денег' });
    await expect.poll(() => history.getByText(/списано с абонемента №1/).count()).toBe(2);
    await seen(history.getByText('Оплата абонемента №1 «8 занятий»; способ: Наличные'));
    const subscriptions = page.getByRole('row', { name: /8 занятий/ });
    await seen(subscriptions.getByText('2 из 8'));
    await seen(subscriptions.getByText('Действует'));

    await page.goto('/console/debts');
    await seen(page.getByText('Долгов нет.'));
    expect(c.staff.errors).toEqual([]);
  });

  it('adds a type, lists the sale, takes a deposit and corrects the balance with a reason', async () => {
    const { page } = c.staff;
    await page.goto('/console/subscription-types');
    await page.getByRole('button', { name: 'Добавить вид' }).click();
    const form = page.getByRole('dialog', { name: 'Добавить вид' });
    await form.getByRole('textbox', { name: 'Название' }).fill('Безлимит на месяц');
    await form.getByRole('textbox', { name: 'Занятий' }).fill('');
    await form.getByRole('textbox', { name: 'Цена, ₽' }).fill('5 000');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await unseen(form);
    const row = page.getByRole('row', { name: /Безлимит на месяц/ });
    await seen(row.getByText('Безлимит', { exact: true }));
    await seen(row.getByText('5\u00a0000\u00a0₽'));

    await page.goto('/console/subscriptions');
    await seen(page.getByRole('row', { name: new RegExp(`1 ${STUDENT} 8 занятий`) }));
    await page.getByRole('link', { name: STUDENT }).click();

    await page.getByRole('button', { name: 'Принять оплату' }).click();
    const pay = page.getByRole('dialog', { name: 'Принять оплату' });
    await pay.getByRole('textbox', { name: 'Сумма, ₽' }).fill('1 000,50');
    await pay.getByRole('button', { name: 'Принять' }).click();
    await unseen(pay);
    const history = page.getByRole('table', { name: 'История денег' });
    await seen(history.getByText('Внесено на баланс; способ: Наличные'));

    await page.getByRole('button', { name: 'Корректировка' }).click();
    const correction = page.getByRole('dialog', { name: 'Корректировка баланса' });
    await correction.getByText('Списать').click();
    await correction.getByRole('textbox', { name: 'Сумма, ₽' }).fill('0,50');
    await correction.getByRole('button', { name: 'Провести' }).click();
    await seen(correction.getByText('Укажите причину корректировки (не короче 3 символов).'));
    await correction.getByRole('textbox', { name: 'Комментарий' }).fill('Округление кассы');
    await correction.getByRole('button', { name: 'Провести' }).click();
    await unseen(correction);
    await seen(history.getByText('Корректировка; Округление кассы'));
    expect(c.staff.errors).toEqual([]);
  });
});

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
  unseen,
  type Console,
  type Journey,
} from './harness.js';
import { api, isoDate } from './helpdesk-harness.js';

const PARENT = { email: 'olga@family.example', password: 'зелёный кит плывёт домой' };
/** Money as the page prints it: digit groups and the sign separated by non-breaking spaces. */
const rub = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

type Id = { id: string };

/** Picks a child in the student selector by clicking its label, as a person does. */
async function choose(page: Journey['page'], name: string) {
  await page.getByRole('radiogroup', { name: 'Ученик' }).getByText(name, { exact: true }).click();
  expect(await page.getByRole('radio', { name }).isChecked()).toBe(true);
}

/**
 * Staff build the family through the structure and billing APIs, as the console does: Маша has
 * an ending, partly paid subscription and a partly paid course; Петя has lessons in debt and
 * money on the balance without a subscription.
 */
async function seedFamily(staff: Journey) {
  const post = <T>(path: string, body: unknown) => api<T>(staff, 'POST', path, body);
  const course = (name: string) => post<Id>('/api/staff/classes/courses', { name });
  const english = await post<Id>('/api/staff/classes/groups', {
    courseId: (await course('Английский')).id,
    name: 'Английский, группа 1',
    lessonPriceKopecks: 50_000,
  });
  const robotics = await post<Id>('/api/staff/classes/groups', {
    courseId: (await course('Робототехника')).id,
    name: 'Робототехника',
    paymentMode: 'one_time_fee',
    feeKopecks: 1_000_000,
  });
  const chess = await post<Id>('/api/staff/classes/groups', {
    courseId: (await course('Шахматы')).id,
    name: 'Шахматы',
    lessonPriceKopecks: 50_000,
  });
  const masha = await post<Id>('/api/staff/classes/students', { fullName: 'Маша Иванова' });
  const petya = await post<Id>('/api/staff/classes/students', { fullName: 'Петя Иванов' });
  await post('/api/staff/classes/families', {
    name: 'Ивановы',
    studentIds: [masha.id, petya.id],
  });
  for (const student of [masha, petya]) {
    await post(`/api/staff/classes/students/${student.id}/accounts`, { email: PARENT.email });
  }
  const enrol = (studentId: string, groupId: string) =>
    post<Id>('/api/staff/classes/enrollments', { studentId, groupId, startsOn: isoDate(-30) });
  await enrol(masha.id, english.id);
  const course2 = await enrol(masha.id, robotics.id);
  await enrol(petya.id, chess.id);

  const lesson = (groupId: string, days: number) =>
    post<Id>(`/api/staff/classes/groups/${groupId}/lessons`, {
      day: isoDate(days),
      startTime: '15:00',
    });
  const mark = async (lessonId: string, studentId: string) =>
    api(staff, 'PUT', `/api/staff/attendance/lessons/${lessonId}`, {
      marks: [{ studentId, status: 'present' }],
    });

  const type = (body: Record<string, unknown>) =>
    post<Id>('/api/staff/billing/subscription-types', {
      coversAllGroups: false,
      ...body,
    });
  const four = await type({
    name: '4 занятия',
    lessonsCount: 4,
    validityDays: 10,
    priceKopecks: 100_000,
    groupIds: [english.id],
  });
  await type({
    name: '8 занятий шахмат',
    lessonsCount: 8,
    validityDays: 30,
    priceKopecks: 240_000,
    groupIds: [chess.id],
  });
  await post('/api/staff/billing/subscriptions', {
    studentId: masha.id,
    typeId: four.id,
    beginsOn: isoDate(-4),
    payment: { kind: 'money', amountKopecks: 60_000, method: 'cash' },
    idempotencyKey: randomUUID(),
  });
  await mark((await lesson(english.id, -2)).id, masha.id);
  await lesson(english.id, 1);
  await post(`/api/staff/billing/students/${masha.id}/payments`, {
    amountKopecks: 500_000,
    method: 'card',
    target: { enrollmentId: course2.id },
    idempotencyKey: randomUUID(),
  });

  await mark((await lesson(chess.id, -9)).id, petya.id);
  await mark((await lesson(chess.id, -2)).id, petya.id);
  await lesson(chess.id, 2);
  await post(`/api/staff/billing/students/${petya.id}/payments`, {
    amountKopecks: 300_000,
    method: 'bank_transfer',
    idempotencyKey: randomUUID(),
  });
}

describe('the parent’s cabinet: two children in different situations', () => {
  let console_: Console;
  let parent: Journey;

  beforeAll(async () => {
    console_ = await openConsole();
    const { server, browser } = console_;
    parent = await openJourney(browser, server.baseUrl);
    const activation = await openAccessByCli(server, PARENT.email, 'Ольга Иванова');
    await activateAccount(parent, activation, PARENT.password);
    await seedFamily(console_.staff);
    await signIn(parent, PARENT, '/');
  });

  afterAll(async () => {
    await parent.close();
    await closeConsole(console_);
  });

  it('switches children on the home page and reads both blocks for each', async () => {
    const { page } = parent;
    await seen(page.getByRole('radiogroup', { name: 'Ученик' }));
    await choose(page, 'Маша Иванова');

    const ending = page.getByRole('region', { name: 'Заканчиваются абонементы' });
    await seen(ending.getByText('Абонемент №1 «4 занятия»'));
    await seen(ending.getByText('осталось 3 занятия'));
    // 4 or 5 days: the seed uses UTC dates, the centre counts in Moscow time.
    await seen(ending.getByText(/ещё [45] (дня|дней)/));

    const due = page.getByRole('region', { name: 'Подходит срок оплаты / есть долг' });
    await seen(due.getByText(rub('Оплачено 600 ₽ из 1 000 ₽')));
    await seen(due.getByText(rub('К оплате: 400 ₽')));
    await seen(due.getByText('Курс «Робототехника»'));
    await seen(due.getByText(rub('К оплате: 5 000 ₽')));

    await choose(page, 'Петя Иванов');
    await seen(due.getByText('Занятия в долг: Шахматы'));
    await seen(due.getByText(rub('2 занятия без абонемента, 500 ₽ за занятие')));
    await seen(due.getByText(rub('К оплате: 1 000 ₽')));
    await unseen(due.getByText('Курс «Робототехника»'));
    await seen(
      page
        .getByRole('region', { name: 'Заканчиваются абонементы' })
        .getByText(/ни один не заканчивается/),
    );
    await seen(
      page.getByText(rub('На балансе 3 000 ₽, но активного абонемента нет'), { exact: false }),
    );

    // The choice is remembered: a reload opens on Петя again.
    await page.reload();
    await seen(page.getByText('Занятия в долг: Шахматы'));
    expect(await page.getByRole('radio', { name: 'Петя Иванов' }).isChecked()).toBe(true);

    // «Оплатить» leads to a real page with the amount due for that line.
    await page.getByRole('link', { name: /^Оплатить: Занятия в долг: Шахматы/ }).click();
    await seen(page.getByRole('heading', { name: 'К оплате', level: 1 }));
    await seen(page.getByRole('heading', { name: rub('Всего к оплате: 1 000 ₽') }));
    expect(parent.errors).toEqual([]);
  });

  it('buys a subscription from the balance in one step', async () => {
    const { page } = parent;
    await page.goto('/');
    await choose(page, 'Петя Иванов');
    await page.getByRole('button', { name: 'Купить абонемент с баланса' }).click();
    const dialog = page.getByRole('dialog', { name: 'Купить абонемент с баланса' });
    await seen(dialog.getByText(rub('Свободно на балансе: 3 000 ₽')));
    await seen(dialog.getByRole('radio', { name: '8 занятий шахмат' }));
    await seen(dialog.getByText(rub('После покупки на балансе останется свободными: 600 ₽')));
    await dialog.getByRole('button', { name: rub('Купить за 2 400 ₽') }).click();
    await unseen(dialog);
    await seen(page.getByText('Абонемент №2 «8 занятий шахмат» куплен и оплачен с баланса.'));
    await unseen(page.getByRole('button', { name: 'Купить абонемент с баланса' }));
    await seen(page.getByText(rub('Оплачено за абонементы и ещё не использовано: 2 400 ₽')));

    await page.getByRole('link', { name: 'Абонементы', exact: true }).first().click();
    await seen(page.getByText('Абонемент №2 «8 занятий шахмат»'));
    await seen(page.getByText(rub('Оплачен полностью: 2 400 ₽')));
    expect(parent.errors).toEqual([]);
  });

  it('explains each visit and fits a 360 px phone', async () => {
    const phone = await openJourney(console_.browser, console_.server.baseUrl, {
      viewport: { width: 360, height: 740 },
    });
    try {
      await signIn(phone, PARENT, '/');
      const { page } = phone;
      await seen(page.getByRole('region', { name: 'Подходит срок оплаты / есть долг' }));
      // Nothing wider than the screen: no sideways scrolling on a phone.
      const overflow = Number(
        await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        ),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.goto('/cabinet/visits');
      await choose(page, 'Петя Иванов');
      await seen(page.getByText('Нет подходящего абонемента: занятие в долг').first());
      expect(await page.getByText('Нет подходящего абонемента: занятие в долг').count()).toBe(2);
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

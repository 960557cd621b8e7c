import type { Page } from 'playwright-core';
import { seen, type Journey } from './harness.js';
import { api, isoDate } from './helpdesk-harness.js';

/** Test cards of the sandbox provider (its README and the table on its page). */
export const SANDBOX_CARDS = {
  success: '5555 5555 5555 4444',
  insufficientFunds: '4000 0000 0000 9995',
  cardLimit: '5555 5555 5555 1010',
  onlineBlocked: '2200 0000 0000 0103',
} as const;

/** Money as the pages print it: digit groups and the sign separated by non-breaking spaces. */
export const rub = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

type Id = { id: string };

/** What the payment journeys need to find again. */
export interface PayingFamily {
  mashaId: string;
  petyaId: string;
}

/**
 * Staff build a family through the structure, attendance and billing APIs, as the console
 * does: Маша and Петя each have two lessons in debt in a per-lesson group (500 ₽ a lesson), and
 * the centre sells «8 занятий» (2 400 ₽) for both groups. The parent's account sees both.
 */
export async function seedPayingFamily(staff: Journey, parentEmail: string) {
  const post = <T>(path: string, body: unknown) => api<T>(staff, 'POST', path, body);
  const group = async (courseName: string, name: string) => {
    const course = await post<Id>('/api/staff/classes/courses', { name: courseName });
    return post<Id>('/api/staff/classes/groups', {
      courseId: course.id,
      name,
      lessonPriceKopecks: 50_000,
    });
  };
  const english = await group('Английский', 'Английский, группа 1');
  const chess = await group('Шахматы', 'Шахматы');
  const masha = await post<Id>('/api/staff/classes/students', { fullName: 'Маша Иванова' });
  const petya = await post<Id>('/api/staff/classes/students', { fullName: 'Петя Иванов' });
  await post('/api/staff/classes/families', { name: 'Ивановы', studentIds: [masha.id, petya.id] });
  for (const student of [masha, petya]) {
    await post(`/api/staff/classes/students/${student.id}/accounts`, { email: parentEmail });
  }
  for (const [student, groupId] of [
    [masha, english.id],
    [petya, chess.id],
  ] as const) {
    await post('/api/staff/classes/enrollments', {
      studentId: student.id,
      groupId,
      startsOn: isoDate(-30),
    });
    for (const days of [-9, -2]) {
      const lesson = await post<Id>(`/api/staff/classes/groups/${groupId}/lessons`, {
        day: isoDate(days),
        startTime: '15:00',
      });
      await api(staff, 'PUT', `/api/staff/attendance/lessons/${lesson.id}`, {
        marks: [{ studentId: student.id, status: 'present' }],
      });
    }
  }
  await post('/api/staff/billing/subscription-types', {
    name: '8 занятий',
    lessonsCount: 8,
    validityDays: 30,
    priceKopecks: 240_000,
    coversAllGroups: false,
    groupIds: [english.id, chess.id],
  });
  return { mashaId: masha.id, petyaId: petya.id } satisfies PayingFamily;
}

/** Picks a child in the student selector by clicking its label, as a person does. */
export async function chooseStudent(page: Page, name: string): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Ученик' }).getByText(name, { exact: true }).click();
}

/**
 * On the sandbox's hosted page: pays with `card`, and goes back to the shop from the result page.
 * Resolves on the cabinet's return page `/payments/<id>`.
 */
export async function payOnSandbox(page: Page, card: string, amount: RegExp): Promise<void> {
  await page.waitForURL((url) => url.pathname.startsWith('/sandbox/pay/'));
  await seen(page.getByRole('heading', { name: 'Оплата картой' }));
  await page.getByRole('textbox', { name: 'Номер карты' }).fill(card);
  await page.getByRole('textbox', { name: 'Срок действия (ММ/ГГ)' }).fill('12/30');
  await page.getByLabel('CVC / CVV').fill('123');
  await page.getByRole('button', { name: amount }).click();
  await page.getByRole('link', { name: 'Вернуться в магазин', exact: true }).click();
  await page.waitForURL((url) => /^\/payments\/[0-9a-f-]{36}$/.test(url.pathname));
}

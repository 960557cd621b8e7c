import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConsole, openConsole, seen, type Journey, type KabinetServer } from './harness.js';

describe('console: a group with a weekly schedule, a student, a cancelled lesson', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('creates a group with a weekly rule, enrols a student, sees the lessons and cancels one', async () => {
    const { page } = staff;

    await page.goto('/console/students');
    await seen(page.getByRole('heading', { name: 'Ученики', level: 1 }));
    await page.getByRole('button', { name: 'Добавить ученика' }).click();
    const studentDialog = page.getByRole('dialog');
    await studentDialog.getByRole('textbox', { name: 'Имя и фамилия' }).fill('Маша Петрова');
    await studentDialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByRole('heading', { name: 'Маша Петрова', level: 1 }));

    await page.goto('/console/groups');
    await page.getByRole('button', { name: 'Новая группа' }).click();
    const groupDialog = page.getByRole('dialog');
    await groupDialog.getByRole('textbox', { name: 'Название группы' }).fill('Английский, среда');
    await groupDialog.getByRole('textbox', { name: 'Новый курс' }).fill('Английский');
    await groupDialog.getByRole('button', { name: 'Добавить курс' }).click();
    await expect
      .poll(() => groupDialog.getByRole('combobox', { name: 'Курс' }).inputValue())
      .toBe('Английский');
    await groupDialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByRole('heading', { name: 'Английский, среда', level: 1 }));

    await page.getByRole('combobox', { name: 'День недели' }).click();
    await page.getByRole('option', { name: 'среда' }).click();
    await page.getByRole('button', { name: 'Добавить в расписание' }).click();
    const rules = page.getByRole('region', { name: 'Расписание по неделям' });
    await seen(rules.getByRole('cell', { name: 'среда' }));
    const lessons = page.getByRole('region', { name: 'Ближайшие занятия' });
    await seen(lessons.getByRole('cell', { name: '18:00' }).first());
    expect(await lessons.getByRole('cell', { name: '18:00' }).count()).toBeGreaterThanOrEqual(3);

    await page.getByRole('combobox', { name: 'Записать ученика' }).fill('Маша');
    await page.getByRole('option', { name: 'Маша Петрова' }).click();
    await page.getByRole('button', { name: 'Записать', exact: true }).click();
    const students = page.getByRole('region', { name: 'Ученики группы' });
    await seen(students.getByRole('link', { name: 'Маша Петрова' }));

    await lessons
      .getByRole('button', { name: /^Действия с занятием/ })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Отменить занятие' }).click();
    const cancelDialog = page.getByRole('dialog');
    await cancelDialog
      .getByRole('textbox', { name: 'Причина (увидят сотрудники)' })
      .fill('Карантин');
    await cancelDialog.getByRole('button', { name: 'Отменить занятие' }).click();
    await seen(lessons.getByText('Отменено'));

    // The week view of the first Wednesday lesson shows it cancelled, with its reason.
    await page.goto(`/console/schedule?week=${firstWednesdayLesson()}`);
    await seen(page.getByRole('heading', { name: 'Расписание', level: 1 }));
    const cancelled = page.getByRole('article').filter({ hasText: 'Карантин' });
    await seen(cancelled.getByText('Отменено'));
    await seen(cancelled.getByRole('link', { name: 'Английский, среда' }));
  });
});

/** The local day (Moscow) of the first Wednesday 18:00 lesson from now on. */
function firstWednesdayLesson(): string {
  const moscow = new Date(Date.now() + 3 * 3600_000);
  const weekday = moscow.getUTCDay();
  const passed = weekday === 3 && moscow.getUTCHours() >= 18;
  const ahead = (3 - weekday + 7) % 7 || (passed ? 7 : 0);
  moscow.setUTCDate(moscow.getUTCDate() + ahead);
  return moscow.toISOString().slice(0, 10);
}

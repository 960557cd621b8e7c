import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeConsole,
  LOGIN_FIELD,
  openConsole,
  openJourney,
  seen,
  type Journey,
  type KabinetServer,
} from './harness.js';

describe('staff console: accounts and access settings', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('opens access with an invitation, blocks and unblocks, and the blocked person sees the support contacts', async () => {
    const { page } = staff;
    await page.goto('/console/settings');
    await page.getByRole('textbox', { name: 'Email поддержки' }).fill('help@school.example');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByText('Сохранено.'));

    await page.goto('/console/accounts');
    await page.getByRole('link', { name: 'Открыть доступ' }).click();
    await page.getByRole('textbox', { name: 'Имя' }).fill('Ксения Волкова');
    await page.getByRole('textbox', { name: 'Email' }).fill('ksenia@school.example');
    await page.getByRole('button', { name: 'Открыть доступ и пригласить' }).click();
    await seen(page.getByRole('heading', { name: 'Доступ открыт' }));
    await seen(page.getByText(/Приглашение поставлено в очередь на ksenia@school\.example/));
    const link =
      (await page
        .locator('pre, code')
        .filter({ hasText: '/activate?token=' })
        .first()
        .textContent()) ?? '';
    expect(link).toMatch(/\/activate\?token=/);

    const person = await openJourney(browser, server.baseUrl);
    const url = new URL(link.trim());
    await person.page.goto(`${url.pathname}${url.search}`);
    const password = 'песочные часы на полке';
    await person.page.getByRole('textbox', { name: 'Новый пароль' }).fill(password);
    await person.page.getByRole('textbox', { name: 'Повторите пароль' }).fill(password);
    await person.page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await seen(person.page.getByRole('heading', { name: 'Пароль сохранён' }));

    await page.getByRole('link', { name: 'Открыть учётную запись' }).click();
    await seen(page.getByRole('heading', { name: 'Ксения Волкова' }));
    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await seen(page.getByText('действует', { exact: true }));

    person.expectHttpError(403, /\/api\/auth\/sign-in$/);
    await person.page.getByRole('link', { name: 'Перейти ко входу' }).click();
    await person.page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(password);
    await person.page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(person.page.getByText('Доступ закрыт сотрудником организации'));
    await seen(person.page.getByRole('link', { name: 'help@school.example' }));

    await page.getByRole('button', { name: 'Снять' }).click();
    await seen(page.getByText('не действует', { exact: true }));
    await person.page.getByRole('button', { name: 'Вернуться ко входу' }).click();
    await person.page.getByRole('textbox', { name: LOGIN_FIELD }).fill('ksenia@school.example');
    await person.page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(password);
    await person.page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(person.page.getByRole('heading', { name: 'Здравствуйте, Ксения Волкова!' }));

    const errors = [...person.errors, ...staff.errors];
    await person.close();
    expect(errors).toEqual([]);
  });

  it('fits the sign-in page into a 360 px wide screen', async () => {
    const journey = await openJourney(browser, server.baseUrl, {
      viewport: { width: 360, height: 720 },
    });
    await journey.page.goto('/signin');
    await seen(journey.page.getByRole('textbox', { name: LOGIN_FIELD }));
    // A string, because test files are type-checked without DOM types.
    const overflow = await journey.page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(Number(overflow)).toBeLessThanOrEqual(0);
    await journey.close();
  });
});

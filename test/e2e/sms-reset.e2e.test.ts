import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeConsole,
  openConsole,
  openJourney,
  seen,
  signIn,
  type Journey,
  type KabinetServer,
} from './harness.js';

const NEW_PASSWORD = 'снег идёт над городом';

describe('password reset by SMS code', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('sends a code the staff console shows, and the code with a new password signs the person in', async () => {
    await server.cli(
      'accounts',
      'open',
      '--email',
      'olga@club.example',
      '--phone',
      '+79161112233',
      '--name',
      'Ольга Смирнова',
    );
    const person = await openJourney(browser, server.baseUrl);
    const { page } = person;
    await page.goto('/forgot-password');
    await page.getByRole('textbox', { name: 'Email или телефон' }).fill('8 (916) 111-22-33');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await seen(page.getByText('Если номер +79161112233 привязан к учётной записи'));

    // Without an SMS gateway the message stays in the SMS outbox, where staff read it.
    await staff.page.goto('/console/sms');
    await seen(staff.page.getByRole('heading', { name: 'SMS' }));
    const body = await staff.page
      .getByText(/\b\d{6}\b/)
      .first()
      .innerText();
    const code = /\b(\d{6})\b/.exec(body)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await seen(staff.page.getByText('+79161112233'));

    await page.getByRole('textbox', { name: 'Код из SMS' }).fill(code ?? '');
    await page.getByRole('textbox', { name: 'Новый пароль' }).fill(NEW_PASSWORD);
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await seen(page.getByRole('heading', { name: 'Пароль изменён' }));

    await signIn(person, { email: '+7 916 111 22 33', password: NEW_PASSWORD });
    await seen(page.getByText('Ольга Смирнова'));
    await person.close();
  });
});

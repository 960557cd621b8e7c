import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeConsole,
  linkFromEmail,
  LOGIN_FIELD,
  openConsole,
  openJourney,
  seen,
  type Journey,
  type KabinetServer,
} from './harness.js';

/** A 1×1 PNG: a "photo of a passport" whose content really is an image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe('account recovery', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('moves a lost account to a new email after staff approve the request with documents', async () => {
    await server.cli('accounts', 'open', '--email', 'lost@school.example', '--name', 'Нина Белова');
    const person = await openJourney(browser, server.baseUrl);
    const { page } = person;

    await page.goto('/signin');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await page.getByRole('link', { name: 'Нет доступа ни к почте, ни к телефону?' }).click();
    await seen(page.getByRole('heading', { name: 'Восстановление доступа' }));
    await page
      .getByRole('textbox', { name: 'Фамилия, имя и отчество' })
      .fill('Белова Нина Сергеевна');
    await page.getByRole('textbox', { name: 'Прежний логин' }).fill('lost@school.example');
    await page.getByRole('textbox', { name: 'Новый email' }).fill('nina@home.example');
    await page
      .getByRole('textbox', { name: 'Что случилось' })
      .fill('Старую почту удалили вместе с учётной записью на работе.');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'passport.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    // The widget's check mark is drawn over its checkbox, so the click goes to the label.
    await page.locator('altcha-widget label').first().click();
    await seen(page.locator('altcha-widget').getByText('Проверено'));
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await seen(page.getByRole('heading', { name: /^Заявка В-\d{6}$/ }));
    await seen(page.getByText('Ждёт подтверждения email'));
    const statusPath = pathOf(page.url());

    const confirmLink = await linkFromEmail(
      staff,
      'nina@home.example',
      /\S+\/recovery\/confirm\?token=\S+/,
    );
    await page.goto(pathOf(confirmLink));
    await seen(page.getByText(/Email подтверждён\. Заявка В-\d{6} передана сотрудникам/));

    const staffPage = staff.page;
    await staffPage.goto('/console/recovery');
    await staffPage
      .getByRole('link', { name: /^В-\d{6}$/ })
      .first()
      .click();
    await seen(staffPage.getByText('Белова Нина Сергеевна'));
    await seen(staffPage.getByRole('img', { name: 'passport.png' }));
    expect(
      await staffPage
        .getByRole('radio', { name: /Нина Белова — lost@school\.example/ })
        .isChecked(),
    ).toBe(true);
    await staffPage.getByRole('button', { name: 'Одобрить и отправить ссылку для пароля' }).click();
    await seen(staffPage.getByText(/Заявка одобрена/));

    await page.goto(statusPath);
    await seen(page.getByText('Одобрена', { exact: true }));

    const resetLink = await linkFromEmail(
      staff,
      'nina@home.example',
      /\S+\/reset-password\?token=\S+/,
    );
    await page.goto(pathOf(resetLink));
    const password = 'новая почта, старый кабинет';
    await page.getByRole('textbox', { name: 'Новый пароль' }).fill(password);
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(password);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await seen(page.getByRole('heading', { name: 'Пароль изменён' }));
    await page.getByRole('link', { name: 'Перейти ко входу' }).click();
    const login = page.getByRole('textbox', { name: LOGIN_FIELD });
    if ((await login.inputValue()) === '') await login.fill('nina@home.example');
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Нина Белова!' }));

    const errors = [...person.errors, ...staff.errors];
    await person.close();
    expect(errors).toEqual([]);
  });
});

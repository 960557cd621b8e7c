import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeConsole,
  openConsole,
  openJourney,
  pathOf,
  seen,
  signIn,
  smsCodeFor,
  type Journey,
  type KabinetServer,
} from './harness.js';

/** A 1×1 PNG: a "photo of a passport" whose content really is an image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const NEW_PHONE = '+79165554433';
const PASSWORD = 'новый номер, старый кабинет';

describe('account recovery to a new phone only', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('confirms the request by SMS code, and after approval the person resets the password by SMS', async () => {
    await server.cli(
      'accounts',
      'open',
      '--email',
      'petr@old-work.example',
      '--phone',
      '+79160000011',
      '--name',
      'Пётр Орлов',
    );
    const person = await openJourney(browser, server.baseUrl);
    const { page } = person;

    await page.goto('/recovery');
    await seen(page.getByRole('heading', { name: 'Восстановление доступа' }));
    await page
      .getByRole('textbox', { name: 'Фамилия, имя и отчество' })
      .fill('Орлов Пётр Андреевич');
    await page.getByRole('textbox', { name: 'Прежний логин' }).fill('+79160000011');
    await page
      .getByRole('textbox', { name: 'Что случилось' })
      .fill('Рабочую почту закрыли, старую SIM-карту потерял.');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'passport.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    // The widget's check mark is drawn over its checkbox, so the click goes to the label.
    await page.locator('altcha-widget label').first().click();
    await seen(page.locator('altcha-widget').getByText('Проверено'));

    // Neither a new email nor a new phone: our own text, not the contract's English message.
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await seen(page.getByText('Укажите новый email или телефон'));

    await page.getByRole('textbox', { name: 'Новый телефон' }).fill('8 (916) 555-44-33');
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    await seen(page.getByRole('heading', { name: /^Заявка В-\d{6}$/ }));
    await seen(page.getByText('Ждёт подтверждения телефона'));
    const statusPath = pathOf(page.url());

    // A wrong code says how many tries are left.
    person.expectHttpError(400, /\/confirm-phone$/);
    await page.getByRole('textbox', { name: 'Код из SMS' }).fill('000000');
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await seen(page.getByText(/Неверный код\. Осталось попыток: \d/));

    const code = await smsCodeFor(staff, NEW_PHONE, 'Код подтверждения заявки');
    // The one-in-a-million chance that the wrong code above was the right one.
    expect(code).not.toBe('000000');
    await page.getByRole('textbox', { name: 'Код из SMS' }).fill(code);
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await seen(page.getByText('На рассмотрении', { exact: true }));

    const staffPage = staff.page;
    await staffPage.goto('/console/recovery');
    await seen(staffPage.getByRole('cell', { name: NEW_PHONE }));
    await staffPage
      .getByRole('link', { name: /^В-\d{6}$/ })
      .first()
      .click();
    await seen(staffPage.getByText('Орлов Пётр Андреевич'));
    await seen(staffPage.getByRole('img', { name: 'passport.png' }));
    expect(
      await staffPage
        .getByRole('radio', { name: /Пётр Орлов — petr@old-work\.example/ })
        .isChecked(),
    ).toBe(true);
    await staffPage.getByRole('button', { name: 'Одобрить и сообщить по SMS' }).click();
    await seen(staffPage.getByText(/Заявка одобрена/));

    await page.goto(statusPath);
    await seen(page.getByText('Одобрена', { exact: true }));
    await seen(page.getByText(/Доступ перенесён на новый телефон/));

    await page.goto('/forgot-password');
    await page.getByRole('textbox', { name: 'Email или телефон' }).fill('8 916 555 44 33');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await seen(page.getByText(`Если номер ${NEW_PHONE} привязан к учётной записи`));
    const resetCode = await smsCodeFor(staff, NEW_PHONE, 'Код для смены пароля');
    await page.getByRole('textbox', { name: 'Код из SMS' }).fill(resetCode);
    await page.getByRole('textbox', { name: 'Новый пароль' }).fill(PASSWORD);
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await seen(page.getByRole('heading', { name: 'Пароль изменён' }));

    await signIn(person, { email: '+7 916 555-44-33', password: PASSWORD });
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Пётр Орлов!' }));

    const errors = [...person.errors, ...staff.errors];
    await person.close();
    expect(errors).toEqual([]);
  });
});

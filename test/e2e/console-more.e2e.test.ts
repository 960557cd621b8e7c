import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateAccount,
  closeConsole,
  emailsTo,
  linkFromEmail,
  LOGIN_FIELD,
  openAccessByCli,
  openConsole,
  openJourney,
  pathOf,
  seen,
  signIn,
  type Journey,
  type KabinetServer,
} from './harness.js';

const PASSWORD = 'журавли летят на юг';

/** A 1×1 PNG: a "photo of a passport" whose content really is an image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('console: access sheets, the account page, self-registration, recovery rejection', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  /** Opens the staff page of the account named `name` from the accounts list. */
  async function openAccountPage(name: string): Promise<void> {
    const { page } = staff;
    await page.goto('/console/accounts');
    await page.getByRole('link', { name, exact: true }).click();
    await seen(page.getByRole('heading', { name, level: 1 }));
  }

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('prints an access sheet; the person activates with its code and signs in with the personal code', async () => {
    const { page } = staff;
    await page.goto('/console/accounts/new');
    await page.getByRole('textbox', { name: 'Имя' }).fill('Артём Ковалёв');
    await page.getByRole('textbox', { name: 'Телефон' }).fill('+79161230001');
    await page.getByRole('checkbox', { name: 'Выдать личный код' }).check();
    await page.getByRole('checkbox', { name: 'Подготовить лист доступа для выдачи лично' }).check();
    await page.getByRole('button', { name: 'Открыть доступ и пригласить' }).click();
    await seen(page.getByRole('heading', { name: 'Доступ открыт' }));

    const sheet = page.locator('.access-sheet');
    await seen(sheet.getByText('Доступ в личный кабинет для: Артём Ковалёв'));
    const personalCode = (await sheet.getByTestId('sheet-personal-code').textContent()) ?? '';
    const activationCode = (await sheet.getByTestId('sheet-activation-code').textContent()) ?? '';
    expect(personalCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(activationCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(activationCode).not.toBe(personalCode);
    await seen(sheet.getByText(/введите код активации и придумайте пароль/));

    // Printing shows the sheet alone, without the console around it.
    await page.emulateMedia({ media: 'print' });
    await seen(sheet.getByTestId('sheet-activation-code'));
    expect(await page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Открыть учётную запись' }).isVisible()).toBe(
      false,
    );
    await page.emulateMedia({ media: 'screen' });

    // The person types the code as people do: lower case, with the dash.
    const person = await openJourney(browser, server.baseUrl);
    const personPage = person.page;
    await personPage.goto('/activate');
    await seen(personPage.getByText('Введите одноразовый код активации'));
    await personPage
      .getByRole('textbox', { name: 'Код активации' })
      .fill(activationCode.toLowerCase());
    await personPage.getByRole('button', { name: 'Продолжить' }).click();
    await seen(personPage.getByText(/Артём Ковалёв, придумайте пароль/));
    await personPage.getByRole('textbox', { name: 'Новый пароль' }).fill(PASSWORD);
    await personPage.getByRole('textbox', { name: 'Повторите пароль' }).fill(PASSWORD);
    await personPage.getByRole('button', { name: 'Сохранить пароль' }).click();
    await seen(personPage.getByRole('heading', { name: 'Пароль сохранён' }));

    await personPage.getByRole('link', { name: 'Перейти ко входу' }).click();
    await personPage.waitForURL((url) => url.pathname === '/signin');
    await personPage.getByRole('textbox', { name: LOGIN_FIELD }).fill(personalCode.toLowerCase());
    await personPage.getByRole('textbox', { name: 'Пароль', exact: true }).fill(PASSWORD);
    await personPage.getByRole('button', { name: 'Войти' }).last().click();
    await seen(personPage.getByRole('heading', { name: 'Здравствуйте, Артём Ковалёв!' }));

    const errors = [...person.errors, ...staff.errors];
    await person.close();
    expect(errors).toEqual([]);
  });

  it('extends the access period, ends all sessions, ends access now; the person is told each time', async () => {
    const email = 'denis@school.example';
    const person = await openJourney(browser, server.baseUrl);
    await activateAccount(
      person,
      await openAccessByCli(server, email, 'Денис Орлов', '--access-until', '2099-01-31'),
      PASSWORD,
    );
    await signIn(person, { email, password: PASSWORD });

    await openAccountPage('Денис Орлов');
    const { page } = staff;
    await seen(page.getByRole('row').filter({ hasText: 'Вход выполнен' }));
    await seen(page.getByText(/31 января 2099/));
    // An activated account needs no invitation or access sheet any more.
    expect(await page.getByRole('button', { name: 'Отправить приглашение ещё раз' }).count()).toBe(
      0,
    );
    await page.getByLabel('Доступ до').fill('2099-06-30');
    await page.getByRole('button', { name: 'Сохранить срок' }).click();
    await seen(page.getByText('Сохранено.'));
    await seen(page.getByText(/30 июня 2099/));

    await page.getByRole('button', { name: 'Завершить все сеансы' }).click();
    await seen(page.getByText('Завершён 1 сеанс.'));
    await seen(page.getByText('Открытых сеансов нет.'));
    person.expectHttpError(401, /\/api\/auth\/session$/);
    await person.page.goto('/settings/devices');
    await person.page.waitForURL((url) => url.pathname === '/signin');
    await seen(person.page.getByText('Сеанс завершён', { exact: true }));
    await signIn(person, { email, password: PASSWORD });

    await page.getByRole('button', { name: 'Закончить доступ сейчас' }).click();
    await seen(page.getByText('Срок доступа истёк'));
    person.expectHttpError(403, /\/api\/auth\/session$/);
    await person.page.reload();
    await seen(person.page.getByRole('heading', { name: 'Вход в личный кабинет закрыт' }));
    await seen(person.page.getByText('Срок доступа закончился'));
    await seen(person.page.getByText(email, { exact: true }));

    const errors = [...person.errors, ...staff.errors];
    await person.close();
    expect(errors).toEqual([]);
  });

  it('resends the invitation to a person who has not set a password yet', async () => {
    const email = 'zoya@school.example';
    await openAccessByCli(server, email, 'Зоя Королёва');
    await emailsTo(staff, email, 'invitation', 1);

    await openAccountPage('Зоя Королёва');
    const { page } = staff;
    await page.getByRole('button', { name: 'Отправить приглашение ещё раз' }).click();
    await seen(page.getByText(`Приглашение поставлено в очередь на ${email}.`));
    await emailsTo(staff, email, 'invitation', 2);
    await page.getByRole('link', { name: 'Статус доставки' }).click();
    await seen(page.getByText(email).first());
    expect(staff.errors).toEqual([]);
  });

  it('lets a visitor register once the owner turns self-registration on', async () => {
    const visitor = await openJourney(browser, server.baseUrl);
    await visitor.page.goto('/signin');
    await seen(visitor.page.getByRole('textbox', { name: LOGIN_FIELD }));
    expect(await visitor.page.getByRole('link', { name: 'Зарегистрироваться' }).count()).toBe(0);

    const { page } = staff;
    await page.goto('/console/settings');
    const toggle = page.getByRole('switch', { name: 'Самостоятельная регистрация' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check({ force: true });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await seen(page.getByText('Сохранено.'));
    // The change is in the organization's security audit, readable.
    await page.goto('/console/audit');
    await seen(page.getByText('Изменены настройки доступа организации').first());
    await seen(page.getByText('Самостоятельная регистрация: нет → да').first());

    const email = 'guest@vendor.example';
    const p = visitor.page;
    await p.goto('/signin');
    await p.getByRole('link', { name: 'Зарегистрироваться' }).click();
    await seen(p.getByRole('heading', { name: 'Регистрация' }));
    await p.getByRole('textbox', { name: 'Ваше имя' }).fill('Гость Петров');
    await p.getByRole('textbox', { name: 'Email' }).fill(email);
    await p.getByRole('textbox', { name: 'Новый пароль' }).fill(PASSWORD);
    await p.getByRole('textbox', { name: 'Повторите пароль' }).fill(PASSWORD);
    await p.locator('altcha-widget label').first().click();
    await seen(p.locator('altcha-widget').getByText('Проверено'));
    await p.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await seen(p.getByText(`Мы отправили письмо на ${email}.`, { exact: false }));

    const link = await linkFromEmail(staff, email, /\S+\/confirm-registration\?token=\S+/);
    await p.goto(pathOf(link));
    await seen(p.getByRole('heading', { name: 'Регистрация завершена' }));
    await p.getByRole('link', { name: 'Перейти ко входу' }).click();
    await p.waitForURL((url) => url.pathname === '/signin');
    const login = p.getByRole('textbox', { name: LOGIN_FIELD });
    if ((await login.inputValue()) === '') await login.fill(email);
    await p.getByRole('textbox', { name: 'Пароль', exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Войти' }).last().click();
    await seen(p.getByRole('heading', { name: 'Здравствуйте, Гость Петров!' }));

    const errors = [...visitor.errors, ...staff.errors];
    await visitor.close();
    expect(errors).toEqual([]);
  });

  it('rejects a recovery request with a reason the person sees on the status page', async () => {
    const person = await openJourney(browser, server.baseUrl);
    const { page } = person;
    await page.goto('/recovery');
    await page.getByRole('textbox', { name: 'Фамилия, имя и отчество' }).fill('Неизвестный Пётр');
    await page.getByRole('textbox', { name: 'Новый email' }).fill('petr@home.example');
    await page
      .getByRole('textbox', { name: 'Что случилось' })
      .fill('Не помню ни почту, ни телефон.');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'passport.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.locator('altcha-widget label').first().click();
    await seen(page.locator('altcha-widget').getByText('Проверено'));
    await page.getByRole('button', { name: 'Отправить заявку' }).click();
    const heading = page.getByRole('heading', { name: /^Заявка В-\d{6}$/ });
    await seen(heading);
    const number = ((await heading.textContent()) ?? '').replace('Заявка ', '');
    const statusPath = pathOf(page.url());

    const confirmLink = await linkFromEmail(
      staff,
      'petr@home.example',
      /\S+\/recovery\/confirm\?token=\S+/,
    );
    await page.goto(pathOf(confirmLink));
    await seen(page.getByText(`Email подтверждён. Заявка ${number} передана сотрудникам`));

    const staffPage = staff.page;
    await staffPage.goto('/console/recovery');
    await staffPage.getByRole('link', { name: number, exact: true }).click();
    await seen(staffPage.getByText('Неизвестный Пётр'));
    const reason = 'Документ не читается: пришлите скан лучшего качества.';
    await staffPage
      .getByRole('textbox', { name: 'Причина отказа (её получит человек)' })
      .fill(reason);
    await staffPage.getByRole('button', { name: 'Отклонить' }).click();
    await seen(staffPage.getByText(`Заявка отклонена: ${reason}`));
    await emailsTo(staff, 'petr@home.example', 'recovery_rejected');

    await page.goto(statusPath);
    await seen(page.getByText('Отклонена', { exact: true }));
    await seen(page.getByText('Заявка отклонена. Причина:'));
    await seen(page.getByText(reason, { exact: true }));

    const errors = [...person.errors, ...staff.errors];
    await person.close();
    expect(errors).toEqual([]);
  });
});

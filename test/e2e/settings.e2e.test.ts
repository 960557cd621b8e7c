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
  smsCodeFor,
  unseen,
  type Journey,
  type KabinetServer,
} from './harness.js';

const PASSWORD = 'старый клён у ворот';
const NEW_PASSWORD = 'молодой дуб за рекой';

describe('settings: password, email, phone, language, sign-in history', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('changes the password and ends the other device’s session, which then says so', async () => {
    const email = 'vera@school.example';
    const here = await openJourney(browser, server.baseUrl);
    await activateAccount(here, await openAccessByCli(server, email, 'Вера Соколова'), PASSWORD);
    await signIn(here, { email, password: PASSWORD });
    const elsewhere = await openJourney(browser, server.baseUrl);
    await signIn(elsewhere, { email, password: PASSWORD });

    const { page } = here;
    await page.goto('/settings/security');
    await seen(page.getByRole('heading', { name: 'Смена пароля' }));
    const signOutOthers = page.getByRole('checkbox', { name: 'Выйти на других устройствах' });
    expect(await signOutOthers.isChecked()).toBe(true);

    here.expectHttpError(403, /\/api\/account\/password$/);
    await page.getByRole('textbox', { name: 'Текущий пароль' }).fill('не тот пароль вовсе');
    await page.getByRole('textbox', { name: 'Новый пароль' }).fill(NEW_PASSWORD);
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await seen(page.getByText('Текущий пароль указан неверно.'));

    await page.getByRole('textbox', { name: 'Текущий пароль' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await seen(page.getByText('Пароль изменён. Завершён 1 сеанс на другом устройстве.'));
    await unseen(page.getByText('Текущий пароль указан неверно.'));

    // The other browser finds out on its next request, and is told why.
    elsewhere.expectHttpError(401, /\/api\/auth\/session$/);
    await elsewhere.page.goto('/settings/devices');
    await elsewhere.page.waitForURL((url) => url.pathname === '/signin');
    await seen(elsewhere.page.getByText('Сеанс завершён', { exact: true }));

    // The new password works there; the old one does not.
    await signIn(elsewhere, { email, password: NEW_PASSWORD });

    const errors = [...here.errors, ...elsewhere.errors];
    await here.close();
    await elsewhere.close();
    expect(errors).toEqual([]);
  });

  it('changes the email by a link to the new address, with a notice to the old one', async () => {
    const oldEmail = 'gleb@school.example';
    const newEmail = 'gleb@home.example';
    const journey = await openJourney(browser, server.baseUrl);
    await activateAccount(
      journey,
      await openAccessByCli(server, oldEmail, 'Глеб Морозов'),
      PASSWORD,
    );
    await signIn(journey, { email: oldEmail, password: PASSWORD });
    const { page } = journey;
    await page.goto('/settings/profile');
    await seen(page.getByRole('heading', { name: 'Глеб Морозов' }));
    await page.getByRole('button', { name: 'Изменить email' }).click();
    await page.getByRole('textbox', { name: 'Новый email' }).fill(newEmail);
    await page.getByRole('textbox', { name: 'Текущий пароль' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Отправить' }).click();
    await seen(page.getByText(`Мы отправили ссылку на ${newEmail}.`, { exact: false }));

    await emailsTo(staff, oldEmail, 'email_change_notice');
    const link = await linkFromEmail(staff, newEmail, /\S+\/confirm-email\?token=\S+/);
    await page.goto(pathOf(link));
    await seen(page.getByText(`Email изменён на ${newEmail}. Теперь входите с этим адресом.`));

    await page.goto('/settings/profile');
    await seen(page.getByText(newEmail, { exact: true }));
    await page.getByRole('button', { name: /^Меню профиля/ }).click();
    await page.getByRole('menuitem', { name: 'Выход' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await signIn(journey, { email: newEmail, password: PASSWORD });
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Глеб Морозов!' }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('changes the phone with an SMS code', async () => {
    const email = 'lida@school.example';
    const journey = await openJourney(browser, server.baseUrl);
    await activateAccount(
      journey,
      await openAccessByCli(server, email, 'Лидия Фомина', '--phone', '+79035550011'),
      PASSWORD,
    );
    await signIn(journey, { email, password: PASSWORD });
    const { page } = journey;
    await page.goto('/settings/profile');
    await seen(page.getByText('+79035550011', { exact: true }));
    await page.getByRole('button', { name: 'Изменить телефон' }).click();
    await page.getByRole('textbox', { name: 'Новый номер телефона' }).fill('8 (926) 777-66-55');
    await page.getByRole('textbox', { name: 'Текущий пароль' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Отправить' }).click();
    await seen(page.getByText('Код отправлен на +79267776655.', { exact: false }));

    const code = await smsCodeFor(staff, '+79267776655');
    await page.getByRole('textbox', { name: 'Код из SMS' }).fill(code);
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await seen(page.getByText('+79267776655', { exact: true }));
    await unseen(page.getByText('+79035550011', { exact: true }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('switches the language to English, and the interface stays English after a reload', async () => {
    const email = 'tom@school.example';
    const journey = await openJourney(browser, server.baseUrl);
    await activateAccount(journey, await openAccessByCli(server, email, 'Том Эванс'), PASSWORD);
    await signIn(journey, { email, password: PASSWORD });
    const { page } = journey;
    await page.goto('/settings/profile');
    await seen(page.getByText('Язык интерфейса и писем'));
    await page.getByText('English', { exact: true }).click();
    await seen(page.getByText('Language of the interface and emails'));
    await seen(page.getByRole('heading', { name: 'Settings', level: 1 }));

    await page.reload();
    await seen(page.getByRole('heading', { name: 'Settings', level: 1 }));
    await seen(page.getByRole('tab', { name: 'Sign-in history' }));
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('shows the sign-in history with a failed and a successful attempt', async () => {
    const email = 'yana@school.example';
    const journey = await openJourney(browser, server.baseUrl);
    await activateAccount(journey, await openAccessByCli(server, email, 'Яна Лебедева'), PASSWORD);
    const { page } = journey;
    journey.expectHttpError(401, /\/api\/auth\/sign-in$/);
    await page.goto('/signin');
    await page.getByRole('textbox', { name: LOGIN_FIELD }).fill(email);
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill('совсем не тот пароль');
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('alert').filter({ hasText: /Неверн/ }));
    await signIn(journey, { email, password: PASSWORD });

    await page.goto('/settings/history');
    await seen(page.getByRole('heading', { name: 'История входов', level: 2 }));
    const rows = page.getByRole('row');
    await seen(rows.filter({ hasText: 'Вход выполнен' }));
    await seen(rows.filter({ hasText: 'Неверный пароль' }));
    // Newest first: the successful sign-in came after the failed one.
    expect(await rows.nth(1).textContent()).toContain('Вход выполнен');
    expect(await rows.nth(2).textContent()).toContain('Неверный пароль');

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });
});

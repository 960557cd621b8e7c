import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeConsole,
  linkFromEmail,
  LOGIN_FIELD,
  openConsole,
  openJourney,
  seen,
  signIn,
  type Journey,
  type KabinetServer,
} from './harness.js';

/** QWERTY → ЙЦУКЕН: what an address looks like typed with the Russian layout on. */
const EN_TO_RU: Record<string, string> = Object.fromEntries(
  Array.from("qwertyuiop[]asdfghjkl;'zxcvbnm,.`").map((char, index) => [
    char,
    'йцукенгшщзхъфывапролджэячсмитьбюё'[index] ?? char,
  ]),
);
const inRussianLayout = (text: string) =>
  Array.from(text)
    .map((char) => EN_TO_RU[char] ?? char)
    .join('');

const PASSWORD = 'тихий вечер над рекой';

describe('access journeys', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  /** Opens access through the CLI and returns the activation path it prints. */
  async function openAccess(email: string, name: string, ...extra: string[]): Promise<string> {
    const out = await server.cli('accounts', 'open', '--email', email, '--name', name, ...extra);
    const link = /https?:\/\/\S+\/activate\?token=\S+/.exec(out)?.[0];
    if (!link) throw new Error(`no activation link in:\n${out}`);
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  }

  /** Activation as the invited person does it: the link, a password twice, saved. */
  async function activate(journey: Journey, path: string, password = PASSWORD): Promise<void> {
    const { page } = journey;
    await page.goto(path);
    await page.getByRole('textbox', { name: 'Новый пароль' }).fill(password);
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(password);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await seen(page.getByRole('heading', { name: 'Пароль сохранён' }));
  }

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('signs in for the first time from an invitation, with the password rules ticked off live', async () => {
    const path = await openAccess('ivan@school.example', 'Иван Петров');
    const journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    await page.goto(path);
    await seen(page.getByText('Иван Петров, придумайте пароль. Ваш логин: ivan@school.example.'));

    const password = page.getByRole('textbox', { name: 'Новый пароль' });
    await password.fill('short');
    await seen(page.locator('[data-rule="too_short"][data-state="bad"]'));
    await password.fill(PASSWORD);
    await seen(page.locator('[data-rule="too_short"][data-state="ok"]'));
    await seen(page.locator('[data-rule="too_common"][data-state="ok"]'));
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(`${PASSWORD}!`);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await seen(page.getByText('Пароли не совпадают.'));
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await seen(page.getByRole('heading', { name: 'Пароль сохранён' }));

    await page.getByRole('link', { name: 'Перейти ко входу' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    expect(await page.getByRole('textbox', { name: LOGIN_FIELD }).inputValue()).toBe(
      'ivan@school.example',
    );
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Иван Петров!' }));

    // The link is single-use.
    journey.expectHttpError(410, /\/api\/auth\/activate\//);
    await page.goto(path);
    await seen(page.getByRole('heading', { name: 'Ссылка недействительна' }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('removes invisible characters from a pasted login and says so', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    await activate(journey, await openAccess('olga@school.example', 'Ольга Смирнова'));
    const { page } = journey;
    await page.goto('/signin');
    const login = page.getByRole('textbox', { name: LOGIN_FIELD });
    await login.fill('\u200Bolga@school.example\uFEFF\u2060');
    await seen(page.getByText('Из вставленного текста удалены невидимые символы.'));
    expect(await login.inputValue()).toBe('olga@school.example');
    // The hint is tied to the field, so screen readers read it with the field.
    const describedBy = (await login.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Ольга Смирнова!' }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('hints at the Russian keyboard layout and offers the Latin login, but not for Cyrillic domains', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    await activate(journey, await openAccess('admin@example.com', 'Пётр Иванов'));
    const { page } = journey;
    await page.goto('/signin');
    const login = page.getByRole('textbox', { name: LOGIN_FIELD });

    await login.fill('иван@почта.рф');
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).click();
    expect(await page.getByText('Похоже, включена русская раскладка.').count()).toBe(0);

    await login.fill(inRussianLayout('admin@example.com'));
    expect(await login.inputValue()).toBe('фвьшт@учфьздуюсщь');
    await seen(page.getByText('Похоже, включена русская раскладка.'));
    await page.getByRole('button', { name: 'Исправить на admin@example.com' }).click();
    expect(await login.inputValue()).toBe('admin@example.com');
    expect(await page.getByText('Похоже, включена русская раскладка.').count()).toBe(0);

    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Пётр Иванов!' }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('with a session limit of 1, signs out the other device and tells it why', async () => {
    const path = await openAccess(
      'maria@school.example',
      'Мария Кузнецова',
      '--session-limit',
      '1',
    );
    const first = await openJourney(browser, server.baseUrl);
    await activate(first, path);
    await signIn(first, { email: 'maria@school.example', password: PASSWORD });

    const second = await openJourney(browser, server.baseUrl);
    second.expectHttpError(409, /\/api\/auth\/sign-in$/);
    const { page } = second;
    await page.goto('/signin');
    await page.getByRole('textbox', { name: LOGIN_FIELD }).fill('maria@school.example');
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    const dialog = page.getByRole('dialog', { name: 'Вы уже вошли на другом устройстве' });
    await seen(dialog);
    await seen(dialog.getByText(/IP-адрес:/));
    await seen(dialog.getByText(/Последняя активность:/));
    await dialog.getByRole('button', { name: 'Выйти с других устройств и войти' }).click();
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Мария Кузнецова!' }));

    await page.goto('/settings/devices');
    await seen(page.getByRole('heading', { name: 'Устройства', level: 2 }));
    await seen(page.getByText('Это устройство'));
    await seen(page.getByText('Других устройств нет.'));

    first.expectHttpError(401, /\/api\/auth\//);
    await first.page.goto('/settings/devices');
    await first.page.waitForURL((url) => url.pathname === '/signin');
    await seen(first.page.getByText('Вы вошли на другом устройстве'));

    const errors = [...first.errors, ...second.errors];
    await first.close();
    await second.close();
    expect(errors).toEqual([]);
  });

  it('resets a forgotten password by an emailed link and signs in with the new one', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    await activate(journey, await openAccess('sergey@school.example', 'Сергей Орлов'));
    const { page } = journey;
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await seen(page.getByRole('heading', { name: 'Восстановление пароля' }));
    await page.getByRole('textbox', { name: 'Email или телефон' }).fill('sergey@school.example');
    await page.getByRole('button', { name: 'Продолжить' }).click();
    await seen(page.getByText('Проверьте почту'));

    const link = await linkFromEmail(
      staff,
      'sergey@school.example',
      /\S+\/reset-password\?token=\S+/,
    );
    const url = new URL(link);
    await page.goto(`${url.pathname}${url.search}`);
    await seen(page.getByText('Придумайте новый пароль для sergey@school.example.'));
    const newPassword = 'зелёная лампа в окне';
    await page.getByRole('textbox', { name: 'Новый пароль' }).fill(newPassword);
    await page.getByRole('textbox', { name: 'Повторите пароль' }).fill(newPassword);
    await page.getByRole('button', { name: 'Сохранить пароль' }).click();
    await seen(page.getByRole('heading', { name: 'Пароль изменён' }));

    await page.getByRole('link', { name: 'Перейти ко входу' }).click();
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Сергей Орлов!' }));

    // The used link now says so and offers a new one.
    journey.expectHttpError(410, /\/api\/auth\/password-reset\//);
    await page.goto(`${url.pathname}${url.search}`);
    await seen(page.getByRole('heading', { name: 'Ссылка недействительна' }));
    await seen(page.getByRole('link', { name: 'Запросить новую ссылку' }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('shows a blocked person why, until when, their login and how to reach support', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    await activate(journey, await openAccess('pavel@school.example', 'Павел Зайцев'));
    await server.cli(
      'accounts',
      'block',
      '--email',
      'pavel@school.example',
      '--reason',
      'suspicious_activity',
      '--until',
      '2099-12-31',
    );
    journey.expectHttpError(403, /\/api\/auth\/sign-in$/);
    const { page } = journey;
    await page.goto('/signin');
    await page.getByRole('textbox', { name: LOGIN_FIELD }).fill('pavel@school.example');
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('heading', { name: 'Вход в личный кабинет закрыт' }));
    await seen(page.getByText('Вход приостановлен из-за подозрительной активности'));
    await seen(page.getByText('Обратитесь в поддержку: мы проверим и восстановим доступ.'));
    await seen(page.getByText(/До 31 декабря 2099 г\. в 23:59 \(МСК\)/));
    await seen(page.getByText('pavel@school.example', { exact: true }));
    await seen(page.getByRole('heading', { name: 'Как связаться с поддержкой' }));

    await page.getByRole('button', { name: 'Вернуться ко входу' }).click();
    await seen(page.getByRole('heading', { name: 'Вход', exact: true }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOGIN_FIELD,
  OWNER,
  launchBrowser,
  openJourney,
  seen,
  startServer,
  type KabinetServer,
} from './harness.js';

describe('first administrator and signing in', () => {
  let server: KabinetServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('creates the owner through the printed link, refuses the link afterwards, and signs in again', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    const setupPath = await server.setupPath();
    // Opening the used link again and the wrong password are refused on purpose.
    journey.expectHttpError(410, /\/api\/setup\//);
    journey.expectHttpError(401, /\/api\/auth\/sign-in$/);

    await page.goto(setupPath);
    await seen(page.getByRole('heading', { name: 'Первый администратор' }));
    await page.getByRole('textbox', { name: 'Ваше имя' }).fill(OWNER.displayName);
    await page.getByRole('textbox', { name: 'Email' }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill('short');
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await seen(page.getByText('Пароль должен быть не короче 10 символов.'));

    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Создать и войти' }).click();
    await page.waitForURL((url) => url.pathname === '/console');
    await seen(page.getByRole('heading', { name: 'Консоль', level: 1 }));
    const profileButton = page.getByRole('button', { name: `Меню профиля: ${OWNER.displayName}` });
    await seen(profileButton);

    await page.goto(setupPath);
    await seen(page.getByRole('heading', { name: 'Ссылка недействительна' }));
    await seen(page.getByText(/недействительна: она устарела или уже использована/));

    await profileButton.click();
    await page.getByRole('menuitem', { name: 'Выход' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    await seen(page.getByRole('heading', { name: 'Вход' }));

    await page.goto('/console');
    await page.waitForURL((url) => url.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/console');

    await page.getByRole('textbox', { name: LOGIN_FIELD }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill('wrong password!');
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await seen(page.getByRole('alert').filter({ hasText: /Неверный .+ или пароль/ }));

    // The server localizes its message by the Accept-Language the client sends.
    await page.getByRole('button', { name: /^Язык интерфейса/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await seen(page.getByRole('alert').filter({ hasText: /Wrong .+ or password/ }));
    await page.getByRole('button', { name: /^Interface language/ }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();

    await page.getByRole('textbox', { name: 'Пароль', exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Войти' }).last().click();
    await page.waitForURL((url) => url.pathname === '/console');
    await seen(page.getByRole('heading', { name: 'Консоль', level: 1 }));

    await page.getByRole('link', { name: 'Главная' }).click();
    await seen(page.getByRole('heading', { name: `Здравствуйте, ${OWNER.displayName}!` }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });
});

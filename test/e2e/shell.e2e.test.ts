import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openJourney,
  seen,
  startServer,
  unseen,
  type Journey,
  type KabinetServer,
} from './harness.js';

describe('the web shell', () => {
  let server: KabinetServer;
  let browser: Browser;
  let journey: Journey | undefined;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    const errors = journey?.errors ?? [];
    await journey?.close();
    journey = undefined;
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('loads in Russian and switches to English and back, with <html lang> following', async () => {
    journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Основная навигация' });
    await seen(nav.getByRole('link', { name: 'Главная' }));
    await seen(nav.getByRole('link', { name: 'Обращения' }));
    await seen(nav.getByRole('link', { name: 'База знаний' }));
    await seen(page.getByRole('link', { name: 'Войти' }));
    expect(await page.getAttribute('html', 'lang')).toBe('ru');

    await page.getByRole('button', { name: /^Язык интерфейса/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    const enNav = page.getByRole('navigation', { name: 'Main navigation' });
    await seen(enNav.getByRole('link', { name: 'Home' }));
    await seen(enNav.getByRole('link', { name: 'Tickets' }));
    await seen(enNav.getByRole('link', { name: 'Knowledge base' }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // The choice survives a reload.
    await page.reload();
    await seen(page.getByRole('navigation', { name: 'Main navigation' }));
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.getByRole('button', { name: /^Interface language/ }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await seen(nav.getByRole('link', { name: 'Главная' }));
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
  });

  it('offers a skip link first and opens a section from the navigation', async () => {
    journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    await page.goto('/');
    await seen(page.getByRole('link', { name: 'Главная' }));
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Перейти к основному содержимому');

    await page.getByRole('link', { name: 'База знаний' }).click();
    await seen(page.getByRole('heading', { name: 'База знаний', level: 1 }));
    expect(await page.title()).toBe('База знаний — Личный кабинет');
  });

  it('sends a guest who opens a protected page to sign in, remembering where they were', async () => {
    journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    await page.goto('/tickets');
    await page.waitForURL((url) => url.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/tickets');
    await seen(page.getByRole('heading', { name: 'Вход' }));
  });

  it('opens the navigation from the burger menu at 360 px without horizontal scrolling', async () => {
    journey = await openJourney(browser, server.baseUrl, {
      viewport: { width: 360, height: 740 },
    });
    const { page } = journey;
    await page.goto('/');
    const burger = page.getByRole('button', { name: 'Открыть меню' });
    await seen(burger);
    const kbLink = page.getByRole('link', { name: 'База знаний' });
    await unseen(kbLink);

    await burger.click();
    await seen(kbLink);
    expect(
      await page.getByRole('button', { name: 'Закрыть меню' }).getAttribute('aria-expanded'),
    ).toBe('true');
    await kbLink.click();
    await seen(page.getByRole('heading', { name: 'База знаний', level: 1 }));
    await unseen(kbLink);

    // A string, because test files are type-checked without DOM types.
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(Number(overflow)).toBeLessThanOrEqual(0);
  });
});

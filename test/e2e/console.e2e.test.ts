import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createOwner,
  launchBrowser,
  openJourney,
  seen,
  signIn,
  startServer,
  type KabinetServer,
  type Owner,
} from './harness.js';

describe('the staff console', () => {
  let server: KabinetServer;
  let browser: Browser;
  let owner: Owner;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const setup = await openJourney(browser, server.baseUrl);
    owner = await createOwner(setup, server);
    const errors = [...setup.errors];
    await setup.close();
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('lists outbox emails and opens one with its text and sandboxed HTML', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    // The email's HTML is untrusted and shown with sandbox="": if it carries scripts or
    // remote images, Chromium reports blocking them from inside the frame. That is the
    // sandbox and CSP working, not an error of the app.
    journey.expectConsoleError({
      text: /sandboxed|Content Security Policy/,
      url: /^about:srcdoc$/,
    });
    await signIn(journey, owner, '/console');

    const nav = page.getByRole('navigation', { name: 'Основная навигация' });
    await nav.getByRole('link', { name: 'Почта' }).click();
    await seen(page.getByRole('heading', { name: 'Почта', level: 1 }));

    // The welcome email is written by a background job; give it a few refreshes.
    const firstEmail = page.getByRole('listitem').getByRole('link').first();
    for (let attempt = 0; attempt < 20 && !(await firstEmail.isVisible()); attempt++) {
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: 'Обновить' }).click();
    }
    await seen(firstEmail);
    const subject = (await firstEmail.textContent()) ?? '';
    expect(subject.length).toBeGreaterThan(0);

    await firstEmail.click();
    await seen(page.getByRole('heading', { name: subject, level: 1 }));
    await seen(page.getByRole('tab', { name: 'Текст' }));
    await page.getByRole('tab', { name: 'HTML' }).click();
    const frame = page.locator('iframe.email-frame');
    await seen(frame);
    expect(await frame.getAttribute('sandbox')).toBe('');
    expect((await frame.getAttribute('srcdoc'))?.length ?? 0).toBeGreaterThan(0);

    await page.getByRole('link', { name: /Ко всем письмам/ }).click();
    await seen(page.getByRole('heading', { name: 'Почта', level: 1 }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('shows the failed jobs page', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    await signIn(journey, owner, '/console/jobs');
    await seen(page.getByRole('heading', { name: 'Задания', level: 1 }));
    await seen(
      page
        .getByText('Неудачных заданий нет.')
        .or(page.getByRole('button', { name: /^Повторить задание/ })),
    );

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });
});

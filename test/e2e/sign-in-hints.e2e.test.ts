import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activateAccount,
  closeConsole,
  LOGIN_FIELD,
  openAccessByCli,
  openConsole,
  openJourney,
  seen,
  unseen,
  type Journey,
  type KabinetServer,
} from './harness.js';

const PASSWORD = 'сова сидит на ветке';

/**
 * Sign-in hints and defences. This file has its own server because the captcha is required
 * per client address, and every browser here comes from 127.0.0.1: once the address has
 * failed five times, every later sign-in on the server needs the captcha.
 */
describe('sign-in hints: Caps Lock, captcha after repeated failures, lockout', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('says «Включён Caps Lock» while Caps Lock is on, in the login and the password field', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    await page.goto('/signin');
    const hint = page.getByText('Включён Caps Lock');
    // Headless Chromium keeps no Caps Lock state (Playwright's CapsLock key is only a key
    // press), so the key events carry the modifier themselves, as a real keyboard's do.
    const key = (on: boolean) => ({ key: on ? 'A' : 'a', code: 'KeyA', modifierCapsLock: on });

    const password = page.getByRole('textbox', { name: 'Пароль', exact: true });
    await password.focus();
    await password.dispatchEvent('keydown', key(true));
    await seen(hint);
    expect(await password.getAttribute('aria-describedby')).toBeTruthy();
    await password.dispatchEvent('keyup', key(false));
    await unseen(hint);

    const login = page.getByRole('textbox', { name: LOGIN_FIELD });
    await login.focus();
    await login.dispatchEvent('keydown', key(true));
    await seen(hint);
    await login.dispatchEvent('keydown', key(false));
    await unseen(hint);

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('after five wrong passwords from one browser shows the captcha, which solves itself', async () => {
    const email = 'nadya@school.example';
    const journey = await openJourney(browser, server.baseUrl);
    await activateAccount(
      journey,
      await openAccessByCli(server, email, 'Надежда Громова'),
      PASSWORD,
    );
    journey.expectHttpError(401, /\/api\/auth\/sign-in$/);
    journey.expectHttpError(400, /\/api\/auth\/sign-in$/);
    const { page } = journey;
    await page.goto('/signin');
    const login = page.getByRole('textbox', { name: LOGIN_FIELD });
    const password = page.getByRole('textbox', { name: 'Пароль', exact: true });
    const submit = page.getByRole('button', { name: 'Войти' }).last();
    const widget = page.locator('altcha-widget');

    for (const guess of ['anna', 'boris', 'vera', 'gleb']) {
      await login.fill(`${guess}@school.example`);
      await password.fill('угадать не получится');
      await submit.click();
      await seen(page.getByText('Неверный логин или пароль.'));
      expect(await widget.count()).toBe(0);
      // The next attempt starts from a clean form, so each error is a fresh one.
      await page.reload();
    }
    // The fifth failure brings the captcha at once: no attempt is refused for lacking it.
    await login.fill('dina@school.example');
    await password.fill('угадать не получится');
    await submit.click();
    await seen(page.getByText('Неверный логин или пароль.'));
    await seen(page.getByText('Подтвердите, что вы не робот: проверка пройдёт автоматически'));
    await seen(widget);

    await login.fill(email);
    await password.fill(PASSWORD);
    // Proof of work runs in the browser without a click; the button waits for it.
    await seen(widget.getByText('Проверено'));
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();
    await seen(page.getByRole('heading', { name: 'Здравствуйте, Надежда Громова!' }));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('after ten wrong passwords for one login says when to try again', async () => {
    const email = 'kirill@school.example';
    const journey = await openJourney(browser, server.baseUrl);
    await activateAccount(journey, await openAccessByCli(server, email, 'Кирилл Белов'), PASSWORD);
    journey.expectHttpError(401, /\/api\/auth\/sign-in$/);
    journey.expectHttpError(400, /\/api\/auth\/sign-in$/);
    journey.expectHttpError(429, /\/api\/auth\/sign-in$/);
    const { page } = journey;
    await page.goto('/signin');
    const password = page.getByRole('textbox', { name: 'Пароль', exact: true });
    const submit = page.getByRole('button', { name: 'Войти' }).last();
    const widget = page.locator('altcha-widget');
    await page.getByRole('textbox', { name: LOGIN_FIELD }).fill(email);

    // The address has failed before (the previous journey), so every attempt needs the
    // captcha: the first one is refused for it, then each solves itself before the next.
    await password.fill('первая неудачная попытка');
    await submit.click();
    await seen(page.getByText('Подтвердите, что вы не робот.', { exact: true }));
    for (let attempt = 1; attempt <= 10; attempt++) {
      await seen(widget.getByText('Проверено'));
      await password.fill(`неудачная попытка номер ${String(attempt)}`);
      await submit.click();
      await seen(page.getByText('Неверный логин или пароль.'));
      await unseen(widget.getByText('Проверено'));
    }

    await seen(widget.getByText('Проверено'));
    await password.fill(PASSWORD);
    await submit.click();
    await seen(page.getByText('Слишком много неудачных попыток. Попробуйте через 1 минуту.'));
    await seen(
      page.getByRole('link', { name: 'Восстановить пароль — это снимет ограничение сразу' }),
    );

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });
});

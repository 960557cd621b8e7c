import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { closeConsole, openConsole, seen, type Journey, type KabinetServer } from './harness.js';

describe('console: the working-day calendar', () => {
  let server: KabinetServer;
  let browser: Browser;
  let staff: Journey;

  beforeAll(async () => {
    ({ server, browser, staff } = await openConsole());
  });

  afterAll(() => closeConsole({ server, browser, staff }));

  it('shows the official 2026 calendar, lets the owner mark a day off and restore it', async () => {
    const { page } = staff;
    await page.goto('/console/calendar');
    await seen(page.getByRole('heading', { name: 'Производственный календарь', level: 1 }));
    // The page opens on the current year (2026 on the test clock of this machine or later):
    // step to 2026 explicitly so the assertions hold whatever the date.
    const yearHeading = page.getByRole('heading', { name: /^\d{4}$/ });
    for (let guard = 0; guard < 20; guard++) {
      const shown = Number(await yearHeading.textContent());
      if (shown === 2026) break;
      await page
        .getByRole('button', { name: shown > 2026 ? 'Предыдущий год' : 'Следующий год' })
        .click();
      await seen(page.getByRole('heading', { name: String(shown > 2026 ? shown - 1 : shown + 1) }));
    }
    await seen(page.getByText(/1466/));
    await seen(page.getByText('247 рабочих дней'));
    await seen(
      page.getByRole('button', { name: /^4 ноября 2026 г\., выходной, День народного единства/ }),
    );
    await seen(page.getByRole('button', { name: /^3 ноября 2026 г\., сокращённый день/ }));

    await page.getByRole('button', { name: /^5 ноября 2026 г\., рабочий день/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'выходной' }).check();
    await dialog.getByRole('textbox', { name: 'Комментарий' }).fill('Санитарный день');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await seen(
      page.getByRole('button', {
        name: /^5 ноября 2026 г\., выходной, изменён вручную, Санитарный день/,
      }),
    );
    await seen(page.getByText('246 рабочих дней'));

    await page.getByRole('button', { name: /^5 ноября 2026 г\., выходной/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Вернуть как в календаре' }).click();
    await seen(page.getByRole('button', { name: /^5 ноября 2026 г\., рабочий день$/ }));
  });

  it('warns when a year has no official data', async () => {
    const { page } = staff;
    await page.goto('/console/calendar');
    for (let guard = 0; guard < 10; guard++) {
      if (await page.getByRole('heading', { name: 'Нет данных на этот год' }).isVisible()) break;
      await page.getByRole('button', { name: 'Следующий год' }).click();
    }
    await seen(page.getByText(/рабочими считаются понедельник–пятница/));
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  launchBrowser,
  openJourney,
  seen,
  startServer,
  unseen,
  type KabinetServer,
} from './harness.js';

/** What a list says while TanStack Query waits for the network. */
const OFFLINE_WAITING = 'Эти данные загрузятся, когда восстановится соединение.';

const ZManifest = z.object({
  name: z.string(),
  short_name: z.string(),
  start_url: z.string(),
  display: z.string(),
  theme_color: z.string(),
  icons: z.array(z.object({ src: z.string(), sizes: z.string(), purpose: z.string().optional() })),
});

describe('the installable app', () => {
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

  it('links a fetchable manifest with real PNG icons', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    const { page } = journey;
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const response = await page.request.get(href ?? '');
    expect(response.status()).toBe(200);
    const manifest = ZManifest.parse(await response.json());
    expect(manifest.name).toBe('Личный кабинет');
    expect(manifest.display).toBe('standalone');
    const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(sizes).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
    );
    for (const icon of manifest.icons) {
      const image = await page.request.get(icon.src);
      expect(image.status()).toBe(200);
      const bytes = await image.body();
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    }
    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });

  it('is controlled by the service worker and still opens offline, saying so', async () => {
    const journey = await openJourney(browser, server.baseUrl);
    const { page, context } = journey;
    await page.goto('/');
    await seen(page.getByRole('link', { name: 'Главная' }));
    // Test files are type-checked without DOM types, hence page functions as strings.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await unseen(page.getByText(/Нет соединения с интернетом/));

    await context.setOffline(true);
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await seen(page.getByRole('navigation', { name: 'Основная навигация' }));
    await seen(page.getByText(/Нет соединения с интернетом/));

    // Client-side navigation keeps working from the cached shell; data waits for the network.
    await page.getByRole('link', { name: 'База знаний' }).click();
    await seen(page.getByRole('heading', { name: 'База знаний', level: 1 }));
    await seen(page.getByText(OFFLINE_WAITING).first());

    await context.setOffline(false);
    await unseen(page.getByText(/Нет соединения с интернетом/));

    const errors = [...journey.errors];
    await journey.close();
    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPushEndpoint,
  type PushEndpoint,
  type TestPushSubscription,
} from '../helpers/push-endpoint.js';
import {
  activateAccount,
  closeConsole,
  openAccessByCli,
  openConsole,
  openJourney,
  seen,
  signIn,
  type Console,
  type Journey,
} from './harness.js';
import { api, isoDate } from './helpdesk-harness.js';
import {
  fakePushManager,
  IPHONE_SAFARI,
  seedEndingSubscription,
  serviceWorkerRegistrationId,
} from './notifications-harness.js';

// A parent turns push on in Settings → Уведомления and receives «Абонемент заканчивается» when
// `kabinet jobs run notify.subscriptions-ending --now …` runs. Headless Chromium has no push
// service, so the page's PushManager hands out a subscription of the local push endpoint
// (test/helpers/push-endpoint.ts), which checks VAPID and decrypts what the server sends; the
// decrypted message is then delivered to the page's real service worker through CDP.

const PARENT = { email: 'olga@family.example', password: 'зелёный кит плывёт домой' };
const STUDENT = 'Маша Иванова';
const SETTINGS = '/settings/notifications';
const ENABLED = 'Push-уведомления на этом устройстве включены.';

describe('web push: the «ending» notification reaches the parent’s device', () => {
  let c: Console;
  let parent: Journey;
  let push: PushEndpoint;
  let device: TestPushSubscription;

  beforeAll(async () => {
    c = await openConsole();
    const { server, browser, staff } = c;
    const { publicKey } = await api<{ publicKey: string }>(
      staff,
      'GET',
      '/api/notifications/vapid-public-key',
    );
    push = await startPushEndpoint({ vapidPublicKey: publicKey });
    device = push.createSubscription();
    parent = await openJourney(browser, server.baseUrl);
    await parent.context.grantPermissions(['notifications'], { origin: server.baseUrl });
    await parent.context.addInitScript(fakePushManager(device.json));
    const activation = await openAccessByCli(server, PARENT.email, 'Ольга Иванова');
    await activateAccount(parent, activation, PARENT.password);
    await seedEndingSubscription(staff, { student: STUDENT, parentEmail: PARENT.email });
    await signIn(parent, PARENT, '/');
  });

  afterAll(async () => {
    await parent.close();
    await push.close();
    await closeConsole(c);
  });

  it('asks for permission only on «Включить уведомления» and registers this device', async () => {
    const { page } = parent;
    await page.goto(SETTINGS);
    await seen(page.getByRole('heading', { name: 'Уведомления', level: 2 }));
    const enable = page.getByRole('button', { name: 'Включить уведомления' });
    await seen(enable);
    await seen(page.getByText('Пока push-уведомления не включены ни на одном устройстве'));
    expect(await page.evaluate('window.__push.permissionRequests')).toBe(0);

    await enable.click();
    await seen(page.getByRole('status').getByText(ENABLED));
    await seen(page.getByText('Устройств с включёнными push-уведомлениями: 1.'));
    expect(await page.evaluate('window.__push.permissionRequests')).toBe(1);
    const { publicKey } = await api<{ publicKey: string }>(
      parent,
      'GET',
      '/api/notifications/vapid-public-key',
    );
    expect(await page.evaluate('window.__push.subscribeCalls')).toEqual([
      { userVisibleOnly: true, serverKey: publicKey },
    ]);
    await seen(page.getByRole('button', { name: 'Отключить на этом устройстве' }));

    await page.getByRole('button', { name: 'Отправить тестовое уведомление' }).click();
    await seen(page.getByText(/Тестовое уведомление отправлено/));
    const test = await push.waitForMessage(device.id, (m) => m.payload.type === 'test', 30_000);
    expect(test.payload).toMatchObject({ title: 'Проверка уведомлений' });

    await page.reload();
    await seen(page.getByText(ENABLED));
    expect(await page.evaluate('window.__push.permissionRequests')).toBe(0);
    expect(parent.errors).toEqual([]);
  });

  it('receives «Абонемент заканчивается» when the job runs with --now, and shows it', async () => {
    const { page, context } = parent;
    // Noon in Moscow: outside quiet hours, so the notification goes at once.
    await c.server.cli(
      'jobs',
      'run',
      'notify.subscriptions-ending',
      '--now',
      `${isoDate(0)}T09:00:00Z`,
    );
    const message = await push.waitForMessage(
      device.id,
      (m) => m.payload.type === 'subscription_ending',
      30_000,
    );
    expect(push.rejections).toEqual([]);
    expect(message.payload).toMatchObject({
      title: 'Абонемент заканчивается',
      body: `Абонемент «2 занятия» (${STUDENT}) заканчивается: осталось 2 занятия`,
    });
    expect(message.vapid.aud).toBe(push.origin);
    expect(message.topic).toMatch(/^sub-/);

    const cdp = await context.newCDPSession(page);
    const registrationId = await serviceWorkerRegistrationId(cdp, `${c.server.baseUrl}/`);
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: c.server.baseUrl,
      registrationId,
      data: JSON.stringify(message.payload),
    });
    const shown = () =>
      page.evaluate(
        `navigator.serviceWorker.ready
          .then((registration) => registration.getNotifications())
          .then((list) => list.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data.url })))`,
      );
    await expect.poll(shown, { timeout: 10_000 }).toEqual([
      {
        title: 'Абонемент заканчивается',
        body: `Абонемент «2 занятия» (${STUDENT}) заканчивается: осталось 2 занятия`,
        tag: message.payload.tag,
        url: message.payload.url,
      },
    ]);
    await cdp.detach();

    // The same run again is a no-op: one notification per subscription and threshold.
    await c.server.cli(
      'jobs',
      'run',
      'notify.subscriptions-ending',
      '--now',
      `${isoDate(0)}T10:00:00Z`,
    );
    await page.goto(SETTINGS);
    const log = page.getByRole('table', { name: 'Журнал уведомлений' });
    await seen(log.getByText(`Абонемент «2 занятия» (${STUDENT}) заканчивается`));
    await expect
      .poll(() => log.getByRole('row', { name: /Абонемент заканчивается/ }).count())
      .toBe(1);
    expect(parent.errors).toEqual([]);
  });

  it('saves a preference switch at once and keeps it after a reload', async () => {
    const { page } = parent;
    await page.goto(SETTINGS);
    const email = page.getByRole('switch', { name: 'Новый долг: Email' });
    const replyPush = page.getByRole('switch', { name: 'Ответ по обращению: Push' });
    await seen(email);
    expect(await email.isChecked()).toBe(true);
    expect(await replyPush.isChecked()).toBe(true);
    // The switches are operated from the keyboard, as the grid promises.
    await email.press('Space');
    await seen(page.getByText('Настройки уведомлений сохранены.'));
    await replyPush.press('Space');
    await expect.poll(() => replyPush.isChecked()).toBe(false);
    await seen(page.getByText('Тихие часы'));
    await seen(page.getByText(/С 21:00 до 09:00/));

    await page.reload();
    await seen(email);
    expect(await email.isChecked()).toBe(false);
    expect(await replyPush.isChecked()).toBe(false);
    expect(
      await page.getByRole('switch', { name: 'Абонемент заканчивается: Push' }).isChecked(),
    ).toBe(true);
    expect(parent.errors).toEqual([]);
  });

  it('turns push off on this device', async () => {
    const { page } = parent;
    await page.goto(SETTINGS);
    await page.getByRole('button', { name: 'Отключить на этом устройстве' }).click();
    await seen(
      page.getByRole('status').getByText('Push-уведомления на этом устройстве отключены.'),
    );
    await seen(page.getByRole('button', { name: 'Включить уведомления' }));
    await seen(page.getByText('Пока push-уведомления не включены ни на одном устройстве'));
    const settings = await api<{ pushSubscriptionCount: number }>(
      parent,
      'GET',
      '/api/notifications/preferences',
    );
    expect(settings.pushSubscriptionCount).toBe(0);
    expect(parent.errors).toEqual([]);
  });

  it('explains a browser block and, on an iPhone, the Home Screen', async () => {
    const iphone = await c.browser.newContext({
      baseURL: c.server.baseUrl,
      locale: 'ru-RU',
      userAgent: IPHONE_SAFARI,
      viewport: { width: 390, height: 844 },
    });
    const page = await iphone.newPage();
    const journey: Journey = { ...parent, context: iphone, page, errors: [] };
    // What «Блокировать» in the browser's prompt or site settings leaves behind.
    const cdp = await iphone.newCDPSession(page);
    const { targetInfo } = await cdp.send('Target.getTargetInfo');
    await cdp.send('Browser.setPermission', {
      permission: { name: 'notifications' },
      setting: 'denied',
      origin: c.server.baseUrl,
      ...(targetInfo.browserContextId ? { browserContextId: targetInfo.browserContextId } : {}),
    });
    await signIn(journey, PARENT, SETTINGS);
    expect(await page.evaluate('Notification.permission')).toBe('denied');
    await seen(page.getByText('iPhone и iPad: сначала добавьте кабинет на экран «Домой»'));
    await seen(page.getByText(/«Поделиться».*«На экран „Домой“»/));
    await seen(page.getByText('Браузер запретил уведомления для этого сайта'));
    await seen(page.getByText(/Чтобы разрешить:/));
    expect(await page.getByRole('button', { name: 'Включить уведомления' }).count()).toBe(0);
    await iphone.close();
  });

  it('shows staff the parent’s log from the account page', async () => {
    const { page } = c.staff;
    await page.goto('/console/notifications');
    await page.getByRole('searchbox', { name: 'Найти человека' }).fill('Ольга');
    await page.getByRole('link', { name: 'Ольга Иванова' }).click();
    await seen(page.getByRole('heading', { name: 'Уведомления: Ольга Иванова' }));
    const row = page.getByRole('row', { name: /Абонемент заканчивается/ });
    await seen(row.getByText('Доставлено'));
    await seen(row.getByText(/Push · доставлено/));

    await page.getByRole('link', { name: 'Учётная запись' }).click();
    await seen(page.getByRole('heading', { name: 'Ольга Иванова', level: 1 }));
    await page.getByRole('link', { name: 'Журнал уведомлений' }).click();
    await seen(page.getByRole('heading', { name: 'Уведомления: Ольга Иванова' }));
    expect(c.staff.errors).toEqual([]);
  });
});

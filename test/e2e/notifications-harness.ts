import { randomUUID } from 'node:crypto';
import type { CDPSession } from 'playwright-core';
import type { TestPushSubscription } from '../helpers/push-endpoint.js';
import type { Journey } from './harness.js';
import { api, isoDate } from './helpdesk-harness.js';

// Helpers of the notification journeys: a PushManager that hands out a subscription of the local
// push endpoint (headless Chromium has no push service), the seed of an ending subscription, and
// the service worker registration id that CDP delivers push messages to.

type Id = { id: string };

/** Safari on an iPhone, browsing the site (not opened from the Home Screen). */
export const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/**
 * Replaces PushManager in the page with one that hands out `device` (shaped like a real
 * PushSubscription, kept in localStorage across reloads), and counts permission prompts. A string,
 * because test files are type-checked without DOM types.
 */
export function fakePushManager(device: TestPushSubscription['json']): string {
  return String.raw`(() => {
    const device = ${JSON.stringify(device)};
    const STORE = 'test.fake-push-subscription';
    const bytes = (text) => {
      const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
      const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
      return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
    };
    const base64url = (view) =>
      btoa(String.fromCharCode(...view)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
    const subscription = (serverKey) => ({
      endpoint: device.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: bytes(serverKey) },
      getKey: (name) => bytes(name === 'p256dh' ? device.keys.p256dh : device.keys.auth),
      toJSON: () => ({ endpoint: device.endpoint, expirationTime: null, keys: { ...device.keys } }),
      unsubscribe: async () => {
        localStorage.removeItem(STORE);
        return true;
      },
    });
    window.__push = { subscribeCalls: [], permissionRequests: 0 };
    PushManager.prototype.subscribe = async function (options) {
      const key = options.applicationServerKey;
      const view = ArrayBuffer.isView(key)
        ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength)
        : new Uint8Array(key);
      const serverKey = typeof key === 'string' ? key : base64url(view);
      window.__push.subscribeCalls.push({ userVisibleOnly: options.userVisibleOnly, serverKey });
      localStorage.setItem(STORE, serverKey);
      return subscription(serverKey);
    };
    PushManager.prototype.getSubscription = async function () {
      const serverKey = localStorage.getItem(STORE);
      return serverKey ? subscription(serverKey) : null;
    };
    PushManager.prototype.permissionState = async function () {
      return Notification.permission === 'default' ? 'prompt' : Notification.permission;
    };
    const ask = Notification.requestPermission.bind(Notification);
    Notification.requestPermission = (...args) => {
      window.__push.permissionRequests += 1;
      return ask(...args);
    };
  })();`;
}

/**
 * Staff build a student with a 2-lesson subscription bought today (at the «≤ 2 lessons» threshold
 * of «Заканчиваются абонементы») and link the parent's account to the student.
 */
export async function seedEndingSubscription(
  staff: Journey,
  names: { student: string; parentEmail: string },
): Promise<void> {
  const post = <T>(path: string, body: unknown) => api<T>(staff, 'POST', path, body);
  const course = await post<Id>('/api/staff/classes/courses', { name: 'Английский' });
  const group = await post<Id>('/api/staff/classes/groups', {
    courseId: course.id,
    name: 'Английский, группа 1',
    lessonPriceKopecks: 50_000,
  });
  const student = await post<Id>('/api/staff/classes/students', { fullName: names.student });
  await post(`/api/staff/classes/students/${student.id}/accounts`, { email: names.parentEmail });
  await post('/api/staff/classes/enrollments', {
    studentId: student.id,
    groupId: group.id,
    startsOn: isoDate(-7),
  });
  const type = await post<Id>('/api/staff/billing/subscription-types', {
    name: '2 занятия',
    lessonsCount: 2,
    validityDays: 30,
    priceKopecks: 100_000,
    coversAllGroups: true,
  });
  await post('/api/staff/billing/subscriptions', {
    studentId: student.id,
    typeId: type.id,
    beginsOn: isoDate(0),
    payment: { kind: 'money', amountKopecks: 100_000, method: 'cash' },
    idempotencyKey: randomUUID(),
  });
}

/** The id of the portal's service worker registration, as DevTools knows it. */
export async function serviceWorkerRegistrationId(cdp: CDPSession, scope: string): Promise<string> {
  const found = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const registration = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
      if (registration) resolve(registration.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return found;
}

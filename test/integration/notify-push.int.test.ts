import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/shared/money.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { notifyPerson } from '../../src/server/modules/notify/push/index.js';
import { notificationSettings, pushSubscriptions } from '../../src/server/schema.js';
import type {
  NotificationListResponse,
  NotificationPreferencesResponse,
} from '../../src/shared/contracts/notifications.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createSignedInStaff, eventually } from '../helpers/factories.js';
import { startPushEndpoint, type PushEndpoint } from '../helpers/push-endpoint.js';
import {
  deliveriesOf,
  deliverPending,
  emailsTo,
  notificationsOf,
  signedInCustomer,
  subscribeDevice,
} from './notify-support.js';

// Noon in Moscow: outside the default quiet hours (21:00–09:00).
const MIDDAY = new Date('2026-11-20T09:00:00Z');

describe('web push: subscriptions, delivery and the log', () => {
  let t: TestApp;
  let push: PushEndpoint;
  beforeAll(async () => {
    // Job handlers run: notifications travel through the real `notify.deliver` job.
    t = await createTestApp({ work: true });
    push = await startPushEndpoint({ vapidPublicKey: t.ctx.secrets.vapid.publicKey });
  });
  afterAll(async () => {
    await push.close();
    await t.close();
  });

  const ended = (organizationId: string, userId: string, dedupeKey?: string) =>
    t.ctx.db.transaction((tx) =>
      notifyPerson(t.ctx, tx, {
        organizationId,
        userId,
        type: 'subscription_ended',
        ...(dedupeKey ? { dedupeKey } : {}),
        topic: 'sub-1234abcd',
        params: { subscriptionName: '8 занятий', studentName: 'Миша' },
        url: '/cabinet/subscriptions',
        now: MIDDAY,
      }),
    );

  it('serves the VAPID public key the pushes are signed with', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/notifications/vapid-public-key',
      headers: { host: organization.hostnames[0] ?? '' },
    });
    expect(response.json()).toEqual({ publicKey: t.ctx.secrets.vapid.publicKey });
  });

  it('delivers a test push that the device decrypts, signed with a valid VAPID token', async () => {
    const organization = await createOrganization(t.ctx);
    const { headers } = await signedInCustomer(t, organization, { locale: 'en' });
    const device = await subscribeDevice(t, headers, push);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/test',
      headers,
    });
    expect(response.statusCode).toBe(202);
    const message = await push.waitForMessage(device.id);
    expect(message.payload).toMatchObject({
      id: response.json<{ notificationId: string }>().notificationId,
      type: 'test',
      title: 'Test notification',
      url: '/settings/notifications',
    });
    expect(message.urgency).toBe('high');
    expect(message.ttl).toBe(86_400);
    expect(message.vapid).toMatchObject({ aud: push.origin, sub: t.ctx.config.vapidSubject });
    expect(push.rejections.filter((r) => r.subscriptionId === device.id)).toEqual([]);
  });

  it('sends a notification in the person’s language with its topic, and logs the delivery', async () => {
    const organization = await createOrganization(t.ctx);
    const { user, headers } = await signedInCustomer(t, organization);
    const device = await subscribeDevice(t, headers, push);
    await ended(organization.id, user.id);
    const message = await push.waitForMessage(device.id);
    expect(message.payload).toMatchObject({
      type: 'subscription_ended',
      title: 'Абонемент закончился',
      url: '/cabinet/subscriptions',
      tag: 'sub-1234abcd',
    });
    expect(String(message.payload.body)).toContain('Абонемент «8 занятий» (Миша) закончился');
    expect(message).toMatchObject({ topic: 'sub-1234abcd', urgency: 'normal' });

    const log = await eventually(async () => {
      const page = (
        await t.app.inject({ method: 'GET', url: '/api/notifications', headers })
      ).json<NotificationListResponse>();
      return page.notifications[0]?.status === 'sent' ? page : undefined;
    });
    expect(log.notifications[0]?.deliveries).toEqual([
      expect.objectContaining({
        channel: 'push',
        status: 'sent',
        httpStatus: 201,
        device: 'Test browser',
      }),
    ]);
    // No email while a device takes the push.
    expect(await emailsTo(t.ctx, user.email)).toEqual([]);
  });

  it('shows staff the log of a person, failures included, and keeps it from other staff roles', async () => {
    const { organization, headers: staff } = await createSignedInStaff(t.app, t.ctx);
    const { user, headers } = await signedInCustomer(t, organization);
    const device = await subscribeDevice(t, headers, push);
    push.respondWith(device.id, 500);
    const written = await ended(organization.id, user.id);
    await eventually(async () => {
      const rows = await deliveriesOf(t.ctx, written?.id ?? '');
      return rows.some((row) => row.status === 'failed') ? rows : undefined;
    });
    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/staff/notifications?userId=${user.id}`,
        headers: staff,
      })
    ).json<NotificationListResponse>();
    expect(page.notifications[0]?.deliveries[0]).toMatchObject({
      channel: 'push',
      status: 'failed',
      httpStatus: 500,
    });
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/staff/notifications?userId=${user.id}`,
      headers,
    });
    expect(own.statusCode).toBe(403);
    push.respondWith(device.id, null);
  });

  it('refuses endpoints that are not push services and forgets only one’s own devices', async () => {
    const organization = await createOrganization(t.ctx);
    const { headers } = await signedInCustomer(t, organization);
    const other = await signedInCustomer(t, organization);
    const keys = push.createSubscription().json.keys;
    for (const endpoint of ['https://10.0.0.7/push', 'http://push.example.com/x']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/notifications/push-subscriptions',
        headers,
        payload: { endpoint, keys },
      });
      expect(response.json()).toMatchObject({ error: { code: 'push_endpoint_invalid' } });
    }
    const device = await subscribeDevice(t, headers, push);
    const foreign = await t.app.inject({
      method: 'DELETE',
      url: `/api/notifications/push-subscriptions/${device.serverId}`,
      headers: other.headers,
    });
    expect(foreign.statusCode).toBe(404);
    const mine = await t.app.inject({
      method: 'DELETE',
      url: `/api/notifications/push-subscriptions/${device.serverId}`,
      headers,
    });
    expect(mine.statusCode).toBe(204);
    const test = await t.app.inject({ method: 'POST', url: '/api/notifications/test', headers });
    expect(test.json()).toMatchObject({ error: { code: 'push_not_enabled' } });
  });

  it('keeps at most ten devices per person, forgetting the oldest', async () => {
    const organization = await createOrganization(t.ctx);
    const { user, headers } = await signedInCustomer(t, organization);
    const first = await subscribeDevice(t, headers, push);
    for (let n = 0; n < 10; n++) await subscribeDevice(t, headers, push);
    const rows = await t.ctx.db
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, user.id));
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.id)).not.toContain(first.serverId);
  });

  it('deletes a subscription the push service answers 410 for, and emails instead', async () => {
    const organization = await createOrganization(t.ctx);
    const { user, headers } = await signedInCustomer(t, organization);
    const device = await subscribeDevice(t, headers, push);
    push.respondWith(device.id, 410);
    const written = await ended(organization.id, user.id);
    const [mail] = await eventually(async () => {
      const emails = await emailsTo(t.ctx, user.email);
      return emails.length > 0 ? emails : undefined;
    });
    expect(mail?.subject).toContain('Абонемент закончился');
    expect(mail?.textBody).toContain('http://kabinet.test/cabinet/subscriptions');
    const left = await t.ctx.db
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.id, device.serverId));
    expect(left).toEqual([]);
    const deliveries = await deliveriesOf(t.ctx, written?.id ?? '');
    expect(deliveries.map((d) => [d.channel, d.status, d.httpStatus]).sort()).toEqual([
      ['email', 'sent', null],
      ['push', 'gone', 410],
    ]);
  });

  it('writes a notification once per dedupe key and person', async () => {
    const organization = await createOrganization(t.ctx);
    const { user } = await signedInCustomer(t, organization);
    const other = await signedInCustomer(t, organization);
    expect(await ended(organization.id, user.id, 'subscription_ended:x')).not.toBeNull();
    expect(await ended(organization.id, user.id, 'subscription_ended:x')).toBeNull();
    expect(await ended(organization.id, other.user.id, 'subscription_ended:x')).not.toBeNull();
    expect(await notificationsOf(t.ctx, user.id)).toHaveLength(1);
  });

  it('defers non-urgent notifications in quiet hours to 09:00 local time, not payment results', async () => {
    const organization = await createOrganization(t.ctx);
    const { user } = await signedInCustomer(t, organization);
    const lateEvening = new Date('2026-11-20T19:30:00Z'); // 22:30 in Moscow
    const written = await t.ctx.db.transaction((tx) =>
      notifyPerson(t.ctx, tx, {
        organizationId: organization.id,
        userId: user.id,
        type: 'new_debt',
        params: { studentName: 'Миша', lessonsInDebt: 1 },
        url: '/cabinet/due',
        now: lateEvening,
      }),
    );
    const urgent = await t.ctx.db.transaction((tx) =>
      notifyPerson(t.ctx, tx, {
        organizationId: organization.id,
        userId: user.id,
        type: 'payment_declined',
        params: { amountKopecks: 150_000, description: 'Абонемент «8 занятий»' },
        url: '/payments',
        now: lateEvening,
      }),
    );
    const rows = await notificationsOf(t.ctx, user.id);
    const deferred = rows.find((row) => row.id === written?.id);
    expect(deferred?.deliverAfter?.toISOString()).toBe('2026-11-21T06:00:00.000Z');
    expect(rows.find((row) => row.id === urgent?.id)).toMatchObject({
      urgent: true,
      deliverAfter: null,
    });
    const [job] = await rowsOf<{ startAfter: Date }>(
      t.ctx.db,
      sql`select start_after as "startAfter" from pgboss.job
          where name = 'notify.deliver' and singleton_key = ${written?.id ?? ''}`,
    );
    expect(new Date(job?.startAfter ?? 0).toISOString()).toBe('2026-11-21T06:00:00.000Z');

    // An organization's own quiet hours, in its own time zone.
    await t.ctx.db.insert(notificationSettings).values({
      organizationId: organization.id,
      quietFromMinutes: 23 * 60,
      quietToMinutes: 7 * 60,
    });
    const own = await t.ctx.db.transaction((tx) =>
      notifyPerson(t.ctx, tx, {
        organizationId: organization.id,
        userId: user.id,
        type: 'new_debt',
        params: { studentName: 'Миша', lessonsInDebt: 2 },
        url: '/cabinet/due',
        now: lateEvening,
      }),
    );
    expect(
      (await notificationsOf(t.ctx, user.id)).find((r) => r.id === own?.id)?.deliverAfter,
    ).toBeNull();
  });

  it('follows preferences: push off sends the email, both off skips the notification', async () => {
    const organization = await createOrganization(t.ctx);
    const { user, headers } = await signedInCustomer(t, organization);
    const device = await subscribeDevice(t, headers, push);
    const initial = (
      await t.app.inject({ method: 'GET', url: '/api/notifications/preferences', headers })
    ).json<NotificationPreferencesResponse>();
    expect(initial).toMatchObject({
      pushSubscriptionCount: 1,
      hasEmail: true,
      quietHours: { from: '21:00', to: '09:00', timeZone: 'Europe/Moscow' },
    });
    expect(initial.preferences).toContainEqual({
      type: 'subscription_ended',
      channel: 'email',
      enabled: true,
    });
    expect(initial.preferences).toContainEqual({
      type: 'ticket_answered',
      channel: 'email',
      enabled: false,
    });

    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers,
      payload: { preferences: [{ type: 'subscription_ended', channel: 'push', enabled: false }] },
    });
    expect(put.json<NotificationPreferencesResponse>().preferences).toContainEqual({
      type: 'subscription_ended',
      channel: 'push',
      enabled: false,
    });
    const first = await ended(organization.id, user.id);
    await eventually(async () => {
      const emails = await emailsTo(t.ctx, user.email);
      return emails.length === 1 ? emails : undefined;
    });
    expect(push.messages(device.id)).toEqual([]);

    await t.app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers,
      payload: { preferences: [{ type: 'subscription_ended', channel: 'email', enabled: false }] },
    });
    const second = await ended(organization.id, user.id);
    await eventually(async () => {
      const row = (await notificationsOf(t.ctx, user.id)).find((r) => r.id === second?.id);
      return row?.status === 'skipped' ? row : undefined;
    });
    expect(first).not.toBeNull();
    expect(await emailsTo(t.ctx, user.email)).toHaveLength(1);
    expect(push.messages(device.id)).toEqual([]);
  });
});

describe('web push: retries', () => {
  let t: TestApp;
  let push: PushEndpoint;
  beforeAll(async () => {
    // No job handlers: the test drives delivery attempts itself.
    t = await createTestApp();
    push = await startPushEndpoint({ vapidPublicKey: t.ctx.secrets.vapid.publicKey });
  });
  afterAll(async () => {
    await push.close();
    await t.close();
  });

  it('retries only the device that failed, and emails when the last attempt fails too', async () => {
    const organization = await createOrganization(t.ctx);
    const { user, headers } = await signedInCustomer(t, organization);
    const good = await subscribeDevice(t, headers, push);
    const flaky = await subscribeDevice(t, headers, push);
    push.respondWith(flaky.id, 503);
    await t.ctx.db.transaction((tx) =>
      notifyPerson(t.ctx, tx, {
        organizationId: organization.id,
        userId: user.id,
        type: 'new_debt',
        params: { studentName: 'Миша', lessonsInDebt: 1, debtKopecks: 50_000 },
        url: '/cabinet/due',
        now: MIDDAY,
      }),
    );
    await expect(deliverPending(t.ctx, user.id, false)).rejects.toThrow(/retrying/);
    push.respondWith(flaky.id, null);
    await deliverPending(t.ctx, user.id, false);
    expect(push.messages(good.id)).toHaveLength(1);
    expect(push.messages(flaky.id)).toHaveLength(1);
    const [sent] = await notificationsOf(t.ctx, user.id);
    expect(sent).toMatchObject({ status: 'sent' });
    expect(String(push.messages(good.id)[0]?.payload.body)).toContain(formatMoney(50_000));

    // A device that keeps failing: after the last attempt the email stands in.
    push.respondWith(good.id, 500);
    push.respondWith(flaky.id, 500);
    await t.ctx.db.transaction((tx) =>
      notifyPerson(t.ctx, tx, {
        organizationId: organization.id,
        userId: user.id,
        type: 'new_debt',
        params: { studentName: 'Миша', lessonsInDebt: 2 },
        url: '/cabinet/due',
        now: MIDDAY,
      }),
    );
    await deliverPending(t.ctx, user.id, true);
    expect(await emailsTo(t.ctx, user.email)).toHaveLength(1);
    const failures = await t.ctx.db
      .select({ failureCount: pushSubscriptions.failureCount })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, user.id));
    expect(failures.map((row) => row.failureCount)).toEqual([1, 1]);
  });

  it('delivers a claimed notification once even when two workers run it at the same time', async () => {
    const organization = await createOrganization(t.ctx);
    const { user, headers } = await signedInCustomer(t, organization);
    const device = await subscribeDevice(t, headers, push);
    await t.ctx.db.transaction((tx) =>
      notifyPerson(t.ctx, tx, {
        organizationId: organization.id,
        userId: user.id,
        type: 'subscription_ended',
        params: { subscriptionName: '8 занятий', studentName: 'Миша' },
        url: '/cabinet/subscriptions',
        now: MIDDAY,
      }),
    );
    await Promise.all([deliverPending(t.ctx, user.id), deliverPending(t.ctx, user.id)]);
    await deliverPending(t.ctx, user.id);
    expect(push.messages(device.id)).toHaveLength(1);
  });
});

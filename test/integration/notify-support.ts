import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../src/server/infra/context.js';
import { deliverNotification } from '../../src/server/modules/notify/push/deliver.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { mailOutbox, notificationDeliveries, notifications } from '../../src/server/schema.js';
import type { TestApp } from '../helpers/app.js';
import { createUser, signInAs } from '../helpers/factories.js';
import type { PushEndpoint, TestPushSubscription } from '../helpers/push-endpoint.js';

/** Shared steps of the notification suites (notify-*.int.test.ts). */

/** A customer of `organization`, signed in. */
export async function signedInCustomer(
  t: TestApp,
  organization: Organization,
  options: { locale?: 'ru' | 'en'; name?: string } = {},
) {
  const user = await createUser(t.ctx, organization, { role: null, ...options });
  const headers = await signInAs(t.app, organization, user.email);
  return { user, headers };
}

/** Registers a device of the local push service for the signed-in person, through the API. */
export async function subscribeDevice(
  t: TestApp,
  headers: { host: string; cookie: string },
  push: PushEndpoint,
): Promise<TestPushSubscription & { serverId: string }> {
  const device = push.createSubscription();
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/notifications/push-subscriptions',
    headers,
    payload: { ...device.json, userAgent: 'Test browser' },
  });
  if (response.statusCode !== 201) throw new Error(`subscribe failed: ${response.body}`);
  return { ...device, serverId: response.json<{ id: string }>().id };
}

/** Runs delivery of every pending notification of the person (as the job would). */
export async function deliverPending(
  ctx: AppContext,
  userId: string,
  isLastAttempt = true,
): Promise<void> {
  const pending = await ctx.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.status, 'pending')));
  for (const { id } of pending) {
    await deliverNotification(ctx, id, { isLastAttempt, log: ctx.log });
  }
}

/** The person's notifications, oldest first. */
export async function notificationsOf(ctx: AppContext, userId: string) {
  return (await ctx.db.select().from(notifications).where(eq(notifications.userId, userId))).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
}

export async function deliveriesOf(ctx: AppContext, notificationId: string) {
  return ctx.db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId));
}

/** Emails written to an address. */
export async function emailsTo(ctx: AppContext, address: string) {
  return ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, address));
}

import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  CreatePushSubscriptionRequest,
  NotificationPreference,
  NotificationPreferencesResponse,
} from '../../../../shared/contracts/notifications.js';
import { AppError } from '../../../infra/app-error.js';
import type { AppContext } from '../../../infra/context.js';
import { users } from '../../access/access.schema.js';
import { organizations } from '../../orgs/orgs.schema.js';
import { deliverNotificationJob } from './deliver.job.js';
import { insertNotification } from './notifications.repo.js';
import { readPreferences, writePreferences } from './preferences.js';
import { isAllowedPushEndpoint } from './push-endpoint-policy.js';
import {
  countPushSubscriptions,
  deleteOwnPushSubscription,
  upsertPushSubscription,
} from './push-subscriptions.repo.js';
import { notificationSettings, pushSubscriptions } from './push.schema.js';
import {
  DEFAULT_QUIET_FROM_MINUTES,
  DEFAULT_QUIET_TO_MINUTES,
  minutesToClock,
} from './quiet-hours.js';

/** The signed-in person in their organization. */
export interface Person {
  organizationId: string;
  userId: string;
}

/**
 * Devices one person keeps. Browsers rarely say when they drop a subscription, so instead of
 * refusing a new device the oldest ones beyond this are forgotten.
 */
export const MAX_DEVICES = 10;

/** Stores the browser's push subscription for the person (POST push-subscriptions). */
export async function subscribePush(
  ctx: AppContext,
  person: Person,
  request: CreatePushSubscriptionRequest,
) {
  if (!isAllowedPushEndpoint(request.endpoint, ctx.config.publicUrl)) {
    throw new AppError('push_endpoint_invalid');
  }
  return ctx.db.transaction(async (tx) => {
    const row = await upsertPushSubscription(tx, {
      ...person,
      endpoint: request.endpoint,
      p256dh: request.keys.p256dh,
      auth: request.keys.auth,
      userAgent: request.userAgent ?? null,
    });
    const beyondLimit = await tx
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.userId, person.userId))
      .orderBy(sql`${pushSubscriptions.id} = ${row.id} desc`, desc(pushSubscriptions.createdAt))
      .offset(MAX_DEVICES);
    if (beyondLimit.length > 0) {
      await tx.delete(pushSubscriptions).where(
        inArray(
          pushSubscriptions.id,
          beyondLimit.map((device) => device.id),
        ),
      );
    }
    return row;
  });
}

/** Forgets one of the person's devices; `not_found` for anyone else's. */
export async function unsubscribePush(ctx: AppContext, person: Person, id: string) {
  if (!(await deleteOwnPushSubscription(ctx.db, person.userId, id))) {
    throw new AppError('not_found');
  }
}

/** Preferences with the facts the settings page explains them with. */
export async function getPreferences(
  ctx: AppContext,
  person: Person,
): Promise<NotificationPreferencesResponse> {
  const [facts] = await ctx.db
    .select({
      email: users.email,
      timeZone: organizations.timezone,
      from: notificationSettings.quietFromMinutes,
      to: notificationSettings.quietToMinutes,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(notificationSettings, eq(notificationSettings.organizationId, users.organizationId))
    .where(and(eq(users.id, person.userId), eq(users.organizationId, person.organizationId)));
  if (!facts) throw new AppError('not_found');
  return {
    preferences: await readPreferences(ctx.db, person.userId),
    pushSubscriptionCount: await countPushSubscriptions(ctx.db, person.userId),
    hasEmail: facts.email !== null,
    quietHours: {
      from: minutesToClock(facts.from ?? DEFAULT_QUIET_FROM_MINUTES),
      to: minutesToClock(facts.to ?? DEFAULT_QUIET_TO_MINUTES),
      timeZone: facts.timeZone,
    },
  };
}

export async function updatePreferences(
  ctx: AppContext,
  person: Person,
  preferences: NotificationPreference[],
) {
  await writePreferences(ctx.db, person, preferences);
  return getPreferences(ctx, person);
}

/**
 * A push to every device of the person now, ignoring quiet hours (they asked for it): the
 * settings page's «Проверить». Logged like any notification.
 */
export async function sendTestNotification(ctx: AppContext, person: Person, locale: 'ru' | 'en') {
  if ((await countPushSubscriptions(ctx.db, person.userId)) === 0) {
    throw new AppError('push_not_enabled');
  }
  return ctx.db.transaction(async (tx) => {
    const row = await insertNotification(tx, {
      ...person,
      type: 'test',
      urgent: true,
      locale,
      title: locale === 'ru' ? 'Проверка уведомлений' : 'Test notification',
      body:
        locale === 'ru'
          ? 'Уведомления работают: так будут приходить напоминания об абонементах и оплатах.'
          : 'Notifications work: reminders about subscriptions and payments will look like this.',
      url: '/settings/notifications',
    });
    if (!row) throw new Error('a test notification has no dedupe key and cannot conflict');
    await ctx.queue.send(
      deliverNotificationJob,
      { notificationId: row.id, organizationId: person.organizationId },
      { tx, singletonKey: row.id },
    );
    return { notificationId: row.id };
  });
}

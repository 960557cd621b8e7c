import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { AppContext } from '../../../infra/context.js';
import { users } from '../../access/access.schema.js';
import { organizations } from '../../orgs/orgs.schema.js';
import { enqueueEmail } from '../outbox.service.js';
import {
  claimNotification,
  findDeliveries,
  insertDelivery,
  markNotification,
  type NotificationRow,
} from './notifications.repo.js';
import { channelsFor } from './preferences.js';
import { sendPush } from './push-sender.js';
import {
  deletePushSubscription,
  findPushSubscriptions,
  recordPushOutcome,
} from './push-subscriptions.repo.js';

// Longer than the worst case: every device of a person (at most MAX_DEVICES) timing out.
const DELIVERY_LEASE_SECONDS = 300;

/** Outcome of the push part of one attempt. */
interface PushRound {
  /** At least one device accepted the message (in this or an earlier attempt). */
  pushed: boolean;
  /** Devices that failed in a way worth retrying (5xx, 429, network). */
  retryable: number;
}

async function pushToDevices(
  ctx: AppContext,
  notification: NotificationRow,
  log: Logger,
): Promise<PushRound> {
  const earlier = await findDeliveries(ctx.db, notification.id);
  const done = new Set(
    earlier
      .filter((d) => d.channel === 'push' && d.status === 'sent')
      .map((d) => d.pushSubscriptionId),
  );
  let pushed = done.size > 0;
  let retryable = 0;
  for (const device of await findPushSubscriptions(ctx.db, notification.userId)) {
    if (done.has(device.id)) continue;
    const base = {
      organizationId: notification.organizationId,
      notificationId: notification.id,
      channel: 'push' as const,
      pushSubscriptionId: device.id,
      device: device.userAgent,
    };
    try {
      const result = await sendPush(
        ctx,
        device,
        {
          id: notification.id,
          type: notification.type,
          title: notification.title,
          body: notification.body,
          url: notification.url,
          tag: notification.topic,
        },
        { topic: notification.topic, urgent: notification.urgent },
      );
      if (result.status >= 200 && result.status < 300) {
        pushed = true;
        await insertDelivery(ctx.db, { ...base, status: 'sent', httpStatus: result.status });
        await recordPushOutcome(ctx.db, device.id, true);
      } else if (result.status === 404 || result.status === 410) {
        // The browser unsubscribed or the subscription expired: it will never work again.
        await insertDelivery(ctx.db, { ...base, status: 'gone', httpStatus: result.status });
        await deletePushSubscription(ctx.db, device.id);
      } else {
        retryable++;
        await insertDelivery(ctx.db, {
          ...base,
          status: 'failed',
          httpStatus: result.status,
          error: result.body || null,
        });
        await recordPushOutcome(ctx.db, device.id, false);
      }
    } catch (error) {
      retryable++;
      const reason = error instanceof Error ? error.message : String(error);
      log.warn({ err: error, subscriptionId: device.id }, 'push delivery failed');
      await insertDelivery(ctx.db, { ...base, status: 'failed', error: reason.slice(0, 500) });
      await recordPushOutcome(ctx.db, device.id, false);
    }
  }
  return { pushed, retryable };
}

/**
 * Sends the notification by email (the fallback), in one transaction with its delivery record
 * and the notification's final status, so a crash never emails twice.
 */
async function emailInstead(ctx: AppContext, notification: NotificationRow): Promise<boolean> {
  const [person] = await ctx.db
    .select({
      email: users.email,
      displayName: users.displayName,
      organizationName: organizations.name,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, notification.userId));
  if (!person?.email) return false;
  const email = person.email;
  await ctx.db.transaction(async (tx) => {
    const mail = await enqueueEmail(ctx, tx, {
      organizationId: notification.organizationId,
      to: { address: email, name: person.displayName },
      locale: notification.locale === 'en' ? 'en' : 'ru',
      template: 'notification',
      data: {
        displayName: person.displayName,
        organizationName: person.organizationName,
        type: notification.type,
        title: notification.title,
        body: notification.body,
        url: new URL(notification.url, ctx.config.publicUrl).toString(),
      },
    });
    await insertDelivery(tx, {
      organizationId: notification.organizationId,
      notificationId: notification.id,
      channel: 'email',
      emailOutboxId: mail.id,
      status: 'sent',
    });
    await markNotification(tx, notification.id, 'sent');
  });
  return true;
}

/**
 * Delivers one notification: by push to every device of the person when push is on for its
 * type, else — or when no device took it — by email when email is on. Idempotent and safe with
 * several instances: the notification is claimed with a lease first and devices that already
 * got it are skipped on a retry. Devices answering 404/410 are deleted; other failures are
 * recorded and retried by the job (after the last attempt, email stands in).
 */
export async function deliverNotification(
  ctx: AppContext,
  notificationId: string,
  options: { isLastAttempt: boolean; log: Logger },
): Promise<void> {
  const notification = await claimNotification(ctx.db, notificationId, DELIVERY_LEASE_SECONDS);
  if (!notification) return;
  try {
    const channels =
      notification.type === 'test'
        ? { push: true, email: false }
        : await channelsFor(ctx.db, notification.userId, notification.type);
    const round = channels.push ? await pushToDevices(ctx, notification, options.log) : null;
    if (round && round.retryable > 0 && !options.isLastAttempt) {
      throw new Error(`push failed for ${String(round.retryable)} device(s); retrying`);
    }
    if (round?.pushed) {
      await markNotification(ctx.db, notification.id, 'sent');
    } else if (!(channels.email && (await emailInstead(ctx, notification)))) {
      await markNotification(ctx.db, notification.id, round?.retryable ? 'failed' : 'skipped');
    }
  } catch (error) {
    // Release the lease at once so the retry need not wait for it to run out.
    await markNotification(ctx.db, notification.id, 'pending').catch(() => undefined);
    throw error;
  }
}

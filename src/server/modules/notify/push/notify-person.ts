import { and, eq } from 'drizzle-orm';
import type { NotificationType } from '../../../../shared/contracts/notifications.js';
import { LOCALES, type Locale } from '../../../../shared/errors.js';
import type { AppContext } from '../../../infra/context.js';
import type { DbOrTx } from '../../../infra/db.js';
import { users } from '../../access/access.schema.js';
import { organizations } from '../../orgs/orgs.schema.js';
import { deliverNotificationJob } from './deliver.job.js';
import { renderNotification, URGENT_TYPES, type NotificationParams } from './notification-texts.js';
import { insertNotification } from './notifications.repo.js';
import { notificationSettings } from './push.schema.js';
import {
  DEFAULT_QUIET_FROM_MINUTES,
  DEFAULT_QUIET_TO_MINUTES,
  quietHoursEnd,
} from './quiet-hours.js';

/** Options of `notifyPerson`. */
export interface NotifyPersonOptions<T extends NotificationType> {
  organizationId: string;
  /** The account to notify (an account of `organizationId`; others are ignored). */
  userId: string;
  type: T;
  /**
   * Makes the notification happen once: a second call with the same key in the organization
   * is a no-op (e.g. `subscription_ending:<id>:lessons`, `payment_succeeded:<paymentId>`).
   */
  dedupeKey?: string;
  /**
   * Push `Topic` (≤ 32 URL-safe characters; others are replaced by `-`): a newer message with
   * the same topic replaces one the device has not received yet (e.g. `sub-<short id>`).
   */
  topic?: string;
  /** What the title and body say, written in the person's language. */
  params: NotificationParams[T];
  /** Path in the app the notification opens (`/cabinet/...`); emails link to it absolutely. */
  url: string;
  /** "Now" for quiet hours (job runs with `--now`); the real clock by default. */
  now?: Date;
}

const TOPIC_LENGTH = 32;

/** Push topics allow only the URL-safe base64 alphabet, 32 characters at most (RFC 8030). */
export function normalizeTopic(topic: string): string {
  return topic.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, TOPIC_LENGTH);
}

/**
 * Writes a notification for one person and its delivery job, both in `tx` (the caller's
 * transaction), so the notification exists exactly when the change that causes it commits.
 * Outside payment results, a notification written in the organization's quiet hours waits until
 * they end. Returns the notification's id, or null when the dedupe key was used already or the
 * account is not in the organization.
 */
export async function notifyPerson<T extends NotificationType>(
  ctx: AppContext,
  tx: DbOrTx,
  options: NotifyPersonOptions<T>,
): Promise<{ id: string } | null> {
  const [person] = await tx
    .select({
      locale: users.locale,
      timeZone: organizations.timezone,
      quietFrom: notificationSettings.quietFromMinutes,
      quietTo: notificationSettings.quietToMinutes,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(notificationSettings, eq(notificationSettings.organizationId, users.organizationId))
    .where(and(eq(users.id, options.userId), eq(users.organizationId, options.organizationId)))
    .limit(1);
  if (!person) return null;
  const locale: Locale = (LOCALES as readonly string[]).includes(person.locale)
    ? (person.locale as Locale)
    : 'ru';
  const urgent = URGENT_TYPES.has(options.type);
  const deliverAfter = urgent
    ? null
    : quietHoursEnd(options.now ?? new Date(), {
        fromMinutes: person.quietFrom ?? DEFAULT_QUIET_FROM_MINUTES,
        toMinutes: person.quietTo ?? DEFAULT_QUIET_TO_MINUTES,
        timeZone: person.timeZone,
      });
  const { title, body } = renderNotification(options.type, options.params, locale);
  const row = await insertNotification(tx, {
    organizationId: options.organizationId,
    userId: options.userId,
    type: options.type,
    dedupeKey: options.dedupeKey ?? null,
    topic: options.topic ? normalizeTopic(options.topic) : null,
    urgent,
    locale,
    title,
    body,
    url: options.url,
    deliverAfter,
  });
  if (!row) return null;
  await ctx.queue.send(
    deliverNotificationJob,
    { notificationId: row.id, organizationId: options.organizationId },
    { tx, singletonKey: row.id, ...(deliverAfter ? { startAfter: deliverAfter } : {}) },
  );
  return row;
}

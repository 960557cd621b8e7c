import { and, eq, sql } from 'drizzle-orm';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationPreference,
  type NotificationType,
} from '../../../../shared/contracts/notifications.js';
import type { DbOrTx } from '../../../infra/db.js';
import { notificationPreferences } from './push.schema.js';

/**
 * Defaults when the person has not chosen: push for everything; email (the fallback when push
 * cannot reach them) for what costs money if missed. Not where another email already says the
 * same: the payment receipt, the help desk's reply email, the access module's warning email.
 */
const EMAIL_BY_DEFAULT: ReadonlySet<NotificationType> = new Set([
  'subscription_ending',
  'subscription_ended',
  'new_debt',
  'payment_declined',
]);

export function defaultPreference(type: NotificationType, channel: NotificationChannel): boolean {
  return channel === 'push' || EMAIL_BY_DEFAULT.has(type);
}

/** Every type × channel of a person, their choices over the defaults. */
export async function readPreferences(
  db: DbOrTx,
  userId: string,
): Promise<NotificationPreference[]> {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((row) => [`${row.type}:${row.channel}`, row.enabled]));
  return NOTIFICATION_TYPES.flatMap((type) =>
    NOTIFICATION_CHANNELS.map((channel) => ({
      type,
      channel,
      enabled: chosen.get(`${type}:${channel}`) ?? defaultPreference(type, channel),
    })),
  );
}

/** Whether `type` goes to the person by each channel. */
export async function channelsFor(db: DbOrTx, userId: string, type: NotificationType) {
  const rows = await db
    .select({ channel: notificationPreferences.channel, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.type, type)));
  const chosen = new Map(rows.map((row) => [row.channel, row.enabled]));
  return {
    push: chosen.get('push') ?? defaultPreference(type, 'push'),
    email: chosen.get('email') ?? defaultPreference(type, 'email'),
  };
}

/** Stores the person's choices (upsert per type × channel). */
export async function writePreferences(
  db: DbOrTx,
  person: { organizationId: string; userId: string },
  preferences: NotificationPreference[],
) {
  if (preferences.length === 0) return;
  await db
    .insert(notificationPreferences)
    .values(preferences.map((p) => ({ ...person, ...p })))
    .onConflictDoUpdate({
      target: [
        notificationPreferences.userId,
        notificationPreferences.type,
        notificationPreferences.channel,
      ],
      set: { enabled: sql`excluded.enabled`, updatedAt: sql`now()` },
    });
}

import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../infra/db.js';
import { notificationDeliveries, notifications } from './push.schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
type NewNotificationRow = typeof notifications.$inferInsert;
export type NewDeliveryRow = typeof notificationDeliveries.$inferInsert;

/** Inserts a notification; null when its dedupe key exists already in the organization. */
export async function insertNotification(db: DbOrTx, values: NewNotificationRow) {
  // clock_timestamp(): rows written in one transaction still get distinct created_at (the
  // log's page cursor), as in the email outbox.
  const [row] = await db
    .insert(notifications)
    .values({ createdAt: sql`clock_timestamp()`, ...values })
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return row ?? null;
}

/**
 * Claims a pending notification for `leaseSeconds`, or null when it is settled or another
 * worker (of any instance) holds a live claim: one atomic UPDATE, no open transaction while
 * push services answer.
 */
export async function claimNotification(db: DbOrTx, id: string, leaseSeconds: number) {
  const [row] = await db
    .update(notifications)
    .set({ claimedUntil: sql`clock_timestamp() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.status, 'pending'),
        or(
          isNull(notifications.claimedUntil),
          lt(notifications.claimedUntil, sql`clock_timestamp()`),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

/** Settles (or releases, with `pending`) a claimed notification. */
export async function markNotification(db: DbOrTx, id: string, status: NotificationRow['status']) {
  await db
    .update(notifications)
    .set({
      status,
      attempts: sql`${notifications.attempts} + 1`,
      claimedUntil: null,
      ...(status === 'sent' ? { sentAt: sql`clock_timestamp()` } : {}),
    })
    .where(eq(notifications.id, id));
}

export async function insertDelivery(db: DbOrTx, values: NewDeliveryRow) {
  await db.insert(notificationDeliveries).values(values);
}

/** Attempts of one notification so far (a retry skips devices that already got it). */
export async function findDeliveries(db: DbOrTx, notificationId: string) {
  return db
    .select()
    .from(notificationDeliveries)
    .where(eq(notificationDeliveries.notificationId, notificationId));
}

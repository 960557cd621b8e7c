import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../infra/db.js';
import { pushSubscriptions } from './push.schema.js';

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

/** A person's devices, oldest first. */
export async function findPushSubscriptions(db: DbOrTx, userId: string) {
  return db
    .select()
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(asc(pushSubscriptions.createdAt), asc(pushSubscriptions.id));
}

export async function countPushSubscriptions(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId));
  return row?.n ?? 0;
}

/**
 * Stores a browser's subscription. The endpoint is the browser's identity at its push service:
 * the same endpoint sent again (keys rotated, or another person signed in on that browser)
 * updates the row and moves it to the current person.
 */
export async function upsertPushSubscription(
  db: DbOrTx,
  values: typeof pushSubscriptions.$inferInsert,
) {
  const [row] = await db
    .insert(pushSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: pushSubscriptions.endpoint,
      set: {
        organizationId: values.organizationId,
        userId: values.userId,
        p256dh: values.p256dh,
        auth: values.auth,
        userAgent: values.userAgent ?? null,
        failureCount: 0,
      },
    })
    .returning({ id: pushSubscriptions.id });
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/** Deletes one of the person's subscriptions; false when it is not theirs (or gone). */
export async function deleteOwnPushSubscription(db: DbOrTx, userId: string, id: string) {
  const rows = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
    .returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

/** The push service says the subscription no longer exists (404/410). */
export async function deletePushSubscription(db: DbOrTx, id: string) {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

export async function recordPushOutcome(db: DbOrTx, id: string, success: boolean) {
  await db
    .update(pushSubscriptions)
    .set(
      success
        ? { lastSuccessAt: sql`clock_timestamp()`, failureCount: 0 }
        : { failureCount: sql`${pushSubscriptions.failureCount} + 1` },
    )
    .where(eq(pushSubscriptions.id, id));
}

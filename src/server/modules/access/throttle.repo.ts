import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { signInThrottles } from './access.schema.js';

export type ThrottleRow = typeof signInThrottles.$inferSelect;

/** Throttle key of a known account. */
export const accountKey = (userId: string) => `account:${userId}`;
/** Throttle key of a login that matches no account (so a lockout reveals nothing). */
export const unknownLoginKey = (normalizedLogin: string) => `login:${normalizedLogin}`;
/** Throttle key of a client address (captcha after repeated failures). */
export const addressKey = (ip: string) => `ip:${ip}`;
/** Throttle key counting a client address's password-reset requests (captcha after a few). */
export const resetAddressKey = (ip: string) => `reset-ip:${ip}`;

export async function findThrottle(db: DbOrTx, organizationId: string, key: string) {
  const [row] = await db
    .select()
    .from(signInThrottles)
    .where(and(eq(signInThrottles.organizationId, organizationId), eq(signInThrottles.key, key)))
    .limit(1);
  return row ?? null;
}

/** Several keys' rows at once (sign-in reads its login's and its address's in one query). */
export async function findThrottles(db: DbOrTx, organizationId: string, keys: string[]) {
  return db
    .select()
    .from(signInThrottles)
    .where(
      and(eq(signInThrottles.organizationId, organizationId), inArray(signInThrottles.key, keys)),
    );
}

/**
 * Counts one more consecutive failure and, from `threshold` on, locks the key for
 * `baseSeconds × 2^(failures − threshold)` capped at `maxSeconds`. Atomic: one upsert.
 */
export async function recordFailure(
  db: DbOrTx,
  organizationId: string,
  key: string,
  policy: { threshold: number; baseSeconds: number; maxSeconds: number },
  now: Date,
) {
  const failures = sql`${signInThrottles.failures} + 1`;
  const lockSeconds = sql`least(${policy.maxSeconds}, ${policy.baseSeconds} * power(2, greatest(0, ${signInThrottles.failures} + 1 - ${policy.threshold})))`;
  const [row] = await db
    .insert(signInThrottles)
    .values({
      organizationId,
      key,
      failures: 1,
      lockedUntil:
        policy.threshold <= 1 ? new Date(now.getTime() + policy.baseSeconds * 1000) : null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [signInThrottles.organizationId, signInThrottles.key],
      set: {
        failures,
        lockedUntil: sql`case when ${failures} >= ${policy.threshold}
          then ${now.toISOString()}::timestamptz + ${lockSeconds} * interval '1 second'
          else ${signInThrottles.lockedUntil} end`,
        updatedAt: now,
      },
    })
    .returning();
  return row;
}

/** Clears a key after a success (or a password reset): the count starts again. */
export async function clearThrottle(db: DbOrTx, organizationId: string, key: string) {
  await db
    .delete(signInThrottles)
    .where(and(eq(signInThrottles.organizationId, organizationId), eq(signInThrottles.key, key)));
}

/** Lifts a lockout of an account (password reset works while locked and clears the lock). */
export async function clearSignInLock(db: DbOrTx, organizationId: string, userId: string) {
  await clearThrottle(db, organizationId, accountKey(userId));
}

/**
 * Counts one more use of a count-only key in a fixed window of `windowMs` and returns the
 * count within the window, this use included. For these keys `locked_until` holds the end of
 * the window (nothing is ever locked by them); a use after it starts a new window at 1.
 * Atomic: one upsert, so concurrent uses get distinct counts.
 */
export async function countUse(
  db: DbOrTx,
  organizationId: string,
  key: string,
  windowMs: number,
  now: Date,
): Promise<number> {
  const windowEnd = new Date(now.getTime() + windowMs);
  const windowOver = sql`(${signInThrottles.lockedUntil} is null or ${signInThrottles.lockedUntil} <= ${now.toISOString()}::timestamptz)`;
  const [row] = await db
    .insert(signInThrottles)
    .values({ organizationId, key, failures: 1, lockedUntil: windowEnd, updatedAt: now })
    .onConflictDoUpdate({
      target: [signInThrottles.organizationId, signInThrottles.key],
      set: {
        failures: sql`case when ${windowOver} then 1 else ${signInThrottles.failures} + 1 end`,
        lockedUntil: sql`case when ${windowOver} then ${windowEnd.toISOString()}::timestamptz else ${signInThrottles.lockedUntil} end`,
        updatedAt: now,
      },
    })
    .returning({ failures: signInThrottles.failures });
  return row?.failures ?? 1;
}

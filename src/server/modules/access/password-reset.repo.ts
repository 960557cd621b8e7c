import { and, desc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { oneTimeTokens, signInThrottles, smsCodes } from './access.schema.js';

// One-time links of an account (password reset, activation, email change, email verification)
// and SMS codes. Every "use" is a single conditional UPDATE, so a race has exactly one winner.

/** Purpose of the link that proves a self-registered person owns their address. */
export const EMAIL_VERIFICATION_PURPOSE = 'email_verification';

/** Conditions of a usable link of an account: this organization and purpose, unused, unexpired. */
const usableUserToken = (organizationId: string, purpose: string, tokenHash: string, now: Date) =>
  and(
    eq(oneTimeTokens.organizationId, organizationId),
    eq(oneTimeTokens.purpose, purpose),
    eq(oneTimeTokens.tokenHash, tokenHash),
    isNotNull(oneTimeTokens.userId),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, now),
  );

export async function insertUserToken(
  db: DbOrTx,
  values: {
    organizationId: string;
    userId: string;
    purpose: string;
    tokenHash: string;
    expiresAt: Date;
    data?: Record<string, unknown>;
  },
) {
  await db.insert(oneTimeTokens).values({ ...values, data: values.data ?? null });
}

/** A usable link of an account, without using it (to show whose it is). */
export async function findUsableUserToken(
  db: DbOrTx,
  organizationId: string,
  purpose: string,
  tokenHash: string,
  now: Date,
) {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(usableUserToken(organizationId, purpose, tokenHash, now))
    .limit(1);
  return row?.userId ? { ...row, userId: row.userId } : null;
}

/** Marks a usable link used and returns it, or null when it is used, expired or unknown. */
export async function claimUserToken(
  db: DbOrTx,
  organizationId: string,
  purpose: string,
  tokenHash: string,
  now: Date,
) {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(usableUserToken(organizationId, purpose, tokenHash, now))
    .returning();
  return row?.userId ? { ...row, userId: row.userId } : null;
}

/**
 * Marks every unused link of this purpose of the account used (one reset ends all others);
 * returns how many there were.
 */
export async function spendUserTokens(db: DbOrTx, userId: string, purpose: string, now: Date) {
  const spent = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    )
    .returning({ id: oneTimeTokens.id });
  return spent.length;
}

export type SmsCodeRow = typeof smsCodes.$inferSelect;

export async function insertSmsCode(db: DbOrTx, values: typeof smsCodes.$inferInsert) {
  await db.insert(smsCodes).values(values);
}

/** How many codes of this purpose were sent to the phone since `since`, and when the last one. */
export async function countSmsCodesSince(
  db: DbOrTx,
  organizationId: string,
  phone: string,
  purpose: string,
  since: Date,
) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      // Milliseconds as a number: drivers differ in how they hand back a bare timestamptz.
      latestMs: sql<number | null>`(extract(epoch from max(${smsCodes.createdAt})) * 1000)::float8`,
    })
    .from(smsCodes)
    .where(
      and(
        eq(smsCodes.organizationId, organizationId),
        eq(smsCodes.phone, phone),
        eq(smsCodes.purpose, purpose),
        gt(smsCodes.createdAt, since),
      ),
    );
  const latestMs = row?.latestMs ?? null;
  return { count: row?.count ?? 0, latest: latestMs === null ? null : new Date(latestMs) };
}

/** Spends the unused codes of this phone and purpose, so only the newest code counts. */
export async function spendSmsCodes(
  db: DbOrTx,
  organizationId: string,
  phone: string,
  purpose: string,
  now: Date,
) {
  await db
    .update(smsCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(smsCodes.organizationId, organizationId),
        eq(smsCodes.phone, phone),
        eq(smsCodes.purpose, purpose),
        isNull(smsCodes.usedAt),
      ),
    );
}

/**
 * Counts one try of the newest live code of this phone and purpose and returns the code row, or
 * null when there is none or its tries are spent. Counting before comparing, in one UPDATE, caps
 * the guesses at `maxTries` even when many arrive at once.
 */
export async function takeSmsCodeTry(
  db: DbOrTx,
  organizationId: string,
  phone: string,
  purpose: string,
  maxTries: number,
  now: Date,
) {
  const newest = db
    .select({ id: smsCodes.id })
    .from(smsCodes)
    .where(
      and(
        eq(smsCodes.organizationId, organizationId),
        eq(smsCodes.phone, phone),
        eq(smsCodes.purpose, purpose),
        isNull(smsCodes.usedAt),
        gt(smsCodes.expiresAt, now),
      ),
    )
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  const [row] = await db
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(and(sql`${smsCodes.id} = (${newest})`, lt(smsCodes.attempts, maxTries)))
    .returning();
  return row ?? null;
}

/** Marks a code used if it still is live; false when another request used it first. */
export async function claimSmsCode(db: DbOrTx, id: string, now: Date) {
  const rows = await db
    .update(smsCodes)
    .set({ usedAt: now })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt), gt(smsCodes.expiresAt, now)))
    .returning({ id: smsCodes.id });
  return rows.length > 0;
}

/**
 * Takes the one use a key gets per `windowMs` (e.g. one "no account" email per address per
 * hour): true at most once per window, even under concurrent requests (one upsert). Stored in
 * `sign_in_throttles` under keys of their own prefix (`notice:`), apart from sign-in lockouts.
 */
export async function takeQuota(
  db: DbOrTx,
  organizationId: string,
  key: string,
  windowMs: number,
  now: Date,
) {
  const until = new Date(now.getTime() + windowMs);
  const rows = await db
    .insert(signInThrottles)
    .values({ organizationId, key, failures: 1, lockedUntil: until, updatedAt: now })
    .onConflictDoUpdate({
      target: [signInThrottles.organizationId, signInThrottles.key],
      set: { failures: sql`${signInThrottles.failures} + 1`, lockedUntil: until, updatedAt: now },
      setWhere: sql`${signInThrottles.lockedUntil} is null or ${signInThrottles.lockedUntil} <= ${now.toISOString()}::timestamptz`,
    })
    .returning({ key: signInThrottles.key });
  return rows.length > 0;
}

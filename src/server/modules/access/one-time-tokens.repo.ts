import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { oneTimeTokens } from './access.schema.js';

/** Conditions of a usable link: this organization and purpose, unused and unexpired. */
const usable = (organizationId: string, purpose: string, tokenHash: string, now: Date) =>
  and(
    eq(oneTimeTokens.organizationId, organizationId),
    eq(oneTimeTokens.purpose, purpose),
    eq(oneTimeTokens.tokenHash, tokenHash),
    isNull(oneTimeTokens.usedAt),
    gt(oneTimeTokens.expiresAt, now),
  );

/** Replaces every link of this purpose in the organization with a new one. */
export async function replaceOneTimeTokens(
  db: DbOrTx,
  values: { organizationId: string; purpose: string; tokenHash: string; expiresAt: Date },
) {
  await db
    .delete(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.organizationId, values.organizationId),
        eq(oneTimeTokens.purpose, values.purpose),
      ),
    );
  await db.insert(oneTimeTokens).values(values);
}

export async function findUsableOneTimeToken(
  db: DbOrTx,
  organizationId: string,
  purpose: string,
  tokenHash: string,
) {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(usable(organizationId, purpose, tokenHash, new Date()))
    .limit(1);
  return row ?? null;
}

/**
 * Marks a usable link used and returns it, or null. Checking and marking in one statement keeps
 * a link single-use even when two submissions race.
 */
export async function claimOneTimeToken(
  db: DbOrTx,
  organizationId: string,
  purpose: string,
  tokenHash: string,
) {
  const now = new Date();
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(usable(organizationId, purpose, tokenHash, now))
    .returning({ id: oneTimeTokens.id });
  return row ?? null;
}

/** Deletes links that expired before `now` or were already used. */
export async function deleteSpentOneTimeTokens(db: DbOrTx, now: Date) {
  await db
    .delete(oneTimeTokens)
    .where(or(lt(oneTimeTokens.expiresAt, now), isNotNull(oneTimeTokens.usedAt)));
}

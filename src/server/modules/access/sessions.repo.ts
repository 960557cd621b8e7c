import { and, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { sessions, users } from './access.schema.js';

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A live session of this organization with its user, by token hash. */
export async function findLiveSession(
  db: DbOrTx,
  organizationId: string,
  tokenHash: string,
  now: Date,
) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        eq(sessions.organizationId, organizationId),
        gt(sessions.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function touchSession(db: DbOrTx, id: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSessionByTokenHash(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsExpiredBefore(db: DbOrTx, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Why a session was ended by something other than its own sign-out. */
export type SessionEndReason =
  'signed_out_elsewhere' | 'account_blocked' | 'password_changed' | 'revoked';

/**
 * Ends every live session of a user (except `exceptSessionId`), keeping the rows so that the
 * ended device is told why on its next request. Returns how many were ended.
 */
export async function endUserSessions(
  db: DbOrTx,
  userId: string,
  reason: SessionEndReason,
  exceptSessionId?: string,
): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

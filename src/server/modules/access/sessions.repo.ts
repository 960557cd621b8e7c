import { and, asc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { accountBlocks, sessions, users } from './access.schema.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A session of this organization (live or ended) with its account, by token hash. */
export async function findSessionByTokenHash(
  db: DbOrTx,
  organizationId: string,
  tokenHash: string,
  now = new Date(),
) {
  let query = sessionByTokenHash.get(db);
  if (!query) sessionByTokenHash.set(db, (query = prepareSessionByTokenHash(db)));
  const [row] = await query.execute({ organizationId, tokenHash, now: now.toISOString() });
  return row ?? null;
}

// Every authenticated request resumes a session, so the query is built once per database
// handle and PostgreSQL plans it once per connection.
const sessionByTokenHash = new WeakMap<DbOrTx, ReturnType<typeof prepareSessionByTokenHash>>();

function prepareSessionByTokenHash(db: DbOrTx) {
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  // Whether a block is in force or still to come rides along: blocks are rare, and every
  // request resumes a session, so the blocks themselves are read only when there is one (one
  // round trip, not two). A block still to come counts, so that a session kept in memory
  // without blocks (session-cache.ts) stays right as the clock moves.
  const hasBlocks = sql<boolean>`exists (select 1 from ${accountBlocks} b
    where b.user_id = ${users.id} and b.lifted_at is null
      and (b.ends_at is null or b.ends_at > ${now}))`;
  return db
    .select({ session: sessions, user: users, hasBlocks })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        eq(sessions.organizationId, sql.placeholder('organizationId')),
      ),
    )
    .limit(1)
    .prepare('session_by_token_hash');
}

/** Live (not ended, not expired) sessions of an account, oldest first. */
export async function findLiveSessions(db: DbOrTx, userId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt));
}

export async function touchSession(db: DbOrTx, id: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSessionByTokenHash(db: DbOrTx, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends one session of an account; false when it is not this account's live session. */
export async function endSessionOfUser(
  db: DbOrTx,
  userId: string,
  sessionId: string,
  reason: SessionEndReason,
): Promise<boolean> {
  const ended = await db
    .update(sessions)
    .set({ endedAt: new Date(), endedReason: reason })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return ended.length > 0;
}

/** Deletes sessions that expired, and ended ones old enough that nobody will ask why. */
export async function deleteSessionsExpiredBefore(db: DbOrTx, now: Date) {
  const endedLongAgo = new Date(now.getTime() - 30 * 86_400_000);
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.endedAt, endedLongAgo)));
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

/**
 * Inserts a session, stamps the account's last sign-in and appends a `success` sign-in event
 * in one statement: one round trip instead of a transaction of three, on the hottest write
 * path there is. A single statement is atomic on its own.
 */
export async function insertSessionForSignIn(db: DbOrTx, session: SessionRow) {
  const at = session.createdAt.toISOString();
  await db.execute(sql`
    with new_session as (
      insert into sessions (id, organization_id, user_id, token_hash, user_agent, ip, remember,
        created_at, last_seen_at, expires_at, absolute_expires_at)
      values (${session.id}, ${session.organizationId}, ${session.userId}, ${session.tokenHash},
        ${session.userAgent}, ${session.ip}, ${session.remember}, ${at}::timestamptz, ${at}::timestamptz,
        ${session.expiresAt.toISOString()}::timestamptz, ${session.absoluteExpiresAt?.toISOString() ?? null}::timestamptz)
    ), signed_in as (
      update users set last_sign_in_at = ${at}::timestamptz where id = ${session.userId}
    )
    insert into sign_in_events (organization_id, user_id, result, ip, user_agent, created_at)
    values (${session.organizationId}, ${session.userId}, 'success', ${session.ip}, ${session.userAgent}, ${at}::timestamptz)`);
}

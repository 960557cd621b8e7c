import { and, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { mailOutbox } from './notify.schema.js';

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewOutboxRow = typeof mailOutbox.$inferInsert;

export async function insertOutboxMessage(db: DbOrTx, values: NewOutboxRow) {
  // clock_timestamp(), not the column default now(): now() is the transaction's start, so
  // emails written in one transaction would share created_at, the outbox's page cursor.
  const [row] = await db
    .insert(mailOutbox)
    .values({ createdAt: sql`clock_timestamp()`, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Several messages with one insert (batch sweeps); `created_at` still differs per row. */
export async function insertOutboxMessages(db: DbOrTx, values: NewOutboxRow[]) {
  if (values.length === 0) return [];
  return db
    .insert(mailOutbox)
    .values(values.map((row) => ({ createdAt: sql`clock_timestamp()`, ...row })))
    .returning({ id: mailOutbox.id, organizationId: mailOutbox.organizationId });
}

/** A message of one organization; `null` for another organization's id. */
export async function findOutboxMessage(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.organizationId, organizationId), eq(mailOutbox.id, id)))
    .limit(1);
  return row ?? null;
}

/** Where a page ends: the last row's creation time (with microseconds) and id. */
export interface OutboxCursor {
  createdAt: string;
  id: string;
}

/**
 * Newest first. Keyset pagination on (organization_id, created_at, id) keeps every page
 * index-bounded however large the outbox grows; the id breaks ties between equal timestamps.
 * Times travel as text with microseconds: a JavaScript Date keeps only milliseconds.
 */
export async function listOutboxMessages(
  db: DbOrTx,
  organizationId: string,
  options: { after?: OutboxCursor; limit: number },
) {
  const { after } = options;
  return db
    .select({
      ...getTableColumns(mailOutbox),
      cursorTime: sql<string>`to_char(${mailOutbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.organizationId, organizationId),
        after
          ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(options.limit);
}

/**
 * Claims a message for delivery for `leaseSeconds`, or returns null when it is delivered
 * already or another worker (of any instance) holds a live claim. One atomic UPDATE, so no
 * transaction stays open while the relay talks — on PGlite that would stall every request.
 */
export async function claimOutboxMessage(db: DbOrTx, id: string, leaseSeconds: number) {
  const [row] = await db
    .update(mailOutbox)
    .set({ claimedUntil: sql`clock_timestamp() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(mailOutbox.id, id),
        inArray(mailOutbox.status, ['pending', 'failed']),
        or(isNull(mailOutbox.claimedUntil), lt(mailOutbox.claimedUntil, sql`clock_timestamp()`)),
      ),
    )
    .returning();
  return row ?? null;
}

export async function markOutboxMessage(
  db: DbOrTx,
  id: string,
  change: { status: OutboxRow['status']; lastError?: string | null; delivered?: boolean },
) {
  await db
    .update(mailOutbox)
    .set({
      status: change.status,
      attempts: sql`${mailOutbox.attempts} + 1`,
      lastError: change.lastError ?? null,
      claimedUntil: null,
      ...(change.delivered ? { deliveredAt: new Date() } : {}),
    })
    .where(eq(mailOutbox.id, id));
}

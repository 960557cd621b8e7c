import { and, desc, eq, getTableColumns, lt, sql } from 'drizzle-orm';
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

/** A message of one organization; `null` for another organization's id. */
export async function findOutboxMessage(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.organizationId, organizationId), eq(mailOutbox.id, id)))
    .limit(1);
  return row ?? null;
}

/**
 * Newest first; keyset pagination on (organization_id, created_at) keeps it index-bounded.
 * `before` and each row's `cursor` carry microseconds: a JavaScript Date keeps only
 * milliseconds, and a page boundary inside one millisecond would skip rows.
 */
export async function listOutboxMessages(
  db: DbOrTx,
  organizationId: string,
  options: { before?: string; limit: number },
) {
  return db
    .select({
      ...getTableColumns(mailOutbox),
      cursor: sql<string>`to_char(${mailOutbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.organizationId, organizationId),
        options.before ? lt(mailOutbox.createdAt, sql`${options.before}::timestamptz`) : undefined,
      ),
    )
    .orderBy(desc(mailOutbox.createdAt))
    .limit(options.limit);
}

/** A message by id alone, for its delivery job (the job's payload names the organization). */
export async function findOutboxMessageById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)).limit(1);
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
      ...(change.delivered ? { deliveredAt: new Date() } : {}),
    })
    .where(eq(mailOutbox.id, id));
}

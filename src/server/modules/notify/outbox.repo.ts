import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { mailOutbox } from './notify.schema.js';

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewOutboxRow = typeof mailOutbox.$inferInsert;

export async function insertOutboxMessage(db: DbOrTx, values: NewOutboxRow) {
  const [row] = await db.insert(mailOutbox).values(values).returning();
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

/** Newest first; keyset pagination on (organization_id, created_at) keeps it index-bounded. */
export async function listOutboxMessages(
  db: DbOrTx,
  organizationId: string,
  options: { before?: Date; limit: number },
) {
  return db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.organizationId, organizationId),
        options.before ? lt(mailOutbox.createdAt, options.before) : undefined,
      ),
    )
    .orderBy(desc(mailOutbox.createdAt))
    .limit(options.limit);
}

/** Locks the row for the delivery attempt so two workers never send the same message at once. */
export async function lockOutboxMessageForDelivery(db: DbOrTx, id: string) {
  const [row] = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.id, id))
    .for('update', { skipLocked: true })
    .limit(1);
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

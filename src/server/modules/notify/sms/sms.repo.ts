import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../infra/db.js';
import { smsOutbox } from './sms.schema.js';

export type SmsOutboxRow = typeof smsOutbox.$inferSelect;

export async function insertSmsMessage(db: DbOrTx, values: typeof smsOutbox.$inferInsert) {
  // clock_timestamp(): messages written in one transaction still get distinct, ordered times.
  const [row] = await db
    .insert(smsOutbox)
    .values({ createdAt: sql`clock_timestamp()`, ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Newest first; `before` is the id of the last message of the previous page. */
export async function listSmsMessages(
  db: DbOrTx,
  organizationId: string,
  options: { before?: string; limit: number },
) {
  const { before } = options;
  return db
    .select()
    .from(smsOutbox)
    .where(
      and(
        eq(smsOutbox.organizationId, organizationId),
        before
          ? sql`(${smsOutbox.createdAt}, ${smsOutbox.id}) < (select created_at, id from sms_outbox where id = ${before}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id))
    .limit(options.limit);
}

/**
 * Claims a message for delivery for `leaseSeconds`, or null when it was delivered already or
 * another worker holds a live claim. One atomic UPDATE, so an SMS is never sent twice at once.
 */
export async function claimSmsMessage(db: DbOrTx, id: string, leaseSeconds: number) {
  const [row] = await db
    .update(smsOutbox)
    .set({ claimedUntil: sql`clock_timestamp() + make_interval(secs => ${leaseSeconds})` })
    .where(
      and(
        eq(smsOutbox.id, id),
        inArray(smsOutbox.status, ['pending', 'failed']),
        or(isNull(smsOutbox.claimedUntil), lt(smsOutbox.claimedUntil, sql`clock_timestamp()`)),
      ),
    )
    .returning();
  return row ?? null;
}

export async function markSmsMessage(
  db: DbOrTx,
  id: string,
  change: {
    status: SmsOutboxRow['status'];
    lastError?: string | null;
    providerMessageId?: string | null;
    delivered?: boolean;
  },
) {
  await db
    .update(smsOutbox)
    .set({
      status: change.status,
      attempts: sql`${smsOutbox.attempts} + 1`,
      lastError: change.lastError ?? null,
      claimedUntil: null,
      ...(change.providerMessageId ? { providerMessageId: change.providerMessageId } : {}),
      ...(change.delivered ? { deliveredAt: new Date() } : {}),
    })
    .where(eq(smsOutbox.id, id));
}

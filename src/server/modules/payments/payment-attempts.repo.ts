import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../infra/db.js';
import { paymentAttempts, paymentCounters, paymentEvents } from './payments.schema.js';

export type AttemptRow = typeof paymentAttempts.$inferSelect;
export type NewAttempt = typeof paymentAttempts.$inferInsert;
export type PaymentEventInput = typeof paymentEvents.$inferInsert;

/**
 * The organization's next payment number. The upsert takes a row lock on the counter, so
 * concurrent creations get distinct numbers (a gap only when two identical requests race).
 */
export async function nextPaymentNumber(tx: DbOrTx, organizationId: string): Promise<number> {
  const [row] = await tx
    .insert(paymentCounters)
    .values({ organizationId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: paymentCounters.organizationId,
      set: { lastNumber: sql`${paymentCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: paymentCounters.lastNumber });
  if (!row) throw new Error('no payment number allocated');
  return row.lastNumber;
}

/** Inserts an attempt unless one with its client key exists; returns it, or null on a race. */
export async function insertAttempt(tx: Tx, attempt: NewAttempt): Promise<AttemptRow | null> {
  const [row] = await tx
    .insert(paymentAttempts)
    .values(attempt)
    .onConflictDoNothing({ target: [paymentAttempts.organizationId, paymentAttempts.clientKey] })
    .returning();
  return row ?? null;
}

export async function findAttemptByClientKey(
  db: DbOrTx,
  organizationId: string,
  clientKey: string,
): Promise<AttemptRow | null> {
  const [row] = await db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.organizationId, organizationId),
        eq(paymentAttempts.clientKey, clientKey),
      ),
    );
  return row ?? null;
}

export async function findAttempt(db: DbOrTx, attemptId: string): Promise<AttemptRow | null> {
  const [row] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  return row ?? null;
}

/**
 * The attempt, locked until the transaction ends: every status change and the one application
 * of its money happen under this lock, so concurrent webhooks, polls and reconciliation queue.
 */
export async function lockAttempt(tx: Tx, attemptId: string): Promise<AttemptRow | null> {
  const [row] = await tx
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, attemptId))
    .for('update');
  return row ?? null;
}

/** The attempt a provider's payment id belongs to (any organization: one provider account). */
export async function findAttemptByProviderId(
  db: DbOrTx,
  provider: string,
  providerPaymentId: string,
): Promise<AttemptRow | null> {
  const [row] = await db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.provider, provider),
        eq(paymentAttempts.providerPaymentId, providerPaymentId),
      ),
    );
  return row ?? null;
}

export async function updateAttempt(
  tx: Tx,
  attemptId: string,
  changes: Partial<NewAttempt>,
): Promise<AttemptRow> {
  const [row] = await tx
    .update(paymentAttempts)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(paymentAttempts.id, attemptId))
    .returning();
  if (!row) throw new Error(`payment attempt ${attemptId} vanished`);
  return row;
}

/** Logs what was observed about a payment or refund (docs/payments.md, «Events»). */
export async function recordPaymentEvent(db: DbOrTx, event: PaymentEventInput): Promise<void> {
  await db.insert(paymentEvents).values(event);
}

/**
 * Claims up to `limit` attempts due for a check and pushes their next check forward by a lease,
 * so another instance running the job at the same time skips them (`skip locked`) and a crashed
 * run's attempts come back after the lease.
 */
export async function claimDueAttempts(
  tx: Tx,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`update payment_attempts set next_check_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
        where id in (select id from payment_attempts
                     where next_check_at <= ${now.toISOString()}::timestamptz
                     order by next_check_at limit ${limit}
                     for update skip locked)
        returning id`,
  );
  return rows.map((row) => row.id);
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../infra/db.js';
import { paymentRefunds } from './payments.schema.js';

export type RefundRow = typeof paymentRefunds.$inferSelect;
export type NewRefund = typeof paymentRefunds.$inferInsert;

export async function findRefundByClientKey(
  db: DbOrTx,
  organizationId: string,
  clientKey: string,
): Promise<RefundRow | null> {
  const [row] = await db
    .select()
    .from(paymentRefunds)
    .where(
      and(
        eq(paymentRefunds.organizationId, organizationId),
        eq(paymentRefunds.clientKey, clientKey),
      ),
    );
  return row ?? null;
}

export async function findRefundById(db: DbOrTx, refundId: string): Promise<RefundRow | null> {
  const [row] = await db.select().from(paymentRefunds).where(eq(paymentRefunds.id, refundId));
  return row ?? null;
}

export async function findRefundByProviderId(
  db: DbOrTx,
  providerRefundId: string,
): Promise<RefundRow | null> {
  const [row] = await db
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.providerRefundId, providerRefundId));
  return row ?? null;
}

/** Locks a refund row (after its payment's: the lock order of every refund path). */
export async function lockRefund(tx: Tx, refundId: string): Promise<RefundRow | null> {
  const [row] = await tx
    .select()
    .from(paymentRefunds)
    .where(eq(paymentRefunds.id, refundId))
    .for('update');
  return row ?? null;
}

/** Kopecks of a payment already returned or on the way (refunds not cancelled). */
export async function refundsInFlightOrDone(tx: Tx, paymentId: string): Promise<number> {
  const [row] = await tx
    .select({
      total: sql<string | number | null>`coalesce(sum(${paymentRefunds.amountKopecks}), 0)`,
    })
    .from(paymentRefunds)
    .where(
      and(
        eq(paymentRefunds.paymentId, paymentId),
        inArray(paymentRefunds.status, ['created', 'pending', 'succeeded']),
      ),
    );
  return Number(row?.total ?? 0);
}

export async function insertRefund(tx: Tx, refund: NewRefund): Promise<RefundRow | null> {
  const [row] = await tx
    .insert(paymentRefunds)
    .values(refund)
    .onConflictDoNothing({ target: [paymentRefunds.organizationId, paymentRefunds.clientKey] })
    .returning();
  return row ?? null;
}

export async function updateRefund(
  tx: Tx,
  refundId: string,
  changes: Partial<NewRefund>,
): Promise<RefundRow> {
  const [row] = await tx
    .update(paymentRefunds)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(paymentRefunds.id, refundId))
    .returning();
  if (!row) throw new Error(`refund ${refundId} vanished`);
  return row;
}

/** Like `claimDueAttempts`, for refunds. */
export async function claimDueRefunds(
  tx: Tx,
  now: Date,
  limit: number,
  leaseMs: number,
): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`update payment_refunds set next_check_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
        where id in (select id from payment_refunds
                     where next_check_at <= ${now.toISOString()}::timestamptz
                     order by next_check_at limit ${limit}
                     for update skip locked)
        returning id`,
  );
  return rows.map((row) => row.id);
}

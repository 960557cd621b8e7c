import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import {
  enrollments,
  paymentAllocations,
  subscriptionCounters,
  subscriptions,
} from '../../schema.js';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/**
 * The organization's next subscription number. One upsert takes a row lock on the counter, so
 * concurrent sales get distinct, gap-free numbers (the loser waits for the winner).
 */
export async function nextSubscriptionNumber(tx: DbOrTx, organizationId: string): Promise<number> {
  const [row] = await tx
    .insert(subscriptionCounters)
    .values({ organizationId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: subscriptionCounters.organizationId,
      set: { lastNumber: sql`${subscriptionCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: subscriptionCounters.lastNumber });
  if (!row) throw new Error('no subscription number allocated');
  return row.lastNumber;
}

/** A subscription of the organization (any state), or null. */
export async function findSubscription(
  db: DbOrTx,
  organizationId: string,
  subscriptionId: string,
): Promise<SubscriptionRow | null> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(
      and(eq(subscriptions.id, subscriptionId), eq(subscriptions.organizationId, organizationId)),
    );
  return row ?? null;
}

/** Where an allocation goes and where its money came from. */
export interface AllocationInput {
  organizationId: string;
  studentId: string;
  target: { subscriptionId: string } | { enrollmentId: string };
  /** Signed: a refund from a subscription takes paid money back out of it. */
  amountKopecks: number;
  /** The entry that brought (or returned) the money; null when it came from the balance. */
  ledgerEntryId: string | null;
  actorId: string | null;
}

/**
 * Records an allocation and moves the target's running total (`paid_kopecks` or
 * `fee_paid_kopecks`) by the same amount, in the caller's money transaction.
 */
export async function allocatePayment(tx: DbOrTx, input: AllocationInput): Promise<void> {
  const subscriptionId = 'subscriptionId' in input.target ? input.target.subscriptionId : null;
  const enrollmentId = 'enrollmentId' in input.target ? input.target.enrollmentId : null;
  await tx.insert(paymentAllocations).values({
    organizationId: input.organizationId,
    studentId: input.studentId,
    subscriptionId,
    enrollmentId,
    amountKopecks: input.amountKopecks,
    ledgerEntryId: input.ledgerEntryId,
    createdBy: input.actorId,
  });
  if (subscriptionId) {
    await tx
      .update(subscriptions)
      .set({ paidKopecks: sql`${subscriptions.paidKopecks} + ${input.amountKopecks}` })
      .where(eq(subscriptions.id, subscriptionId));
  } else if (enrollmentId) {
    await tx
      .update(enrollments)
      .set({ feePaidKopecks: sql`${enrollments.feePaidKopecks} + ${input.amountKopecks}` })
      .where(eq(enrollments.id, enrollmentId));
  }
}

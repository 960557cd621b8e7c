import { randomUUID } from 'node:crypto';
import { and, asc, eq, type InferInsertModel } from 'drizzle-orm';
import type { AppContext } from '../../src/server/infra/context.js';
import { recordPayment } from '../../src/server/modules/billing/index.js';
import {
  mailOutbox,
  paymentAttempts,
  paymentEvents,
  paymentRefunds,
} from '../../src/server/schema.js';

/**
 * Payments as the payments service leaves them, written directly: receipts, the staff console
 * and course access are tested on their own, not through a provider round trip.
 */

type AttemptInsert = Partial<InferInsertModel<typeof paymentAttempts>>;

let lastNumber = 0;

/** A payment attempt; by default a succeeded card top-up of 1 000 ₽ (not applied yet). */
export async function insertAttempt(
  ctx: AppContext,
  organizationId: string,
  values: AttemptInsert = {},
) {
  const status = values.status ?? 'succeeded';
  const final = status === 'succeeded' || status === 'canceled';
  const [row] = await ctx.db
    .insert(paymentAttempts)
    .values({
      organizationId,
      number: ++lastNumber,
      purpose: 'balance_top_up',
      amountKopecks: 100_000,
      method: 'card',
      description: 'Пополнение баланса — Маша Иванова',
      provider: 'sandbox',
      clientKey: randomUUID(),
      providerPaymentId: `sbx-${randomUUID()}`,
      paidWith: status === 'succeeded' ? 'Карта *4444' : null,
      finishedAt: final ? new Date() : null,
      ...values,
      status,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Puts a succeeded attempt's money on the student's balance as the payments service would. */
export async function applyToLedger(
  ctx: AppContext,
  attempt: { id: string; organizationId: string; amountKopecks: number },
  studentId: string,
  ledgerAmountKopecks = attempt.amountKopecks,
) {
  return ctx.db.transaction(async (tx) => {
    const entry = await recordPayment(tx, {
      organizationId: attempt.organizationId,
      studentId,
      amountKopecks: ledgerAmountKopecks,
      method: 'online',
      actorId: null,
      idempotencyKey: `online:${attempt.id}`,
    });
    await tx
      .update(paymentAttempts)
      .set({ appliedAt: new Date(), ledgerEntryId: entry.id, appliedAs: 'purpose' })
      .where(eq(paymentAttempts.id, attempt.id));
    return entry;
  });
}

/** A provider event of a payment (webhook, poll…). */
export async function insertEvent(
  ctx: AppContext,
  attempt: { id: string; organizationId: string },
  values: Partial<InferInsertModel<typeof paymentEvents>> = {},
) {
  await ctx.db.insert(paymentEvents).values({
    organizationId: attempt.organizationId,
    paymentId: attempt.id,
    provider: 'sandbox',
    source: 'webhook',
    event: 'payment.succeeded',
    outcome: 'applied',
    ...values,
  });
}

/** A refund of a payment; by default a succeeded one of 300 ₽. */
export async function insertRefund(
  ctx: AppContext,
  attempt: { id: string; organizationId: string },
  values: Partial<InferInsertModel<typeof paymentRefunds>> = {},
) {
  const [row] = await ctx.db
    .insert(paymentRefunds)
    .values({
      organizationId: attempt.organizationId,
      paymentId: attempt.id,
      amountKopecks: 30_000,
      reason: 'Ошибочная оплата',
      clientKey: randomUUID(),
      status: 'succeeded',
      appliedAt: new Date(),
      ...values,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The organization's emails in the outbox, oldest first (optionally of one template). */
export async function outboxOf(ctx: AppContext, organizationId: string, template?: string) {
  return ctx.db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.organizationId, organizationId),
        template ? eq(mailOutbox.template, template) : undefined,
      ),
    )
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
}

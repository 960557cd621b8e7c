import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import { rowsOf, type Tx } from '../../infra/db.js';
import { subscriptions } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { freeBalanceOf } from './free-balance.js';
import {
  appendLedgerEntry,
  findLedgerEntryByKey,
  lockStudentsMoney,
  type LedgerEntryRow,
} from './ledger.repo.js';
import { getMoneyStudent, ledgerKey } from './money-support.js';
import { assertSameWrite } from './payments.service.js';
import type { PaymentMethod } from './sales.service.js';
import { allocatePayment, findSubscription } from './subscriptions.repo.js';

/** Options of `refundMoney`. */
export interface RefundOptions {
  organizationId: string;
  studentId: string;
  /** Positive kopecks returned to the customer. */
  amountKopecks: number;
  method: PaymentMethod;
  /**
   * `balance`: free money on the balance. A subscription: the paid part of it not yet charged;
   * its `paid_kopecks` goes down by the amount (an open one then shows as underpaid, unless
   * `close` ends it now so that nothing more is owed or used).
   */
  source: 'balance' | { subscriptionId: string; close?: boolean };
  comment?: string | null;
  actorId: string | null;
  idempotencyKey: string;
  now?: Date;
}

/** Money the student ever brought in, net of refunds: a refund never returns more than that. */
async function netReceived(tx: Tx, studentId: string): Promise<number> {
  const [row] = await rowsOf<{ total: string | number | null }>(
    tx,
    sql`select coalesce(sum(amount_kopecks), 0) as total from ledger_entries
        where student_id = ${studentId} and kind in ('payment_in', 'deposit', 'refund')`,
  );
  return Number(row?.total ?? 0);
}

/**
 * Returns money to the customer (`refund`, − amount), in the caller's transaction. Never more
 * than was received and not refunded yet; from the balance never more than the free balance
 * (money held by open subscriptions or already spent on lessons is not free); from a subscription
 * never more than its paid, uncharged part — and for an ended one, also not more than the free
 * balance, because its leftover may already have paid for other lessons.
 */
export async function refundMoney(tx: Tx, options: RefundOptions): Promise<LedgerEntryRow> {
  const { organizationId, studentId, amountKopecks, actorId, source } = options;
  await lockStudentsMoney(tx, [studentId]);
  const key = ledgerKey('refund', options.idempotencyKey);
  const existing = await findLedgerEntryByKey(tx, organizationId, key);
  if (existing) return assertSameWrite(existing, studentId, -amountKopecks);

  await getMoneyStudent(tx, organizationId, studentId);
  if (!Number.isSafeInteger(amountKopecks) || amountKopecks <= 0) {
    throw new AppError('validation_failed');
  }
  if (amountKopecks > (await netReceived(tx, studentId))) throw new AppError('refund_exceeds_paid');
  const free = await freeBalanceOf(tx, studentId);

  let subscriptionId: string | null = null;
  if (source === 'balance') {
    if (amountKopecks > free) throw new AppError('insufficient_free_balance');
  } else {
    const subscription = await findSubscription(tx, organizationId, source.subscriptionId);
    if (!subscription || subscription.studentId !== studentId) throw new AppError('not_found');
    const unused = subscription.paidKopecks - subscription.chargedKopecks;
    if (amountKopecks > unused) throw new AppError('refund_exceeds_paid');
    if (subscription.endedAt && amountKopecks > free) {
      throw new AppError('insufficient_free_balance');
    }
    subscriptionId = subscription.id;
  }

  const entry = await appendLedgerEntry(tx, {
    organizationId,
    studentId,
    kind: 'refund',
    amountKopecks: -amountKopecks,
    subscriptionId,
    paymentMethod: options.method,
    comment: options.comment ?? null,
    createdBy: actorId,
    idempotencyKey: key,
  });
  if (subscriptionId) {
    // Paid money goes back out of the subscription, so paid − charged stays what it holds.
    await allocatePayment(tx, {
      organizationId,
      studentId,
      target: { subscriptionId },
      amountKopecks: -amountKopecks,
      ledgerEntryId: entry.id,
      actorId,
    });
    if (typeof source === 'object' && source.close) {
      await tx
        .update(subscriptions)
        .set({ endedAt: options.now ?? new Date(), endReason: 'refunded' })
        .where(and(eq(subscriptions.id, subscriptionId), isNull(subscriptions.endedAt)));
    }
  }
  await recordAudit(tx, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'billing.refund',
    details: {
      studentId,
      entryId: entry.id,
      amountKopecks,
      method: options.method,
      subscriptionId,
    },
  });
  return entry;
}

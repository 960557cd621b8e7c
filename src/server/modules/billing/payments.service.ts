import { and, eq } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import type { Tx } from '../../infra/db.js';
import { enrollments, groups } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import {
  appendLedgerEntry,
  findLedgerEntryByKey,
  lockStudentsMoney,
  type LedgerEntryRow,
} from './ledger.repo.js';
import { getMoneyStudent, ledgerKey } from './money-support.js';
import type { PaymentMethod } from './sales.service.js';
import { allocatePayment, findSubscription } from './subscriptions.repo.js';

/** What a payment pays for; none: it goes onto the balance (`deposit`). */
export type PaymentTarget = { subscriptionId: string } | { enrollmentId: string };

/** Options of `recordPayment`. */
export interface RecordPaymentOptions {
  organizationId: string;
  studentId: string;
  /** Positive kopecks received. */
  amountKopecks: number;
  method: PaymentMethod;
  target?: PaymentTarget;
  /** A payment reference or staff's words, shown in the money history. */
  comment?: string | null;
  actorId: string | null;
  /** The client's key: a retried payment returns the first entry and never moves money twice. */
  idempotencyKey: string;
}

/** An enrolment's fee and what is paid of it; throws unless it is in a one-time-fee group. */
export async function getEnrollmentFee(
  tx: Tx,
  organizationId: string,
  enrollmentId: string,
  studentId?: string,
) {
  const [row] = await tx
    .select({
      id: enrollments.id,
      studentId: enrollments.studentId,
      feeKopecks: enrollments.feeKopecks,
      feePaidKopecks: enrollments.feePaidKopecks,
      groupFeeKopecks: groups.feeKopecks,
      paymentMode: groups.paymentMode,
    })
    .from(enrollments)
    .innerJoin(groups, eq(groups.id, enrollments.groupId))
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.organizationId, organizationId)));
  if (!row || (studentId && row.studentId !== studentId)) throw new AppError('not_found');
  if (row.paymentMode !== 'one_time_fee') throw new AppError('enrollment_has_no_fee');
  return { ...row, fee: row.feeKopecks ?? row.groupFeeKopecks ?? 0 };
}

/** A retried write: the same operation returns its first entry; another one is refused. */
export function assertSameWrite(entry: LedgerEntryRow, studentId: string, amountKopecks: number) {
  if (entry.studentId !== studentId || entry.amountKopecks !== amountKopecks) {
    throw new AppError('idempotency_key_reused');
  }
  return entry;
}

/**
 * Records money received from the customer, in the caller's transaction. For a subscription or
 * an enrolment fee it is a `payment_in` entry and an allocation raising `paid_kopecks` or
 * `fee_paid_kopecks`, never more than is left to pay (the rest belongs on the balance); without
 * a target it is a `deposit` onto the balance.
 */
export async function recordPayment(
  tx: Tx,
  options: RecordPaymentOptions,
): Promise<LedgerEntryRow> {
  const { organizationId, studentId, amountKopecks, actorId, target } = options;
  await lockStudentsMoney(tx, [studentId]);
  const key = ledgerKey('payment', options.idempotencyKey);
  const existing = await findLedgerEntryByKey(tx, organizationId, key);
  if (existing) return assertSameWrite(existing, studentId, amountKopecks);

  await getMoneyStudent(tx, organizationId, studentId);
  if (!Number.isSafeInteger(amountKopecks) || amountKopecks <= 0) {
    throw new AppError('validation_failed');
  }
  let subscriptionId: string | null = null;
  let enrollmentId: string | null = null;
  if (target && 'subscriptionId' in target) {
    const subscription = await findSubscription(tx, organizationId, target.subscriptionId);
    if (!subscription || subscription.studentId !== studentId) throw new AppError('not_found');
    // An expired one may still be paid off; a cancelled sale holds nothing to pay for.
    if (subscription.endReason === 'cancelled' || subscription.endReason === 'refunded') {
      throw new AppError('subscription_ended');
    }
    if (amountKopecks > subscription.priceKopecks - subscription.paidKopecks) {
      throw new AppError('payment_exceeds_due');
    }
    subscriptionId = subscription.id;
  } else if (target) {
    const fee = await getEnrollmentFee(tx, organizationId, target.enrollmentId, studentId);
    if (amountKopecks > fee.fee - fee.feePaidKopecks) throw new AppError('payment_exceeds_due');
    enrollmentId = fee.id;
  }

  const entry = await appendLedgerEntry(tx, {
    organizationId,
    studentId,
    kind: target ? 'payment_in' : 'deposit',
    amountKopecks,
    subscriptionId,
    enrollmentId,
    paymentMethod: options.method,
    comment: options.comment ?? null,
    createdBy: actorId,
    idempotencyKey: key,
  });
  if (target) {
    await allocatePayment(tx, {
      organizationId,
      studentId,
      target,
      amountKopecks,
      ledgerEntryId: entry.id,
      actorId,
    });
  }
  await recordAudit(tx, {
    organizationId,
    actorId,
    subjectId: null,
    action: target ? 'billing.payment.received' : 'billing.deposit.received',
    details: {
      studentId,
      entryId: entry.id,
      amountKopecks,
      method: options.method,
      subscriptionId,
      enrollmentId,
    },
  });
  return entry;
}

import { and, desc, eq } from 'drizzle-orm';
import type { PaymentList, PaymentView } from '../../../shared/contracts/payments.js';
import { PAYMENTS_PAGE_SIZE } from '../../../shared/contracts/payments.js';
import type { DbOrTx } from '../../infra/db.js';
import { students } from '../../schema.js';
import type { AttemptRow } from './payment-attempts.repo.js';
import { declineCodeOf } from './payment-decline.js';
import { paymentAttempts } from './payments.schema.js';

/** What the payer sees of an attempt (the raw provider reason stays with staff). */
export function presentPayment(attempt: AttemptRow, studentName: string | null): PaymentView {
  return {
    id: attempt.id,
    number: attempt.number,
    purpose: attempt.purpose,
    targetId: attempt.targetId,
    description: attempt.description,
    studentId: attempt.studentId,
    studentName,
    amountKopecks: attempt.amountKopecks,
    currency: attempt.currency,
    method: attempt.method,
    status: attempt.status,
    confirmationUrl: attempt.confirmationUrl,
    paidWith: attempt.paidWith,
    decline:
      attempt.status === 'canceled'
        ? {
            code: declineCodeOf(attempt.cancellationReason),
            party: attempt.cancellationParty ?? 'unknown',
          }
        : null,
    appliedAs:
      attempt.appliedAs === 'purpose' || attempt.appliedAs === 'balance' ? attempt.appliedAs : null,
    createdAt: attempt.createdAt.toISOString(),
    finishedAt: attempt.finishedAt?.toISOString() ?? null,
    receiptAvailable: attempt.status === 'succeeded',
    refundedKopecks: attempt.refundedKopecks,
  };
}

/** The payer's own attempt with its student's name; null for anyone else's (→ 404). */
export async function findPayersAttempt(
  db: DbOrTx,
  organizationId: string,
  payerId: string,
  attemptId: string,
): Promise<{ attempt: AttemptRow; studentName: string | null } | null> {
  const [row] = await db
    .select({ attempt: paymentAttempts, studentName: students.fullName })
    .from(paymentAttempts)
    .leftJoin(students, eq(students.id, paymentAttempts.studentId))
    .where(
      and(
        eq(paymentAttempts.id, attemptId),
        eq(paymentAttempts.organizationId, organizationId),
        eq(paymentAttempts.payerId, payerId),
      ),
    );
  return row ?? null;
}

/** One page of the payer's payments, newest first (`payment_attempts_payer_created`). */
export async function listPayersPayments(
  db: DbOrTx,
  organizationId: string,
  payerId: string,
  page: number,
): Promise<PaymentList> {
  const rows = await db
    .select({ attempt: paymentAttempts, studentName: students.fullName })
    .from(paymentAttempts)
    .leftJoin(students, eq(students.id, paymentAttempts.studentId))
    .where(
      and(eq(paymentAttempts.payerId, payerId), eq(paymentAttempts.organizationId, organizationId)),
    )
    .orderBy(desc(paymentAttempts.createdAt), desc(paymentAttempts.id))
    .limit(PAYMENTS_PAGE_SIZE + 1)
    .offset((page - 1) * PAYMENTS_PAGE_SIZE);
  return {
    items: rows
      .slice(0, PAYMENTS_PAGE_SIZE)
      .map((row) => presentPayment(row.attempt, row.studentName)),
    page,
    hasMore: rows.length > PAYMENTS_PAGE_SIZE,
  };
}

import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../infra/db.js';
import { enrollments, groups } from '../../schema.js';
import {
  appendLedgerEntry,
  findLedgerEntryByKey,
  lockStudentsMoney,
  type LedgerEntryRow,
} from './ledger.repo.js';

/** Options of `chargeEnrollmentFee`. */
export interface ChargeEnrollmentFeeOptions {
  organizationId: string;
  enrollmentId: string;
  actorId: string | null;
}

/**
 * Charges the enrolment fee of a one-time-fee group (`fee_charge`, − the fee) in the caller's
 * transaction; the enrolment's `fee_kopecks` is fixed to the group's fee when it had none, so
 * later changes of the group's price never change what this student owes. Idempotent: the entry's
 * key is the enrolment, so calling it again returns the first charge. Returns null for a
 * per-lesson group or a zero fee (nothing to charge).
 */
export async function chargeEnrollmentFee(
  tx: Tx,
  { organizationId, enrollmentId, actorId }: ChargeEnrollmentFeeOptions,
): Promise<LedgerEntryRow | null> {
  const [enrollment] = await tx
    .select({
      studentId: enrollments.studentId,
      feeKopecks: enrollments.feeKopecks,
      groupFeeKopecks: groups.feeKopecks,
      paymentMode: groups.paymentMode,
    })
    .from(enrollments)
    .innerJoin(groups, eq(groups.id, enrollments.groupId))
    .where(and(eq(enrollments.id, enrollmentId), eq(enrollments.organizationId, organizationId)));
  if (!enrollment || enrollment.paymentMode !== 'one_time_fee') return null;
  await lockStudentsMoney(tx, [enrollment.studentId]);
  const key = `fee:${enrollmentId}`;
  const existing = await findLedgerEntryByKey(tx, organizationId, key);
  if (existing) return existing;

  const fee = enrollment.feeKopecks ?? enrollment.groupFeeKopecks ?? 0;
  if (enrollment.feeKopecks === null) {
    await tx
      .update(enrollments)
      .set({ feeKopecks: fee })
      .where(and(eq(enrollments.id, enrollmentId), isNull(enrollments.feeKopecks)));
  }
  if (fee <= 0) return null;
  return appendLedgerEntry(tx, {
    organizationId,
    studentId: enrollment.studentId,
    kind: 'fee_charge',
    amountKopecks: -fee,
    enrollmentId,
    createdBy: actorId,
    idempotencyKey: key,
  });
}

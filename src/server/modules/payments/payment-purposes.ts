import { sql } from 'drizzle-orm';
import type { PaymentAppliedAs } from '../../../shared/contracts/payments.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { rowsOf, type Tx } from '../../infra/db.js';
import { payDebtLessons, recordPayment, sellSubscription } from '../billing/index.js';
import type { AttemptRow } from './payment-attempts.repo.js';
import { applyCourseAccess } from './payment-course-access.js';

/** What applying a succeeded payment did. */
export interface AppliedPurpose {
  appliedAs: PaymentAppliedAs;
  /** The ledger entry of the money (null when it bought course access: no student ledger). */
  ledgerEntryId: string | null;
}

/**
 * The one ledger movement of each purpose (docs/payments.md, «Purposes»). Billing's idempotency
 * key is the attempt id (`payment:<attemptId>`, a sale's id derives from it), so even a second
 * call could not move money twice; the attempt's `applied_at`, checked under its row lock, is
 * what makes it run once.
 */
async function applyExactly(ctx: AppContext, tx: Tx, attempt: AttemptRow): Promise<string | null> {
  const base = {
    organizationId: attempt.organizationId,
    actorId: attempt.payerId,
    idempotencyKey: attempt.id,
  };
  const comment = `Онлайн-платёж №${attempt.number}`;
  const studentId = attempt.studentId;
  if (attempt.purpose === 'course_access') {
    await applyCourseAccess(ctx, tx, attempt);
    return null;
  }
  // The student may have been deleted since (the attempt keeps null): nothing to serve.
  if (!studentId || !attempt.targetId) throw new AppError('not_found');
  switch (attempt.purpose) {
    case 'subscription_purchase': {
      const sold = await sellSubscription(tx, {
        ...base,
        studentId,
        typeId: attempt.targetId,
        payment: { amountKopecks: attempt.amountKopecks, method: 'online' },
      });
      const [entry] = await rowsOf<{ id: string }>(
        tx,
        sql`select id from ledger_entries
            where subscription_id = ${sold.id} and kind = 'payment_in'
            order by created_at limit 1`,
      );
      return entry?.id ?? null;
    }
    case 'subscription_remaining':
    case 'course_fee': {
      const target =
        attempt.purpose === 'course_fee'
          ? { enrollmentId: attempt.targetId }
          : { subscriptionId: attempt.targetId };
      const entry = await recordPayment(tx, {
        ...base,
        studentId,
        amountKopecks: attempt.amountKopecks,
        method: 'online',
        target,
        comment,
      });
      return entry.id;
    }
    case 'balance_top_up': {
      const entry = await recordPayment(tx, {
        ...base,
        studentId,
        amountKopecks: attempt.amountKopecks,
        method: 'online',
        comment,
      });
      return entry.id;
    }
    case 'debt': {
      const visitIds = (attempt.details as { visitIds?: string[] }).visitIds ?? [];
      const settled = await payDebtLessons(tx, {
        ...base,
        studentId,
        visitIds,
        amountKopecks: attempt.amountKopecks,
        method: 'online',
        comment,
      });
      return settled.ledgerEntryId;
    }
  }
}

/**
 * Applies a succeeded payment's money in the caller's transaction (which holds the attempt's
 * lock). When the purpose can no longer be served — the debt was paid in cash meanwhile, the
 * subscription was cancelled, the type archived — the purpose's writes are rolled back to a
 * savepoint and the money goes onto the student's balance instead (`deposit`): money is never
 * lost, and the payment page says where it went.
 */
export async function applyPurpose(
  ctx: AppContext,
  tx: Tx,
  attempt: AttemptRow,
): Promise<AppliedPurpose> {
  try {
    // A nested transaction is a savepoint: a refusal half-way leaves no partial writes behind.
    const ledgerEntryId = await tx.transaction((savepoint) =>
      applyExactly(ctx, savepoint, attempt),
    );
    return { appliedAs: 'purpose', ledgerEntryId };
  } catch (error) {
    if (!(error instanceof AppError) || !attempt.studentId) throw error;
    ctx.log.warn(
      { attemptId: attempt.id, purpose: attempt.purpose, reason: error.code },
      'payment purpose no longer served: money put on the balance',
    );
    const entry = await recordPayment(tx, {
      organizationId: attempt.organizationId,
      studentId: attempt.studentId,
      amountKopecks: attempt.amountKopecks,
      method: 'online',
      comment: `Онлайн-платёж №${attempt.number}: ${attempt.description} — зачислен на баланс`,
      actorId: attempt.payerId,
      idempotencyKey: `${attempt.id}:balance`,
    });
    return { appliedAs: 'balance', ledgerEntryId: entry.id };
  }
}

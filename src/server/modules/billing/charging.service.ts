import type { Tx } from '../../infra/db.js';
import { startOfDay } from '../calendar/index.js';
import {
  runCharging,
  type ChargingResult,
  type ChargingScope as Scope,
  type RechargeReason,
} from './charging-run.js';
import {
  findDebtVisitIds,
  findLessonVisitIds,
  findSubscriptionScope,
  findVisitIdsChargedTo,
} from './charges-scope.repo.js';
import { findVisitStudentIds } from './charges.repo.js';
import { syncVisitStarts } from './charges-writes.repo.js';
import { lockStudentsMoney, type LockedStudent } from './ledger.repo.js';

export type { ChargingResult, RechargeReason } from './charging-run.js';

/**
 * The charging API other modules call (billing/index.ts re-exports it): first marks, re-runs
 * after re-marking, lesson changes and subscription changes, and settling debts after a sale.
 * Each locks the students' money first and writes money only through the ledger.
 */

/** Decides and stores charges for the visits that have no live decision yet. */
export async function chargeVisits(
  tx: Tx,
  options: Scope & { visitIds: readonly string[] },
): Promise<ChargingResult> {
  return runCharging(tx, { ...options, reason: 'remarked', onlyUndecided: true, withTail: true });
}

/** Supersedes the visits' live decisions (reversing their money) and decides them again. */
export async function rechargeVisits(
  tx: Tx,
  options: Scope & {
    visitIds: readonly string[];
    reason: RechargeReason;
    heldLocks?: readonly LockedStudent[];
  },
): Promise<ChargingResult> {
  return runCharging(tx, { ...options, onlyUndecided: false, withTail: true });
}

/**
 * Re-runs the visits of a lesson that was cancelled (they become `not_chargeable`,
 * `lesson_cancelled`), restored or moved (their start follows the lesson).
 */
export async function rechargeLessonVisits(
  tx: Tx,
  options: Scope & { lessonId: string; reason: RechargeReason },
): Promise<ChargingResult> {
  const visitIds = await findLessonVisitIds(tx, options.organizationId, options.lessonId);
  if (visitIds.length === 0) return { superseded: 0, decided: 0 };
  await lockStudentsMoney(tx, await findVisitStudentIds(tx, options.organizationId, visitIds));
  await syncVisitStarts(tx, options.lessonId);
  return runCharging(tx, { ...options, visitIds, onlyUndecided: false, withTail: true });
}

/** Re-runs the visits charged to a subscription after it was frozen, cancelled or changed. */
export async function rechargeSubscriptionScope(
  tx: Tx,
  options: Scope & { subscriptionId: string; reason: RechargeReason },
): Promise<ChargingResult> {
  const scope = await findSubscriptionScope(tx, options.organizationId, options.subscriptionId);
  if (!scope) return { superseded: 0, decided: 0 };
  await lockStudentsMoney(tx, [scope.studentId]);
  const visitIds = await findVisitIdsChargedTo(tx, options.organizationId, options.subscriptionId);
  return runCharging(tx, { ...options, visitIds, onlyUndecided: false, withTail: true });
}

/**
 * Rule 6: after a sale, re-runs the live `debt` decisions the subscription may serve (its owner,
 * or its family when shared; lessons inside its dates and scope), oldest first; the rules use
 * its lessons until they run out. Paid visits are never moved by a sale. Does nothing when the
 * organization switched `settle_debts_on_sale` off.
 */
export async function settleDebts(
  tx: Tx,
  options: Scope & { subscriptionId: string },
): Promise<ChargingResult> {
  const scope = await findSubscriptionScope(tx, options.organizationId, options.subscriptionId);
  if (!scope?.settleDebtsOnSale) return { superseded: 0, decided: 0 };
  await lockStudentsMoney(tx, [scope.studentId]);
  const dayAfterEnd = new Date(Date.parse(`${scope.endsOn}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  const visitIds = await findDebtVisitIds(
    tx,
    options.organizationId,
    scope,
    startOfDay(scope.beginsOn, scope.timezone),
    startOfDay(dayAfterEnd, scope.timezone),
  );
  return runCharging(tx, {
    ...options,
    visitIds,
    reason: 'debt_settled',
    onlyUndecided: false,
    withTail: false,
  });
}

import type { Tx } from '../../infra/db.js';
import { localDay } from '../calendar/index.js';
import { compareVisitKeys, decideInOrder, type OrderedVisit } from './charging-order.js';
import { isValueConsumed, type ChargeDecision, type RuleSubscription } from './charging-rules.js';
import { writeChanges } from './charging-writes.js';
import {
  enrollmentKey,
  findEnrollmentIds,
  findTailVisitIds,
  findVisitStudentIds,
  loadChargeItems,
  loadLiveCharges,
  loadSubscriptionsFor,
  type ChargeItemRow,
  type LiveChargeRow,
} from './charges.repo.js';
import { refreshFirstVisits, type NewCharge } from './charges-writes.repo.js';
import { lockStudentsMoney, type LockedStudent } from './ledger.repo.js';

/**
 * Charging visits (docs/classes.md, «Charging rules»): loads the facts, asks the pure rules, and
 * stores only what changed — superseded decisions get their money reversed and their counters
 * undone, new ones get their entry and counters — all in the caller's transaction.
 *
 * A change at one visit re-runs every later decision of the same students and families that uses
 * or waits for a subscription, in lesson order, because an earlier visit taking a slot may leave
 * a later one without. So the live state always equals charging the current attendance from
 * scratch in lesson order, whatever the order of marking; re-decisions equal to the live ones
 * are kept, so the usual case (today's lesson) writes only today's charges.
 */

/** Why live decisions are superseded (`charges.superseded_reason`). */
export type RechargeReason =
  | 'remarked'
  | 'lesson_cancelled'
  | 'lesson_restored'
  | 'lesson_moved'
  | 'students_merged'
  | 'debt_settled'
  | 'subscription_changed';

/** What a charging call changed. */
export interface ChargingResult {
  /** Live decisions superseded. */
  superseded: number;
  /** New decisions stored. */
  decided: number;
}

/** Who charges, and where. */
export interface ChargingScope {
  organizationId: string;
  /** The staff member acting; null for the system (jobs). */
  actorId: string | null;
}

/** Options of `runCharging`. */
export interface RunOptions extends ChargingScope {
  visitIds: readonly string[];
  reason: RechargeReason;
  /** Skip visits that already have a live decision (first marking). */
  onlyUndecided: boolean;
  /** Also re-run later decisions of the same students and families (see the file comment). */
  withTail: boolean;
  /**
   * The money locks the caller already holds (`lockStudentsMoneyOfFamilies`), covering the
   * visits' students and their families: saves locking them again.
   */
  heldLocks?: readonly LockedStudent[];
}

/** Decides the visits (and, with `withTail`, every later decision they may move). */
export async function runCharging(tx: Tx, options: RunOptions): Promise<ChargingResult> {
  const { organizationId } = options;
  const none = { superseded: 0, decided: 0 };
  if (options.visitIds.length === 0) return none;
  // Lock before reading anything the decision depends on: concurrent writers queue per family.
  const lockedHere = options.heldLocks
    ? null
    : await lockStudentsMoney(tx, await findVisitStudentIds(tx, organizationId, options.visitIds));
  let targets = await loadChargeItems(tx, organizationId, options.visitIds);
  const locked = lockedHere ?? studentsAndFamiliesOf(targets, options.heldLocks ?? []);
  let live = await loadLiveCharges(tx, options.visitIds);
  if (options.onlyUndecided) {
    const decided = new Set(live.map((row) => row.visitId));
    targets = targets.filter((item) => !decided.has(item.visitId));
    live = [];
  }
  const [firstTarget] = targets;
  if (!firstTarget) return none;

  let items = targets;
  if (options.withTail) {
    // A moved lesson matters from the earlier of its old and new start.
    const keys = [
      ...targets.map((item) => ({ lessonStartsAt: item.lessonStartsAt, visitId: item.visitId })),
      ...live.map((row) => ({ lessonStartsAt: row.lessonStartsAt, visitId: row.visitId })),
    ];
    const first = keys.reduce((a, b) => (compareKeys(a, b) <= 0 ? a : b));
    const targetIds = new Set(targets.map((item) => item.visitId));
    const tailIds = (await findTailVisitIds(tx, organizationId, locked, first)).filter(
      (id) => !targetIds.has(id),
    );
    if (tailIds.length > 0) {
      items = [...targets, ...(await loadChargeItems(tx, organizationId, tailIds))];
      live = [...live, ...(await loadLiveCharges(tx, tailIds))];
    }
  }

  const itemIds = new Set(items.map((item) => item.visitId));
  const ordered = items.map(toOrderedVisit);
  // Subscriptions that may serve an item, or that hold a live charge being undone.
  const timeZone = firstTarget.timezone;
  const fromDate = [
    ...ordered.map((item) => item.visit.lessonDate),
    ...live.map((row) => localDay(new Date(row.lessonStartsAt), timeZone)),
  ].reduce((min, date) => (date < min ? date : min));
  const subscriptions = await loadSubscriptionsFor(tx, organizationId, locked, fromDate);
  // Decide as if the items' live decisions were already superseded: their slots are free.
  const freed = new Set(
    live.flatMap((row) =>
      row.outcome === 'subscription' && row.lessonNumber !== null && itemIds.has(row.visitId)
        ? [`${row.subscriptionId ?? ''}|${String(row.lessonNumber)}`]
        : [],
    ),
  );
  const ruleSubscriptions: RuleSubscription[] = subscriptions.map(({ heldSlots, ...rest }) => ({
    ...rest,
    usedSlots:
      freed.size === 0
        ? heldSlots
        : heldSlots.filter((slot) => !freed.has(`${rest.id}|${String(slot)}`)),
  }));
  const { results } = decideInOrder(ordered, ruleSubscriptions);
  const debtKeys = results
    .filter(({ decision }) => decision.outcome === 'debt')
    .map(({ item, decision }) => debtKeyOf(item.row, decision));
  const enrollmentIds = await findEnrollmentIds(tx, organizationId, debtKeys);

  const liveByVisit = new Map(live.map((row) => [row.visitId, row]));
  const stale: LiveChargeRow[] = [];
  const fresh: NewCharge[] = [];
  for (const { item, decision } of results) {
    const row = toChargeRow(item.row, decision, enrollmentIds, options.actorId, organizationId);
    const current = liveByVisit.get(item.visitId);
    if (current && sameDecision(current, row)) continue;
    if (current) stale.push(current);
    fresh.push(row);
  }
  await writeChanges(tx, {
    ...options,
    stale,
    fresh,
    owners: new Map(subscriptions.map((sub) => [sub.id, sub.studentId])),
    consumed: new Set(subscriptions.filter(isValueConsumed).map((sub) => sub.id)),
  });
  await refreshFirstVisits(tx, [...new Set(targets.map((item) => item.studentId))]);
  return { superseded: stale.length, decided: fresh.length };
}

/** The held locks of the items' students and their families' members, in id order. */
function studentsAndFamiliesOf(
  items: readonly ChargeItemRow[],
  held: readonly LockedStudent[],
): string[] {
  const students = new Set(items.map((item) => item.studentId));
  const families = new Set(items.flatMap((item) => (item.familyId ? [item.familyId] : [])));
  return held
    .filter((row) => students.has(row.id) || (row.familyId !== null && families.has(row.familyId)))
    .map((row) => row.id);
}

function compareKeys(
  a: { lessonStartsAt: string; visitId: string },
  b: { lessonStartsAt: string; visitId: string },
): number {
  return compareVisitKeys(
    { lessonStartsAt: new Date(a.lessonStartsAt), visitId: a.visitId },
    { lessonStartsAt: new Date(b.lessonStartsAt), visitId: b.visitId },
  );
}

function toOrderedVisit(item: ChargeItemRow): OrderedVisit & { row: ChargeItemRow } {
  const lessonStartsAt = new Date(item.lessonStartsAt);
  return {
    row: item,
    visitId: item.visitId,
    visit: {
      status: item.status,
      studentId: item.studentId,
      familyId: item.familyId,
      groupId: item.groupId,
      courseId: item.courseId,
      lessonDate: localDay(lessonStartsAt, item.timezone),
      lessonStartsAt,
      lessonCancelled: item.lessonCancelled,
    },
    group: {
      paymentMode: item.paymentMode,
      chargeUnexcusedAbsence: item.chargeUnexcusedAbsence,
      excusedAbsenceChargePercent: item.excusedAbsenceChargePercent,
      lessonPriceKopecks: item.lessonPriceKopecks,
    },
  };
}

function debtKeyOf(item: ChargeItemRow, decision: ChargeDecision) {
  return { studentId: item.studentId, groupId: item.groupId, date: decision.params.lessonDate };
}

function toChargeRow(
  item: ChargeItemRow,
  decision: ChargeDecision,
  enrollmentIds: ReadonlyMap<string, string>,
  actorId: string | null,
  organizationId: string,
): NewCharge {
  // A debt remembers its enrolment, so undoing it decrements the same `debt_lessons`.
  const params: Record<string, unknown> =
    decision.outcome === 'debt'
      ? {
          ...decision.params,
          enrollmentId: enrollmentIds.get(enrollmentKey(debtKeyOf(item, decision))) ?? null,
        }
      : { ...decision.params };
  return {
    organizationId,
    visitId: item.visitId,
    studentId: item.studentId,
    groupId: item.groupId,
    lessonStartsAt: new Date(item.lessonStartsAt),
    outcome: decision.outcome,
    subscriptionId: decision.outcome === 'subscription' ? decision.subscriptionId : null,
    lessonNumber: decision.outcome === 'subscription' ? decision.lessonNumber : null,
    amountKopecks: decision.amountKopecks,
    reason: decision.reason,
    reasonParams: params,
    createdBy: actorId,
  };
}

function sameDecision(current: LiveChargeRow, next: NewCharge): boolean {
  return (
    current.outcome === next.outcome &&
    current.subscriptionId === (next.subscriptionId ?? null) &&
    current.lessonNumber === (next.lessonNumber ?? null) &&
    current.amountKopecks === next.amountKopecks &&
    current.reason === next.reason &&
    new Date(current.lessonStartsAt).getTime() === next.lessonStartsAt.getTime() &&
    canonicalJson(current.reasonParams) === canonicalJson(next.reasonParams)
  );
}

/** JSON with sorted keys: jsonb does not keep the order the keys were written in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

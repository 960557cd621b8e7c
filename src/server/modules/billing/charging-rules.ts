/**
 * The charging rules of docs/classes.md as one pure decision: given a visit, its group and the
 * subscriptions that could pay for it (with their live slots), what happens to the visit and
 * why. No database, no clock: the service loads the facts, calls `decideCharge` in lesson order
 * and stores the result as a `charges` row, so every decision can be replayed and explained.
 */

export type AttendanceStatus =
  'present' | 'absent_excused' | 'absent_unexcused' | 'trial' | 'free' | 'makeup';

/** Why a visit costs nothing. */
export type NotChargeableReason =
  'trial' | 'free' | 'excused' | 'unexcused_free' | 'one_time_fee' | 'lesson_cancelled';

/** Why the chosen subscription won (rule 3). */
export type ChoiceReason = 'only_eligible' | 'earliest_end' | 'earliest_begin' | 'lowest_number';

export type ChargeReason = NotChargeableReason | ChoiceReason | 'no_eligible_subscription';

/** The facts of one visit the rules need. */
export interface RuleVisit {
  status: AttendanceStatus;
  studentId: string;
  /** The student's family; a shareable subscription of the family serves every member. */
  familyId: string | null;
  groupId: string;
  courseId: string;
  /** The lesson's local date (`YYYY-MM-DD`) in the organization's time zone. */
  lessonDate: string;
  lessonStartsAt: Date;
  lessonCancelled: boolean;
}

export interface RuleGroup {
  paymentMode: 'per_lesson' | 'one_time_fee';
  chargeUnexcusedAbsence: boolean;
  /** 0…100: an excused absence uses a lesson and is charged at this percent of its value. */
  excusedAbsenceChargePercent: number;
  /** Shown with a lesson in debt; null when the group does not sell single lessons. */
  lessonPriceKopecks: number | null;
}

/** A sold subscription as the rules see it, with the slots its live charges hold. */
export interface RuleSubscription {
  id: string;
  number: number;
  name: string;
  studentId: string;
  /** Set when the subscription is shared by the family. */
  familyId: string | null;
  /** Null: unlimited. */
  lessonsTotal: number | null;
  priceKopecks: number;
  beginsOn: string;
  endsOn: string;
  frozenFrom: string | null;
  frozenTo: string | null;
  endedAt: Date | null;
  /** `expired`, `cancelled`, `refunded`… (null while open). */
  endReason: string | null;
  unusedLessons: 'burn' | 'carry_over';
  coversAllGroups: boolean;
  groupIds: readonly string[];
  courseIds: readonly string[];
  /** Slots (1…lessonsTotal) held by live charges; empty for unlimited ones (they have none). */
  usedSlots: readonly number[];
}

/** What the explanation sentence needs about the chosen subscription. */
export interface SubscriptionReasonParams {
  subscriptionNumber: number;
  subscriptionName: string;
  lessonsTotal: number | null;
  endsOn: string;
  lessonDate: string;
  lessonNumber: number | null;
  /** Numbers of the other eligible subscriptions that lost the tie-break. */
  alternatives: number[];
  /** The attendance status when it is an absence (the sentence says so). */
  status: AttendanceStatus;
  /** For an excused absence: the percent of the slot's value charged. */
  percent?: number;
}

export type ChargeDecision =
  | {
      outcome: 'not_chargeable';
      reason: NotChargeableReason;
      amountKopecks: 0;
      params: { status: AttendanceStatus; lessonDate: string };
    }
  | {
      outcome: 'debt';
      reason: 'no_eligible_subscription';
      amountKopecks: 0;
      params: { status: AttendanceStatus; lessonDate: string; lessonPriceKopecks: number | null };
    }
  | {
      outcome: 'subscription';
      reason: ChoiceReason;
      subscriptionId: string;
      /** Null for an unlimited subscription, which has no slots. */
      lessonNumber: number | null;
      amountKopecks: number;
      params: SubscriptionReasonParams;
    };

/** The value of slot `k` (1…n) of a subscription of price `price`: the slots sum to the price. */
export function slotValue(priceKopecks: number, lessonsTotal: number, k: number): number {
  return (
    Math.floor((priceKopecks * k) / lessonsTotal) -
    Math.floor((priceKopecks * (k - 1)) / lessonsTotal)
  );
}

/** The lowest slot not held by a live charge, or null when all are used. */
export function lowestFreeSlot(lessonsTotal: number, usedSlots: readonly number[]): number | null {
  const used = new Set(usedSlots);
  for (let k = 1; k <= lessonsTotal; k += 1) if (!used.has(k)) return k;
  return null;
}

/** Rule 1: whether the visit uses a lesson, and at what percent of its value. */
export function chargeability(
  visit: Pick<RuleVisit, 'status' | 'lessonCancelled'>,
  group: RuleGroup,
): { chargeable: true; percent: number } | { chargeable: false; reason: NotChargeableReason } {
  if (visit.lessonCancelled) return { chargeable: false, reason: 'lesson_cancelled' };
  switch (visit.status) {
    case 'trial':
      return { chargeable: false, reason: 'trial' };
    case 'free':
      return { chargeable: false, reason: 'free' };
    default:
  }
  // The fee covers the whole course, so no attendance status uses a lesson.
  if (group.paymentMode === 'one_time_fee') return { chargeable: false, reason: 'one_time_fee' };
  switch (visit.status) {
    case 'absent_unexcused':
      return group.chargeUnexcusedAbsence
        ? { chargeable: true, percent: 100 }
        : { chargeable: false, reason: 'unexcused_free' };
    case 'absent_excused':
      return group.excusedAbsenceChargePercent > 0
        ? { chargeable: true, percent: Math.min(100, group.excusedAbsenceChargePercent) }
        : { chargeable: false, reason: 'excused' };
    default:
      return { chargeable: true, percent: 100 };
  }
}

/** Rule 2: whether a subscription may pay for the visit on the lesson's date. */
export function isEligible(subscription: RuleSubscription, visit: RuleVisit): boolean {
  const owned =
    subscription.studentId === visit.studentId ||
    (subscription.familyId !== null && subscription.familyId === visit.familyId);
  if (!owned) return false;
  // A cancelled or refunded sale never paid for anything, whatever the dates say.
  if (isVoided(subscription)) return false;
  if (subscription.endedAt && subscription.endedAt.getTime() <= visit.lessonStartsAt.getTime()) {
    return false;
  }
  const day = visit.lessonDate;
  if (day < subscription.beginsOn || day > subscription.endsOn) return false;
  if (
    subscription.frozenFrom !== null &&
    day >= subscription.frozenFrom &&
    (subscription.frozenTo === null || day <= subscription.frozenTo)
  ) {
    return false;
  }
  const covers =
    subscription.coversAllGroups ||
    subscription.groupIds.includes(visit.groupId) ||
    subscription.courseIds.includes(visit.courseId);
  if (!covers) return false;
  return (
    subscription.lessonsTotal === null ||
    lowestFreeSlot(subscription.lessonsTotal, subscription.usedSlots) !== null
  );
}

/** A sale that was undone: it serves no visit at all. */
export function isVoided(subscription: Pick<RuleSubscription, 'endReason'>): boolean {
  return subscription.endReason === 'cancelled' || subscription.endReason === 'refunded';
}

/**
 * A `burn` subscription that ended: its expiry charge already consumed the value of every slot
 * left, so a visit charged to it afterwards moves no money, and undoing one gives none back.
 */
export function isValueConsumed(
  subscription: Pick<RuleSubscription, 'endedAt' | 'endReason' | 'unusedLessons'>,
): boolean {
  return (
    subscription.endedAt !== null &&
    subscription.unusedLessons === 'burn' &&
    !isVoided(subscription)
  );
}

/** Rule 3's order: earliest end, then earliest begin, then lowest number. */
export function compareSubscriptions(a: RuleSubscription, b: RuleSubscription): number {
  if (a.endsOn !== b.endsOn) return a.endsOn < b.endsOn ? -1 : 1;
  if (a.beginsOn !== b.beginsOn) return a.beginsOn < b.beginsOn ? -1 : 1;
  return a.number - b.number;
}

function choiceReason(winner: RuleSubscription, runnerUp: RuleSubscription | undefined) {
  if (!runnerUp) return 'only_eligible';
  if (winner.endsOn !== runnerUp.endsOn) return 'earliest_end';
  if (winner.beginsOn !== runnerUp.beginsOn) return 'earliest_begin';
  return 'lowest_number';
}

/** Decides one visit (rules 1–4). Deterministic: the same facts always give the same decision. */
export function decideCharge(
  visit: RuleVisit,
  group: RuleGroup,
  subscriptions: readonly RuleSubscription[],
): ChargeDecision {
  const base = { status: visit.status, lessonDate: visit.lessonDate };
  const rule = chargeability(visit, group);
  if (!rule.chargeable) {
    return { outcome: 'not_chargeable', reason: rule.reason, amountKopecks: 0, params: base };
  }
  const eligible = subscriptions
    .filter((subscription) => isEligible(subscription, visit))
    .sort(compareSubscriptions);
  const [winner, runnerUp] = eligible;
  if (!winner) {
    return {
      outcome: 'debt',
      reason: 'no_eligible_subscription',
      amountKopecks: 0,
      params: { ...base, lessonPriceKopecks: group.lessonPriceKopecks },
    };
  }
  let lessonNumber: number | null = null;
  let amountKopecks = 0;
  if (winner.lessonsTotal !== null) {
    lessonNumber = lowestFreeSlot(winner.lessonsTotal, winner.usedSlots) ?? 0;
    const value = isValueConsumed(winner)
      ? 0
      : slotValue(winner.priceKopecks, winner.lessonsTotal, lessonNumber);
    amountKopecks = Math.floor((value * rule.percent) / 100);
  }
  return {
    outcome: 'subscription',
    reason: choiceReason(winner, runnerUp),
    subscriptionId: winner.id,
    lessonNumber,
    amountKopecks,
    params: {
      ...base,
      subscriptionNumber: winner.number,
      subscriptionName: winner.name,
      lessonsTotal: winner.lessonsTotal,
      endsOn: winner.endsOn,
      lessonNumber,
      alternatives: eligible.slice(1).map((subscription) => subscription.number),
      ...(visit.status === 'absent_excused' ? { percent: rule.percent } : {}),
    },
  };
}

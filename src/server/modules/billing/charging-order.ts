import {
  decideCharge,
  type ChargeDecision,
  type RuleGroup,
  type RuleSubscription,
  type RuleVisit,
} from './charging-rules.js';

/**
 * The order decisions are made in. Charging decides visits by lesson start (then visit id), each
 * seeing the slots the earlier ones took; re-running everything after the earliest change in
 * this order keeps the live state equal to charging the attendance from scratch.
 */

/** Marks the decision's slot as used on the in-memory subscription, for the next decision. */
export function applyDecision(
  subscriptions: readonly RuleSubscription[],
  decision: ChargeDecision,
): RuleSubscription[] {
  const slot = decision.outcome === 'subscription' ? decision.lessonNumber : null;
  if (decision.outcome !== 'subscription' || slot === null) return [...subscriptions];
  return subscriptions.map((subscription) =>
    subscription.id === decision.subscriptionId
      ? { ...subscription, usedSlots: [...subscription.usedSlots, slot] }
      : subscription,
  );
}

/**
 * The canonical order of decisions: lesson start, then visit id. Charging re-runs everything of
 * a family after the earliest changed visit in this order, so the live state always equals
 * charging the current attendance from scratch (docs/classes.md, invariants).
 */
export function compareVisitKeys(
  a: { lessonStartsAt: Date; visitId: string },
  b: { lessonStartsAt: Date; visitId: string },
): number {
  const byTime = a.lessonStartsAt.getTime() - b.lessonStartsAt.getTime();
  if (byTime !== 0) return byTime;
  return a.visitId < b.visitId ? -1 : a.visitId > b.visitId ? 1 : 0;
}

/** One visit to decide, keyed in the canonical order. */
export interface OrderedVisit {
  visitId: string;
  visit: RuleVisit;
  group: RuleGroup;
}

/**
 * Decides visits one after another in the canonical order, each seeing the slots the earlier
 * ones took: what charging them from scratch gives. Returns the decisions in that order (and by
 * visit id) and the subscriptions' final slots.
 */
export function decideInOrder<T extends OrderedVisit>(
  visits: readonly T[],
  subscriptions: readonly RuleSubscription[],
): {
  results: { item: T; decision: ChargeDecision }[];
  decisions: Map<string, ChargeDecision>;
  subscriptions: RuleSubscription[];
} {
  const ordered = [...visits].sort((a, b) =>
    compareVisitKeys(
      { lessonStartsAt: a.visit.lessonStartsAt, visitId: a.visitId },
      { lessonStartsAt: b.visit.lessonStartsAt, visitId: b.visitId },
    ),
  );
  const results: { item: T; decision: ChargeDecision }[] = [];
  let state = [...subscriptions];
  for (const item of ordered) {
    const decision = decideCharge(item.visit, item.group, state);
    results.push({ item, decision });
    state = applyDecision(state, decision);
  }
  const decisions = new Map(results.map(({ item, decision }) => [item.visitId, decision]));
  return { results, decisions, subscriptions: state };
}

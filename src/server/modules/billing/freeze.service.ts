import { eq } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import type { Tx } from '../../infra/db.js';
import { subscriptions } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { rechargeSubscriptionScope, settleDebts } from './charging.service.js';
import { lockStudentsMoney } from './ledger.repo.js';
import { addDays, daysInclusive } from './money-support.js';
import { findSubscription, type SubscriptionRow } from './subscriptions.repo.js';

/** Options of `freezeSubscription`. */
export interface FreezeOptions {
  organizationId: string;
  subscriptionId: string;
  /** Both days inclusive (local dates); null lifts the freeze. */
  freeze: { from: string; to: string } | null;
  actorId: string | null;
}

/**
 * A subscription of the organization with its owner's money locked (a sale's visits may be
 * re-run, which moves the owner's balance). Throws not_found.
 */
export async function lockSubscription(
  tx: Tx,
  organizationId: string,
  subscriptionId: string,
): Promise<SubscriptionRow> {
  const first = await findSubscription(tx, organizationId, subscriptionId);
  if (!first) throw new AppError('not_found');
  await lockStudentsMoney(tx, [first.studentId]);
  // Re-read under the lock: a concurrent write may have changed it meanwhile.
  const locked = await findSubscription(tx, organizationId, subscriptionId);
  if (!locked) throw new AppError('not_found');
  return locked;
}

/**
 * Freezes an open subscription from one day to another (or lifts the freeze), in the caller's
 * transaction. The end moves by the frozen days, so the customer loses none; a changed freeze
 * first gives back the days of the old one. Visits charged to it are re-run by the charging rules
 * (those inside the freeze move to another subscription or into debt), then lessons in debt its
 * new dates allow are settled as after a sale. Setting the same
 * freeze again changes nothing (idempotent).
 */
export async function freezeSubscription(tx: Tx, options: FreezeOptions): Promise<SubscriptionRow> {
  const { organizationId, subscriptionId, freeze, actorId } = options;
  const subscription = await lockSubscription(tx, organizationId, subscriptionId);
  if (subscription.endedAt) throw new AppError('subscription_ended');
  const oldDays =
    subscription.frozenFrom && subscription.frozenTo
      ? daysInclusive(subscription.frozenFrom, subscription.frozenTo)
      : 0;
  if (freeze && freeze.from === subscription.frozenFrom && freeze.to === subscription.frozenTo) {
    return subscription;
  }
  if (!freeze && oldDays === 0) return subscription;
  const baseEndsOn = addDays(subscription.endsOn, -oldDays);
  if (
    freeze &&
    (freeze.to < freeze.from || freeze.from < subscription.beginsOn || freeze.from > baseEndsOn)
  ) {
    throw new AppError('freeze_invalid');
  }
  const endsOn = freeze ? addDays(baseEndsOn, daysInclusive(freeze.from, freeze.to)) : baseEndsOn;
  await tx
    .update(subscriptions)
    .set({ frozenFrom: freeze?.from ?? null, frozenTo: freeze?.to ?? null, endsOn })
    .where(eq(subscriptions.id, subscriptionId));
  await rechargeSubscriptionScope(tx, {
    organizationId,
    subscriptionId,
    reason: 'subscription_changed',
    actorId,
  });
  // Days no longer frozen (a shorter or lifted freeze, a later end) may now serve lessons in
  // debt: settle them as a sale would (also only when the organization settles on sale).
  await settleDebts(tx, { organizationId, subscriptionId, actorId });
  await recordAudit(tx, {
    organizationId,
    actorId,
    subjectId: null,
    action: freeze ? 'billing.subscription.frozen' : 'billing.subscription.unfrozen',
    details: {
      studentId: subscription.studentId,
      subscriptionId,
      from: freeze?.from ?? null,
      to: freeze?.to ?? null,
      endsOn,
    },
  });
  const updated = await findSubscription(tx, organizationId, subscriptionId);
  if (!updated) throw new Error('frozen subscription vanished');
  return updated;
}

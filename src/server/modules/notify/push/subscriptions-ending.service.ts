import type { AppContext } from '../../../infra/context.js';
import { notifyPerson } from './notify-person.js';
import { endingDedupeKey, findEndingNotices } from './subscriptions-ending.repo.js';

/** Notices per transaction. */
export const ENDING_BATCH = 200;

/**
 * Tells every person who sees a subscription in the cabinet that it is ending — once per
 * subscription, threshold (lessons, days) and person: the dedupe key makes a rerun, a second
 * instance or an overlapping run a no-op. Both thresholds of one subscription share a push
 * topic, so a device that was offline receives only the newest. Batched; stops between
 * batches when the process shuts down.
 */
export async function notifySubscriptionsEnding(
  ctx: AppContext,
  now: Date,
  stopping: () => boolean = () => false,
): Promise<{ notified: number }> {
  let notified = 0;
  while (!stopping()) {
    const batch = await findEndingNotices(ctx.db, now, ENDING_BATCH);
    if (batch.length === 0) break;
    const written = await ctx.db.transaction(async (tx) => {
      let count = 0;
      for (const notice of batch) {
        const row = await notifyPerson(ctx, tx, {
          organizationId: notice.organizationId,
          userId: notice.userId,
          type: 'subscription_ending',
          dedupeKey: endingDedupeKey(notice.subscriptionId, notice.reason),
          topic: `sub-${notice.subscriptionId.slice(0, 8)}`,
          params: {
            subscriptionName: notice.subscriptionName,
            studentName: notice.studentName,
            reason: notice.reason,
            lessonsLeft: notice.lessonsLeft,
            endsOn: notice.endsOn,
          },
          url: `/cabinet/subscriptions?student=${notice.ownerStudentId}`,
          now,
        });
        if (row) count++;
      }
      return count;
    });
    notified += written;
    // A short batch was the last; a batch with nothing written means another run took it.
    if (batch.length < ENDING_BATCH || written === 0) break;
  }
  return { notified };
}

import { sql } from 'drizzle-orm';
import type { AppContext } from '../../infra/context.js';
import { rowsOf, type Tx } from '../../infra/db.js';
import { notifySubscriptionsEnded } from '../notify/push/index.js';
import { slotValue } from './charging-rules.js';
import { appendLedgerEntry } from './ledger.repo.js';
import { addDays } from './money-support.js';

/** Subscriptions per transaction: big enough for throughput, small enough to keep locks short. */
export const SUBSCRIPTIONS_END_BATCH = 200;

interface DueSubscription {
  id: string;
  organizationId: string;
  studentId: string;
  lessonsTotal: number | null;
  priceKopecks: number;
  chargedKopecks: number;
  unusedLessons: 'burn' | 'carry_over';
}

/**
 * The value a `burn` subscription still holds: the slots no live charge uses (a slot used by an
 * excused absence at a percent is used; its uncharged part stays with the customer). Unlimited
 * ones have no slots: the rest of their price.
 */
export function unusedValue(
  subscription: Pick<DueSubscription, 'lessonsTotal' | 'priceKopecks' | 'chargedKopecks'>,
  usedSlots: readonly number[],
): number {
  const { lessonsTotal, priceKopecks } = subscription;
  if (lessonsTotal === null) return Math.max(0, priceKopecks - subscription.chargedKopecks);
  const used = [...new Set(usedSlots)].reduce(
    (sum, k) => sum + slotValue(priceKopecks, lessonsTotal, k),
    0,
  );
  return Math.max(0, priceKopecks - used);
}

/**
 * One batch: open subscriptions whose last day has passed in their organization's time zone.
 * Rows are taken with `for update skip locked`, then their owners' money with `skip locked`
 * too: this transaction never waits, so it cannot deadlock with a charging write (which locks the
 * family first and the subscription second), and two instances take disjoint batches. A row whose
 * owner is busy is left for the next run. Returns how many were picked and how many ended.
 */
async function endBatch(
  ctx: AppContext,
  tx: Tx,
  now: Date,
): Promise<{ picked: number; ended: number }> {
  const at = now.toISOString();
  // No local date is later than UTC's date + 1: it bounds the partial index scan.
  const bound = addDays(at.slice(0, 10), 1);
  const due = await rowsOf<DueSubscription>(
    tx,
    sql`select s.id, s.organization_id as "organizationId", s.student_id as "studentId",
               s.lessons_total as "lessonsTotal", s.price_kopecks as "priceKopecks",
               s.charged_kopecks as "chargedKopecks", s.unused_lessons as "unusedLessons"
        from subscriptions s join organizations o on o.id = s.organization_id
        where s.ended_at is null and s.ends_on < ${bound}::date
          and s.ends_on < (${at}::timestamptz at time zone o.timezone)::date
        order by s.ends_on, s.id
        limit ${SUBSCRIPTIONS_END_BATCH}
        for update of s skip locked`,
  );
  if (due.length === 0) return { picked: 0, ended: 0 };
  const owners = sql.join(
    [...new Set(due.map((row) => row.studentId))].map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const locked = new Set(
    (
      await rowsOf<{ id: string }>(
        tx,
        sql`select id from students where id in (${owners}) order by id for update skip locked`,
      )
    ).map((row) => row.id),
  );
  const mine = due.filter((row) => locked.has(row.studentId));
  if (mine.length === 0) return { picked: due.length, ended: 0 };

  const ids = sql.join(
    mine.map((row) => sql`${row.id}::uuid`),
    sql`, `,
  );
  const slots = await rowsOf<{ subscriptionId: string; lessonNumber: number }>(
    tx,
    sql`select subscription_id as "subscriptionId", lesson_number as "lessonNumber" from charges
        where subscription_id in (${ids}) and superseded_at is null
          and outcome = 'subscription' and lesson_number is not null`,
  );
  for (const subscription of mine) {
    let expiry = 0;
    if (subscription.unusedLessons === 'burn') {
      const used = slots
        .filter((slot) => slot.subscriptionId === subscription.id)
        .map((slot) => slot.lessonNumber);
      expiry = unusedValue(subscription, used);
    }
    if (expiry > 0) {
      await appendLedgerEntry(tx, {
        organizationId: subscription.organizationId,
        studentId: subscription.studentId,
        kind: 'expiry_charge',
        amountKopecks: -expiry,
        subscriptionId: subscription.id,
        // One expiry per subscription, whatever happens to the job.
        idempotencyKey: `expiry:${subscription.id}`,
      });
    }
    // `carry_over`: nothing is charged; its paid, unused value becomes free balance.
    await tx.execute(
      sql`update subscriptions set ended_at = ${at}::timestamptz, end_reason = 'expired',
                 charged_kopecks = charged_kopecks + ${expiry}
          where id = ${subscription.id}`,
    );
  }
  // «Абонемент закончился» to the people who see it, committed with the end itself.
  await notifySubscriptionsEnded(
    ctx,
    tx,
    mine.map((row) => row.id),
    now,
  );
  return { picked: due.length, ended: mine.length };
}

/**
 * Ends every subscription whose last day has passed (`billing.subscriptions-end`): sets
 * `ended_at`, charges the unused value of `burn` ones (`expiry_charge`), and leaves it on the
 * balance for `carry_over` ones. Idempotent (an ended subscription no longer matches), batched,
 * safe with several instances; stops between batches when the process shuts down.
 */
export async function endDueSubscriptions(
  ctx: AppContext,
  now: Date,
  stopping: () => boolean = () => false,
): Promise<{ ended: number }> {
  let ended = 0;
  while (!stopping()) {
    const batch = await ctx.db.transaction((tx) => endBatch(ctx, tx, now));
    ended += batch.ended;
    if (batch.picked < SUBSCRIPTIONS_END_BATCH || batch.ended === 0) break;
  }
  return { ended };
}

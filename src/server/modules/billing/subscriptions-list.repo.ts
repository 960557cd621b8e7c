import { sql, type SQL } from 'drizzle-orm';
import type {
  SoldSubscription,
  SubscriptionList,
  SubscriptionListQuery,
} from '../../../shared/contracts/billing.js';
import { AppError } from '../../infra/app-error.js';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { startOfDay } from '../calendar/index.js';
import { addDays, localDayOf, organizationTimeZone } from './money-support.js';
import {
  presentSubscription,
  statusCondition,
  subscriptionColumns,
  type SoldSubscriptionRow,
} from './subscription-view.js';

export const SUBSCRIPTIONS_PAGE = 50;

/**
 * Sold subscriptions of the organization, newest number first, with filters. Keyset paging by
 * number walks `subscriptions_org_number` backwards; a student filter uses the student's index.
 */
export async function listSubscriptions(
  db: DbOrTx,
  organizationId: string,
  query: SubscriptionListQuery,
  now: Date,
): Promise<SubscriptionList> {
  const timeZone = await organizationTimeZone(db, organizationId);
  const today = localDayOf(now, timeZone);
  const conditions: SQL[] = [sql`s.organization_id = ${organizationId}`];
  if (query.studentId) conditions.push(sql`s.student_id = ${query.studentId}`);
  if (query.typeId) conditions.push(sql`s.type_id = ${query.typeId}`);
  if (query.soldFrom) {
    conditions.push(
      sql`s.sold_at >= ${startOfDay(query.soldFrom, timeZone).toISOString()}::timestamptz`,
    );
  }
  if (query.soldTo) {
    const end = startOfDay(addDays(query.soldTo, 1), timeZone);
    conditions.push(sql`s.sold_at < ${end.toISOString()}::timestamptz`);
  }
  if (query.underpaid)
    conditions.push(sql`s.ended_at is null and s.paid_kopecks < s.price_kopecks`);
  if (query.status) conditions.push(statusCondition(query.status, today));
  if (query.cursor) conditions.push(sql`s.number < ${query.cursor}`);
  const rows = await rowsOf<SoldSubscriptionRow>(
    db,
    sql`select ${subscriptionColumns}
        from subscriptions s join students st on st.id = s.student_id
        left join users u on u.id = s.sold_by
        where ${sql.join(conditions, sql` and `)}
        order by s.number desc
        limit ${SUBSCRIPTIONS_PAGE}`,
  );
  const last = rows.at(-1);
  return {
    items: rows.map((row) => presentSubscription(row, today)),
    nextCursor: rows.length === SUBSCRIPTIONS_PAGE && last ? last.number : null,
  };
}

/** One sold subscription of the organization as the console shows it. */
export async function getSoldSubscription(
  db: DbOrTx,
  organizationId: string,
  subscriptionId: string,
  now: Date,
): Promise<SoldSubscription> {
  const [row] = await rowsOf<SoldSubscriptionRow>(
    db,
    sql`select ${subscriptionColumns}
        from subscriptions s join students st on st.id = s.student_id
        left join users u on u.id = s.sold_by
        where s.organization_id = ${organizationId} and s.id = ${subscriptionId}`,
  );
  if (!row) throw new AppError('not_found');
  const today = localDayOf(now, await organizationTimeZone(db, organizationId));
  return presentSubscription(row, today);
}

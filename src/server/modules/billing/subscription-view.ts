import { sql, type SQL } from 'drizzle-orm';
import type { SoldSubscription, SubscriptionStatus } from '../../../shared/contracts/billing.js';
import { isoText } from './billing-sql.js';

/** A subscription row as the list and money pages read it (`subscriptionColumns`). */
export type SoldSubscriptionRow = Omit<SoldSubscription, 'status'>;

/**
 * The select list for `SoldSubscriptionRow`, over `subscriptions s`, `students st` (its owner)
 * and `users u` (who sold it, left joined).
 */
export const subscriptionColumns = sql`
  s.id, s.number, s.student_id as "studentId", st.full_name as "studentName",
  s.family_id as "familyId", s.type_id as "typeId", s.name,
  s.lessons_total as "lessonsTotal", s.lessons_used as "lessonsUsed",
  s.price_kopecks as "priceKopecks", s.original_price_kopecks as "originalPriceKopecks",
  s.paid_kopecks as "paidKopecks", s.charged_kopecks as "chargedKopecks",
  ${isoText(sql`s.sold_at`)} as "soldAt", s.begins_on::text as "beginsOn",
  s.ends_on::text as "endsOn", s.frozen_from::text as "frozenFrom",
  s.frozen_to::text as "frozenTo",
  case when s.ended_at is null then null else ${isoText(sql`s.ended_at`)} end as "endedAt",
  s.end_reason as "endReason", s.unused_lessons as "unusedLessons",
  s.covers_all_groups as "coversAllGroups", s.group_ids::text[] as "groupIds",
  s.course_ids::text[] as "courseIds", u.display_name as "soldByName"`;

/** Status from dates and `ended_at`, on the organization's local `today`. */
export function subscriptionStatus(
  row: Pick<
    SoldSubscriptionRow,
    'endedAt' | 'endReason' | 'beginsOn' | 'endsOn' | 'frozenFrom' | 'frozenTo'
  >,
  today: string,
): SubscriptionStatus {
  if (row.endReason === 'cancelled') return 'cancelled';
  if (row.endedAt || today > row.endsOn) return 'ended';
  if (today < row.beginsOn) return 'inactive';
  if (row.frozenFrom && today >= row.frozenFrom && (!row.frozenTo || today <= row.frozenTo)) {
    return 'frozen';
  }
  return 'active';
}

/** The same status as a SQL condition over `s`, for list filters. */
export function statusCondition(status: SubscriptionStatus, today: string): SQL {
  const frozen = sql`(s.frozen_from is not null and s.frozen_from <= ${today}::date
                      and (s.frozen_to is null or s.frozen_to >= ${today}::date))`;
  switch (status) {
    case 'cancelled':
      return sql`s.end_reason = 'cancelled'`;
    case 'ended':
      return sql`((s.ended_at is not null and s.end_reason is distinct from 'cancelled')
                  or (s.ended_at is null and s.ends_on < ${today}::date))`;
    case 'inactive':
      return sql`(s.ended_at is null and s.begins_on > ${today}::date)`;
    case 'frozen':
      return sql`(s.ended_at is null and s.begins_on <= ${today}::date
                  and s.ends_on >= ${today}::date and ${frozen})`;
    case 'active':
      return sql`(s.ended_at is null and s.begins_on <= ${today}::date
                  and s.ends_on >= ${today}::date and not ${frozen})`;
  }
}

export function presentSubscription(row: SoldSubscriptionRow, today: string): SoldSubscription {
  return { ...row, status: subscriptionStatus(row, today) };
}

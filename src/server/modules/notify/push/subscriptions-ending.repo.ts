import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../infra/db.js';
// Not through classes/index.ts: classes imports this module's hooks (new debts), and the cycle
// would leave classes' job list undefined while the modules load.
import {
  DEFAULT_ENDING_DAYS_LEFT,
  DEFAULT_ENDING_LESSONS_LEFT,
} from '../../classes/cabinet-sql.js';

/** One person to tell that one subscription reached one threshold. */
export interface EndingNotice {
  subscriptionId: string;
  organizationId: string;
  ownerStudentId: string;
  subscriptionName: string;
  studentName: string;
  reason: 'lessons' | 'days';
  lessonsLeft: number | null;
  endsOn: string;
  userId: string;
}

/** `subscription_ending:<id>:lessons` — one notification per subscription, threshold and person. */
export const endingDedupeKey = (subscriptionId: string, reason: 'lessons' | 'days') =>
  `subscription_ending:${subscriptionId}:${reason}`;

/**
 * Open subscriptions at the home block's «Заканчиваются абонементы» thresholds at `now` (≤
 * `ending_lessons_left` lessons left or ≤ `ending_days_left` days to the end, per organization,
 * active or frozen), paired with every account that sees the subscription in the cabinet (the
 * owner's, and for a family subscription the family's students', cabinet access on) and not yet
 * notified for that threshold. Both scans are index-bounded by the largest threshold of any
 * organization: `subscriptions_open_ends` for days, `subscriptions_open_lessons_left` for lessons.
 */
export async function findEndingNotices(
  db: DbOrTx,
  now: Date,
  limit: number,
): Promise<EndingNotice[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  // No local date differs from UTC's by more than a day: it bounds the ends_on range scan.
  const utcDay = sql`${now.toISOString().slice(0, 10)}::date`;
  return rowsOf<EndingNotice>(
    db,
    sql`with cfg as (
      select o.id as organization_id, (${at} at time zone o.timezone)::date as today,
             coalesce(cs.ending_lessons_left, ${DEFAULT_ENDING_LESSONS_LEFT}) as lessons_left,
             coalesce(cs.ending_days_left, ${DEFAULT_ENDING_DAYS_LEFT}) as days_left
      from organizations o left join classes_settings cs on cs.organization_id = o.id
    ),
    bounds as (select max(lessons_left) as lessons, max(days_left) as days from cfg),
    candidates as (
      select s.id from subscriptions s, bounds b
      where s.ended_at is null and s.ends_on >= ${utcDay} - 1 and s.ends_on <= ${utcDay} + 1 + b.days
      union
      select s.id from subscriptions s, bounds b
      where s.ended_at is null and s.lessons_total is not null
        and (s.lessons_total - s.lessons_used) <= b.lessons
    ),
    hits as (
      select s.id, s.organization_id, s.student_id, s.family_id, s.name, s.ends_on,
             s.lessons_total - s.lessons_used as lessons_left, r.reason
      from candidates c
      join subscriptions s on s.id = c.id
      join cfg on cfg.organization_id = s.organization_id
      cross join (values ('lessons'), ('days')) as r(reason)
      where s.begins_on <= cfg.today and s.ends_on >= cfg.today
        and ((r.reason = 'lessons' and s.lessons_total - s.lessons_used <= cfg.lessons_left)
             or (r.reason = 'days' and s.ends_on - cfg.today <= cfg.days_left))
    )
    select distinct on (h.id, sa.user_id, h.reason)
           h.id as "subscriptionId", h.organization_id as "organizationId",
           h.student_id as "ownerStudentId", h.name as "subscriptionName",
           owner.full_name as "studentName", h.reason, h.lessons_left as "lessonsLeft",
           to_char(h.ends_on, 'YYYY-MM-DD') as "endsOn", sa.user_id as "userId"
    from hits h
    join students owner on owner.id = h.student_id
    join students st on st.organization_id = h.organization_id and st.cabinet_access
     and st.merged_into_id is null
     and (st.id = h.student_id or (h.family_id is not null and st.family_id = h.family_id))
    join student_accounts sa on sa.student_id = st.id and sa.organization_id = h.organization_id
    where not exists (
      select 1 from notifications n
      where n.organization_id = h.organization_id and n.user_id = sa.user_id
        and n.dedupe_key = 'subscription_ending:' || h.id || ':' || h.reason)
    order by h.id, sa.user_id, h.reason
    limit ${limit}`,
  );
}

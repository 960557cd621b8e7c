import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../infra/db.js';
import { uuidList } from './charges-sql.js';

/** Which visits a lesson or a subscription touches, for re-running their charges. */

/** Visits whose live decision charges the subscription. */
export async function findVisitIdsChargedTo(
  tx: Tx,
  organizationId: string,
  subscriptionId: string,
): Promise<string[]> {
  const rows = await rowsOf<{ visitId: string }>(
    tx,
    sql`select visit_id as "visitId" from charges
        where organization_id = ${organizationId} and subscription_id = ${subscriptionId}
          and superseded_at is null and outcome = 'subscription'`,
  );
  return rows.map((row) => row.visitId);
}

/** Visits of a lesson. */
export async function findLessonVisitIds(
  tx: Tx,
  organizationId: string,
  lessonId: string,
): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`select id from visits where organization_id = ${organizationId} and lesson_id = ${lessonId}`,
  );
  return rows.map((row) => row.id);
}

/** A sold subscription's owner, family, dates and scope (what settling debts needs). */
export interface SubscriptionScopeRow {
  id: string;
  studentId: string;
  familyId: string | null;
  beginsOn: string;
  endsOn: string;
  coversAllGroups: boolean;
  groupIds: string[];
  courseIds: string[];
  timezone: string;
  settleDebtsOnSale: boolean;
}

export async function findSubscriptionScope(
  tx: Tx,
  organizationId: string,
  subscriptionId: string,
): Promise<SubscriptionScopeRow | undefined> {
  const [row] = await rowsOf<SubscriptionScopeRow>(
    tx,
    sql`select sub.id, sub.student_id as "studentId", sub.family_id as "familyId",
               sub.begins_on::text as "beginsOn", sub.ends_on::text as "endsOn",
               sub.covers_all_groups as "coversAllGroups",
               sub.group_ids::text[] as "groupIds", sub.course_ids::text[] as "courseIds",
               o.timezone, coalesce(cs.settle_debts_on_sale, true) as "settleDebtsOnSale"
        from subscriptions sub
        join organizations o on o.id = sub.organization_id
        left join classes_settings cs on cs.organization_id = sub.organization_id
        where sub.organization_id = ${organizationId} and sub.id = ${subscriptionId}`,
  );
  return row;
}

/**
 * Visits in debt that a subscription may serve: of its owner (or its family when shared), with
 * lessons between `from` and `to` (instants of its first and after-last local days) in its scope.
 */
export async function findDebtVisitIds(
  tx: Tx,
  organizationId: string,
  scope: SubscriptionScopeRow,
  from: Date,
  to: Date,
): Promise<string[]> {
  const students = scope.familyId
    ? sql`(select id from students where family_id = ${scope.familyId}
           and organization_id = ${organizationId})`
    : sql`(${scope.studentId}::uuid)`;
  const groupIds = scope.groupIds.length > 0 ? uuidList(scope.groupIds) : sql`null`;
  const courseIds = scope.courseIds.length > 0 ? uuidList(scope.courseIds) : sql`null`;
  const rows = await rowsOf<{ visitId: string }>(
    tx,
    sql`select c.visit_id as "visitId" from charges c join groups g on g.id = c.group_id
        where c.organization_id = ${organizationId} and c.student_id in ${students}
          and c.superseded_at is null and c.outcome = 'debt'
          and c.lesson_starts_at >= ${from.toISOString()}::timestamptz
          and c.lesson_starts_at < ${to.toISOString()}::timestamptz
          and (${scope.coversAllGroups} or g.id in (${groupIds})
               or g.course_id in (${courseIds}))
        order by c.lesson_starts_at, c.visit_id`,
  );
  return rows.map((row) => row.visitId);
}

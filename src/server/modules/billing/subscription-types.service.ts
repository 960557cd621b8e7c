import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { SubscriptionType, SubscriptionTypeInput } from '../../../shared/contracts/billing.js';
import { ZSubscriptionTypeInput } from '../../../shared/contracts/billing.js';
import { AppError } from '../../infra/app-error.js';
import type { DbOrTx } from '../../infra/db.js';
import { courses, groups, subscriptionTypes } from '../../schema.js';
import { recordAudit } from '../access/index.js';

type TypeRow = typeof subscriptionTypes.$inferSelect;

function present(row: TypeRow): SubscriptionType {
  return {
    id: row.id,
    name: row.name,
    lessonsCount: row.lessonsCount,
    validityDays: row.validityDays,
    priceKopecks: row.priceKopecks,
    coversAllGroups: row.coversAllGroups,
    groupIds: row.groupIds,
    courseIds: row.courseIds,
    shareableInFamily: row.shareableInFamily,
    unusedLessons: row.unusedLessons,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The organization's subscription types on sale (or archived ones), by name. */
export async function listSubscriptionTypes(
  db: DbOrTx,
  organizationId: string,
  archived: boolean,
): Promise<SubscriptionType[]> {
  const rows = await db
    .select()
    .from(subscriptionTypes)
    .where(
      and(
        eq(subscriptionTypes.organizationId, organizationId),
        archived ? isNotNull(subscriptionTypes.archivedAt) : isNull(subscriptionTypes.archivedAt),
      ),
    )
    .orderBy(asc(subscriptionTypes.name), asc(subscriptionTypes.id));
  return rows.map(present);
}

/**
 * The scope, checked: at least one group or course unless it covers all, and every id a group
 * or course of this organization (an id from elsewhere answers not_found, revealing nothing).
 */
async function checkedScope(db: DbOrTx, organizationId: string, input: SubscriptionTypeInput) {
  const parsed = ZSubscriptionTypeInput.parse(input);
  const groupIds = parsed.coversAllGroups ? [] : [...new Set(parsed.groupIds)];
  const courseIds = parsed.coversAllGroups ? [] : [...new Set(parsed.courseIds)];
  if (!parsed.coversAllGroups && groupIds.length === 0 && courseIds.length === 0) {
    throw new AppError('subscription_type_scope_empty');
  }
  if (groupIds.length > 0) {
    const found = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.organizationId, organizationId), inArray(groups.id, groupIds)));
    if (found.length !== groupIds.length) throw new AppError('not_found');
  }
  if (courseIds.length > 0) {
    const found = await db
      .select({ id: courses.id })
      .from(courses)
      .where(and(eq(courses.organizationId, organizationId), inArray(courses.id, courseIds)));
    if (found.length !== courseIds.length) throw new AppError('not_found');
  }
  return { ...parsed, groupIds, courseIds };
}

/** Adds a subscription type. Sold subscriptions copy its terms, so editing it later is safe. */
export async function createSubscriptionType(
  db: DbOrTx,
  organizationId: string,
  actorId: string,
  input: SubscriptionTypeInput,
): Promise<SubscriptionType> {
  const values = await checkedScope(db, organizationId, input);
  const [row] = await db
    .insert(subscriptionTypes)
    .values({ organizationId, ...values })
    .returning();
  if (!row) throw new Error('subscription type not stored');
  await recordAudit(db, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'billing.subscription_type.created',
    details: { typeId: row.id, name: row.name, priceKopecks: row.priceKopecks },
  });
  return present(row);
}

/** Edits a type; subscriptions already sold keep the terms they were sold with. */
export async function updateSubscriptionType(
  db: DbOrTx,
  organizationId: string,
  actorId: string,
  id: string,
  input: SubscriptionTypeInput,
): Promise<SubscriptionType> {
  const values = await checkedScope(db, organizationId, input);
  const [row] = await db
    .update(subscriptionTypes)
    .set(values)
    .where(and(eq(subscriptionTypes.id, id), eq(subscriptionTypes.organizationId, organizationId)))
    .returning();
  if (!row) throw new AppError('not_found');
  await recordAudit(db, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'billing.subscription_type.updated',
    details: { typeId: row.id, name: row.name, priceKopecks: row.priceKopecks },
  });
  return present(row);
}

/** Takes a type off sale (or back); archived types cannot be sold, sold ones are untouched. */
export async function archiveSubscriptionType(
  db: DbOrTx,
  organizationId: string,
  id: string,
  archived: boolean,
): Promise<SubscriptionType> {
  const [row] = await db
    .update(subscriptionTypes)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(subscriptionTypes.id, id), eq(subscriptionTypes.organizationId, organizationId)))
    .returning();
  if (!row) throw new AppError('not_found');
  return present(row);
}

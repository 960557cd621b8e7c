import { and, asc, eq, gt, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { organizations } from '../orgs/orgs.schema.js';
import { accountBlocks, sessions, users } from './access.schema.js';

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Customers to warn that their access period ends within their organization's
 * `access_warning_days`, not yet warned for this end (`access_warning_sent_for`), oldest end
 * first. Bounded by index `users_access_valid_until`.
 */
export async function findAccountsToWarn(
  db: DbOrTx,
  now: Date,
  options: { organizationId: string | null; limit: number },
) {
  return db
    .select({ user: users, organization: organizations })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        options.organizationId ? eq(users.organizationId, options.organizationId) : undefined,
        isNull(users.staffRole),
        isNotNull(users.accessOpenedAt),
        isNotNull(users.email),
        gt(users.accessValidUntil, now),
        gt(organizations.accessWarningDays, 0),
        sql`${users.accessValidUntil} <= ${at(now)} + ${organizations.accessWarningDays} * interval '1 day'`,
        sql`${users.accessWarningSentFor} is distinct from ${users.accessValidUntil}`,
      ),
    )
    .orderBy(asc(users.accessValidUntil), asc(users.id))
    .limit(options.limit);
}

/**
 * Marks the warning for this access end as sent, unless it was (another run got there first)
 * or the end has changed since it was read. True when this caller should send the email.
 */
export async function claimAccessWarning(db: DbOrTx, userId: string, accessValidUntil: Date) {
  const claimed = await db
    .update(users)
    .set({ accessWarningSentFor: accessValidUntil })
    .where(
      and(
        eq(users.id, userId),
        eq(users.accessValidUntil, accessValidUntil),
        sql`${users.accessWarningSentFor} is distinct from ${users.accessValidUntil}`,
      ),
    )
    .returning({ id: users.id });
  return claimed.length > 0;
}

/**
 * SQL: the account has been inactive since before `cutoff`. The clock starts at the last
 * sign-in, else the opening of access, and restarts when an `inactive_too_long` block ended or
 * was lifted — so staff lifting one does not see it come back the next morning. A live
 * session used since the cutoff ("remember me") also counts as activity.
 */
const inactiveSince = (cutoff: SQL) => sql`(
  coalesce(${users.lastSignInAt}, ${users.accessOpenedAt}) < ${cutoff}
  and not exists (select 1 from ${accountBlocks} b where b.user_id = ${users.id}
    and b.reason = 'inactive_too_long'
    and (least(b.lifted_at, b.ends_at) is null or least(b.lifted_at, b.ends_at) >= ${cutoff}))
  and not exists (select 1 from ${sessions} s where s.user_id = ${users.id}
    and s.ended_at is null and s.last_seen_at >= ${cutoff}))`;

/** SQL: the organization's inactivity cutoff at `now`. */
const cutoffAt = (now: Date) =>
  sql`${at(now)} - ${organizations.inactivityBlockDays} * interval '1 day'`;

/**
 * Customers of organizations with `inactivity_block_days` who have been inactive for longer
 * and have no `inactive_too_long` block yet. Accounts whose access is not open or has ended are
 * already kept out and are left alone.
 */
export async function findInactiveAccounts(
  db: DbOrTx,
  now: Date,
  options: { organizationId: string | null; limit: number },
) {
  return db
    .select({
      id: users.id,
      organizationId: users.organizationId,
      days: organizations.inactivityBlockDays,
    })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        options.organizationId ? eq(users.organizationId, options.organizationId) : undefined,
        isNotNull(organizations.inactivityBlockDays),
        isNull(users.staffRole),
        isNotNull(users.accessOpenedAt),
        sql`(${users.accessValidUntil} is null or ${users.accessValidUntil} > ${at(now)})`,
        inactiveSince(cutoffAt(now)),
      ),
    )
    .orderBy(asc(users.id))
    .limit(options.limit);
}

/**
 * Locks the account row and re-checks inactivity, so two runs never block one account twice.
 * True when the caller should block it.
 */
export async function lockIfStillInactive(db: DbOrTx, userId: string, cutoff: Date) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), inactiveSince(at(cutoff))))
    .for('update');
  return rows.length > 0;
}

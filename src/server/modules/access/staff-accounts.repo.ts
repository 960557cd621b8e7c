import {
  and,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AccountStatus } from '../../../shared/contracts/staff-accounts.js';
import type { NormalizedLogin } from '../../../shared/login.js';
import type { DbOrTx } from '../../infra/db.js';
import { accountBlocks, signInEvents, users } from './access.schema.js';
import type { NewUserRow, UserRow } from './users.repo.js';

/** Where a page of accounts ends: the last row's creation time (with microseconds) and id. */
export interface AccountCursor {
  createdAt: string;
  id: string;
}

/** An account of this organization, or null (another organization's id finds nothing). */
export async function findAccount(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, id)))
    .limit(1);
  return row ?? null;
}

/** Accounts using this email or this phone (unique indexes; at most two rows). */
export async function findAccountsByContact(
  db: DbOrTx,
  organizationId: string,
  contact: { email: string | null; phone: string | null },
) {
  const matches = [
    contact.email ? eq(users.email, contact.email) : undefined,
    contact.phone ? eq(users.phone, contact.phone) : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  if (matches.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), or(...matches)));
}

/** The account with this email (CLI), or null. */
export async function findAccountByEmail(db: DbOrTx, organizationId: string, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, email)))
    .limit(1);
  return row ?? null;
}

export async function personalCodeTaken(db: DbOrTx, organizationId: string, code: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.personalCode, code)))
    .limit(1);
  return Boolean(row);
}

/**
 * Inserts an account; null when a unique value (email, phone, personal code) is taken meanwhile.
 * DO NOTHING rather than an error keeps the surrounding transaction usable for a retry.
 */
export async function insertAccount(db: DbOrTx, values: NewUserRow) {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Updates an account; callers check email, phone and personal code for collisions first. */
export async function updateAccount(db: DbOrTx, id: string, change: Partial<NewUserRow>) {
  const [row] = await db
    .update(users)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** SQL: a block of the account is in force at `now`. */
const blockedAt = (now: Date) =>
  sql`exists (select 1 from ${accountBlocks} b where b.user_id = ${users.id}
    and b.lifted_at is null and b.starts_at <= ${now.toISOString()}::timestamptz
    and (b.ends_at is null or b.ends_at > ${now.toISOString()}::timestamptz))`;
const notOpened = sql`(${users.staffRole} is null and ${users.accessOpenedAt} is null)`;
const periodEndedAt = (now: Date) =>
  sql`(${users.staffRole} is null and ${users.accessValidUntil} is not null
    and ${users.accessValidUntil} <= ${now.toISOString()}::timestamptz)`;

/** SQL matching `deriveAccountStatus` for one status, in the same order of precedence. */
function statusCondition(status: AccountStatus, now: Date): SQL {
  const blocked = blockedAt(now);
  const ended = periodEndedAt(now);
  const invited = sql`${users.passwordHash} is null`;
  switch (status) {
    case 'blocked':
      return blocked;
    case 'not_opened':
      return sql`not ${blocked} and ${notOpened}`;
    case 'access_ended':
      return sql`not ${blocked} and not ${notOpened} and ${ended}`;
    case 'invited':
      return sql`not ${blocked} and not ${notOpened} and not ${ended} and ${invited}`;
    case 'active':
      return sql`not ${blocked} and not ${notOpened} and not ${ended} and not ${invited}`;
  }
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * One page of accounts, newest first, keyset-paginated on (created_at, id) so a page never
 * counts the rows before it. An email, phone or personal code finds that account through its
 * unique index; other text matches names, emails and phones by substring.
 */
export async function listAccounts(
  db: DbOrTx,
  organizationId: string,
  options: {
    login: NormalizedLogin | null;
    text: string | null;
    status: AccountStatus | null;
    after: AccountCursor | null;
    limit: number;
    now: Date;
  },
) {
  const { login, text, after } = options;
  let search: SQL | undefined;
  if (login?.kind === 'email') search = eq(users.email, login.value);
  else if (login?.kind === 'phone') search = eq(users.phone, login.value);
  else if (text) {
    const pattern = likePattern(text);
    search = or(
      sql`${users.displayName} ilike ${pattern}`,
      sql`${users.email} ilike ${pattern}`,
      sql`${users.phone} ilike ${pattern}`,
      login?.kind === 'personal_code' ? eq(users.personalCode, login.value) : undefined,
    );
  }
  return db
    .select({
      ...getTableColumns(users),
      cursorTime: sql<string>`to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        search,
        options.status ? statusCondition(options.status, options.now) : undefined,
        after
          ? sql`(${users.createdAt}, ${users.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(options.limit);
}

/** Blocks in force at `now` of several accounts (index `account_blocks_user_active`). */
export async function findBlocksInForceOf(db: DbOrTx, userIds: string[], now: Date) {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(accountBlocks)
    .where(
      and(
        inArray(accountBlocks.userId, userIds),
        isNull(accountBlocks.liftedAt),
        lte(accountBlocks.startsAt, now),
        or(isNull(accountBlocks.endsAt), gt(accountBlocks.endsAt, now)),
      ),
    );
}

/** The account's last sign-in attempts, newest first (index `sign_in_events_user`). */
export async function findRecentSignIns(db: DbOrTx, userId: string, limit: number) {
  return db
    .select()
    .from(signInEvents)
    .where(eq(signInEvents.userId, userId))
    .orderBy(desc(signInEvents.createdAt))
    .limit(limit);
}

export type AccountRow = UserRow;

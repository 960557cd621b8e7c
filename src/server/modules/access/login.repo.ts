import { and, eq, sql } from 'drizzle-orm';
import type { BlockReasonCode } from '../../../shared/block-reasons.js';
import type { NormalizedLogin } from '../../../shared/login.js';
import type { DbOrTx } from '../../infra/db.js';
import { users } from './access.schema.js';

const COLUMN = {
  email: users.email,
  phone: users.phone,
  personal_code: users.personalCode,
} as const;

/** The account a normalized login names in this organization, or null. */
export async function findAccountByLogin(
  db: DbOrTx,
  organizationId: string,
  login: NormalizedLogin,
) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(COLUMN[login.kind], login.value)))
    .limit(1);
  return row ?? null;
}

interface BlockJson {
  reason: BlockReasonCode;
  startsAt: string;
  endsAt: string | null;
}
interface ThrottleJson {
  key: string;
  failures: number;
  lockedUntil: string | null;
  updatedAt: string;
}

/**
 * Everything sign-in needs to know of a login, in one query: the account, its unlifted blocks,
 * and the throttle rows of the account and of the client address. Sign-in is the hottest
 * argon2-bound path; every extra round trip takes main-thread time from the hash threads.
 */
// The subqueries name `users.id` literally: Drizzle renders an interpolated column unqualified
// inside a select list, where it would bind to the subquery's own `id`.
export async function findSignInSubject(
  db: DbOrTx,
  organizationId: string,
  login: NormalizedLogin,
  addressKey: string,
) {
  const [row] = await db
    .select({
      user: users,
      blocks: sql<BlockJson[]>`coalesce((
        select json_agg(json_build_object('reason', b.reason, 'startsAt', b.starts_at, 'endsAt', b.ends_at))
          from account_blocks b where b.user_id = users.id and b.lifted_at is null), '[]'::json)`,
      throttles: sql<ThrottleJson[]>`coalesce((
        select json_agg(json_build_object('key', t.key, 'failures', t.failures,
          'lockedUntil', t.locked_until, 'updatedAt', t.updated_at))
          from sign_in_throttles t
         where t.organization_id = ${organizationId}
           and t.key in ('account:' || users.id::text, ${addressKey})), '[]'::json)`,
    })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(COLUMN[login.kind], login.value)))
    .limit(1);
  if (!row) return null;
  const date = (value: string) => new Date(value);
  return {
    user: row.user,
    blocks: row.blocks.map((block) => ({
      reason: block.reason,
      startsAt: date(block.startsAt),
      endsAt: block.endsAt === null ? null : date(block.endsAt),
      liftedAt: null,
    })),
    throttles: row.throttles.map((throttle) => ({
      key: throttle.key,
      failures: throttle.failures,
      lockedUntil: throttle.lockedUntil === null ? null : date(throttle.lockedUntil),
      updatedAt: date(throttle.updatedAt),
    })),
  };
}

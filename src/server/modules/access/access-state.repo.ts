import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { accountBlocks } from './access.schema.js';

/** Blocks of an account in force at `now` (index `account_blocks_user_active`). */
export async function findBlocksInForce(db: DbOrTx, userId: string, now: Date) {
  return db
    .select({
      reason: accountBlocks.reason,
      startsAt: accountBlocks.startsAt,
      endsAt: accountBlocks.endsAt,
      liftedAt: accountBlocks.liftedAt,
    })
    .from(accountBlocks)
    .where(
      and(
        eq(accountBlocks.userId, userId),
        isNull(accountBlocks.liftedAt),
        lte(accountBlocks.startsAt, now),
        or(isNull(accountBlocks.endsAt), gt(accountBlocks.endsAt, now)),
      ),
    );
}

import { and, desc, eq, getTableColumns, gt, isNull, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BlockReasonCode } from '../../../shared/block-reasons.js';
import type { DbOrTx } from '../../infra/db.js';
import { accountBlocks, users } from './access.schema.js';

export type BlockRow = typeof accountBlocks.$inferSelect;

export async function insertBlock(db: DbOrTx, values: typeof accountBlocks.$inferInsert) {
  const [row] = await db.insert(accountBlocks).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A block of this account in this organization, or null. */
export async function findBlock(
  db: DbOrTx,
  organizationId: string,
  userId: string,
  blockId: string,
) {
  const [row] = await db
    .select()
    .from(accountBlocks)
    .where(
      and(
        eq(accountBlocks.organizationId, organizationId),
        eq(accountBlocks.userId, userId),
        eq(accountBlocks.id, blockId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Blocks of an account in force at `now`, optionally of one reason. */
export async function findBlocksInForce(
  db: DbOrTx,
  userId: string,
  now: Date,
  reason?: BlockReasonCode,
) {
  return db
    .select()
    .from(accountBlocks)
    .where(
      and(
        eq(accountBlocks.userId, userId),
        isNull(accountBlocks.liftedAt),
        lte(accountBlocks.startsAt, now),
        or(isNull(accountBlocks.endsAt), gt(accountBlocks.endsAt, now)),
        reason ? eq(accountBlocks.reason, reason) : undefined,
      ),
    );
}

export async function updateBlockEnd(db: DbOrTx, blockId: string, endsAt: Date | null) {
  const [row] = await db
    .update(accountBlocks)
    .set({ endsAt })
    .where(eq(accountBlocks.id, blockId))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** Lifts a block unless it was lifted already (then null): one statement, so two lifts race safely. */
export async function liftBlock(
  db: DbOrTx,
  blockId: string,
  change: { liftedAt: Date; liftedBy: string | null },
) {
  const [row] = await db
    .update(accountBlocks)
    .set(change)
    .where(and(eq(accountBlocks.id, blockId), isNull(accountBlocks.liftedAt)))
    .returning();
  return row ?? null;
}

/** Blocks with who set and lifted them: one account's newest first, or one block by id. */
export async function findBlocksWithPeople(
  db: DbOrTx,
  of: { userId: string } | { blockId: string },
  limit: number,
) {
  const setter = alias(users, 'setter');
  const lifter = alias(users, 'lifter');
  return db
    .select({
      ...getTableColumns(accountBlocks),
      createdByName: setter.displayName,
      liftedByName: lifter.displayName,
    })
    .from(accountBlocks)
    .leftJoin(setter, eq(setter.id, accountBlocks.createdBy))
    .leftJoin(lifter, eq(lifter.id, accountBlocks.liftedBy))
    .where('userId' in of ? eq(accountBlocks.userId, of.userId) : eq(accountBlocks.id, of.blockId))
    .orderBy(desc(accountBlocks.createdAt), desc(accountBlocks.id))
    .limit(limit);
}

export type BlockWithPeople = Awaited<ReturnType<typeof findBlocksWithPeople>>[number];

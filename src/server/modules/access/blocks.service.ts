import type { BlockReasonCode } from '../../../shared/block-reasons.js';
import type { SetBlockRequest, StaffBlock } from '../../../shared/contracts/staff-accounts.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import {
  findBlock,
  findBlocksInForce,
  findBlocksWithPeople,
  insertBlock,
  liftBlock,
  updateBlockEnd,
  type BlockRow,
} from './blocks.repo.js';
import { endUserSessions } from './sessions.repo.js';
import type { Actor } from './staff-accounts.policy.js';
import { toStaffBlock, blockInForce } from './staff-accounts.present.js';
import { loadAdministrableAccount } from './staff-accounts.service.js';
import { auditAs } from './staff-audit.service.js';
import { clearSignInLock } from './throttle.repo.js';

/** An end must lie ahead: to end a block now, lift it. */
function futureEnd(endsAt: string | null | undefined, now: Date): Date | null {
  if (!endsAt) return null;
  const end = new Date(endsAt);
  if (end <= now) {
    throw new AppError('validation_failed', [{ path: ['endsAt'], code: 'not_in_future' }]);
  }
  return end;
}

const staffId = (actor: Actor) => (actor.kind === 'staff' ? actor.id : null);

/** A block as staff see it, with the names of who set and lifted it. */
async function presentBlock(tx: DbOrTx, blockId: string, now: Date): Promise<StaffBlock> {
  const [block] = await findBlocksWithPeople(tx, { blockId }, 1);
  if (!block) throw new Error('block vanished');
  return toStaffBlock(block, now);
}

/**
 * Blocks an account with a reason the person will be told, and ends all its sessions in the
 * same transaction. Several blocks may hold at once; one with an end lifts itself then.
 */
export async function setBlock(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  request: SetBlockRequest,
  actor: Actor,
  now = new Date(),
): Promise<StaffBlock> {
  const endsAt = futureEnd(request.endsAt, now);
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    const block = await insertBlock(tx, {
      organizationId,
      userId: account.id,
      reason: request.reason,
      startsAt: now,
      endsAt,
      note: request.note ?? null,
      createdBy: staffId(actor),
    });
    const sessionsEnded = await endUserSessions(tx, account.id, 'account_blocked');
    await auditAs(tx, actor, {
      organizationId,
      subjectId: account.id,
      action: 'block.set',
      details: {
        blockId: block.id,
        reason: block.reason,
        endsAt: block.endsAt?.toISOString() ?? null,
        note: block.note,
        sessionsEnded,
      },
    });
    return presentBlock(tx, block.id, now);
  });
}

/** The block, in force at `now`, or `not_found` / `invalid_state`. */
async function loadBlockInForce(
  tx: DbOrTx,
  organizationId: string,
  accountId: string,
  blockId: string,
  now: Date,
) {
  const block = await findBlock(tx, organizationId, accountId, blockId);
  if (!block) throw new AppError('not_found');
  if (!blockInForce(block, now)) throw new AppError('invalid_state');
  return block;
}

/** Shortens or extends a block in force (null: until lifted). */
export async function changeBlockEnd(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  blockId: string,
  endsAtText: string | null,
  actor: Actor,
  now = new Date(),
): Promise<StaffBlock> {
  const endsAt = futureEnd(endsAtText, now);
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    const block = await loadBlockInForce(tx, organizationId, account.id, blockId, now);
    await updateBlockEnd(tx, block.id, endsAt);
    await auditAs(tx, actor, {
      organizationId,
      subjectId: account.id,
      action: 'block.changed',
      details: {
        blockId: block.id,
        reason: block.reason,
        from: block.endsAt?.toISOString() ?? null,
        to: endsAt?.toISOString() ?? null,
      },
    });
    return presentBlock(tx, block.id, now);
  });
}

/** Lifts one block in `tx` and audits it; a lifted lockout also clears the failure counter. */
async function liftOne(
  tx: DbOrTx,
  organizationId: string,
  block: BlockRow,
  actor: Actor,
  note: string | null,
  now: Date,
) {
  const lifted = await liftBlock(tx, block.id, { liftedAt: now, liftedBy: staffId(actor) });
  if (!lifted) throw new AppError('invalid_state');
  if (block.reason === 'too_many_failed_attempts') {
    await clearSignInLock(tx, organizationId, block.userId);
  }
  await auditAs(tx, actor, {
    organizationId,
    subjectId: block.userId,
    action: 'block.lifted',
    details: { blockId: block.id, reason: block.reason, note },
  });
  return lifted;
}

/** Lifts a block in force, with an optional note for the audit log. */
export async function liftAccountBlock(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  blockId: string,
  note: string | null,
  actor: Actor,
  now = new Date(),
): Promise<StaffBlock> {
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    const block = await loadBlockInForce(tx, organizationId, account.id, blockId, now);
    await liftOne(tx, organizationId, block, actor, note, now);
    return presentBlock(tx, block.id, now);
  });
}

/** Lifts every block in force (of one reason, when given); returns how many (CLI `unblock`). */
export async function liftBlocksInForce(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  reason: BlockReasonCode | null,
  actor: Actor,
  now = new Date(),
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    const blocks = await findBlocksInForce(tx, account.id, now, reason ?? undefined);
    for (const block of blocks) await liftOne(tx, organizationId, block, actor, null, now);
    return blocks.length;
  });
}

import type { StaffAccountSummary, StaffBlock } from '../../../shared/contracts/staff-accounts.js';
import { deriveAccountStatus } from './account-status.js';
import type { BlockRow, BlockWithPeople } from './blocks.repo.js';
import type { UserRow } from './users.repo.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Whether a block is in force at `now`. */
export const blockInForce = (block: BlockRow, now: Date) =>
  block.liftedAt === null && block.startsAt <= now && (block.endsAt === null || block.endsAt > now);

/** An account as the staff console lists it; `blocks` are the account's blocks in force. */
export function toAccountSummary(
  user: UserRow,
  blocks: BlockRow[],
  now: Date,
): StaffAccountSummary {
  const inForce = blocks.filter((block) => block.userId === user.id && blockInForce(block, now));
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    personalCode: user.personalCode,
    staffRole: user.staffRole,
    locale: user.locale === 'en' ? 'en' : 'ru',
    status: deriveAccountStatus(user, inForce, now),
    activated: user.passwordHash !== null,
    accessOpenedAt: iso(user.accessOpenedAt),
    accessValidUntil: iso(user.accessValidUntil),
    accessGrantedBy: user.accessGrantedBy,
    sessionLimit: user.sessionLimit,
    lastSignInAt: iso(user.lastSignInAt),
    createdAt: user.createdAt.toISOString(),
    activeBlocks: inForce.map((block) => ({
      id: block.id,
      reason: block.reason,
      endsAt: iso(block.endsAt),
    })),
  };
}

/** A block as staff see it; names are given when the query joined them. */
export function toStaffBlock(
  block: BlockRow & Partial<Pick<BlockWithPeople, 'createdByName' | 'liftedByName'>>,
  now: Date,
): StaffBlock {
  const person = (id: string | null, name: string | null | undefined) =>
    id ? { id, displayName: name ?? '' } : null;
  return {
    id: block.id,
    reason: block.reason,
    startsAt: block.startsAt.toISOString(),
    endsAt: iso(block.endsAt),
    note: block.note,
    createdBy: person(block.createdBy, block.createdByName),
    createdAt: block.createdAt.toISOString(),
    liftedAt: iso(block.liftedAt),
    liftedBy: person(block.liftedBy, block.liftedByName),
    active: blockInForce(block, now),
  };
}

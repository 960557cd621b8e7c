import type { AccountStatus } from '../../../shared/contracts/staff-accounts.js';
import type { AccessSubject, BlockWindow } from './access-state.js';

/**
 * The one status the staff console shows for an account at `now`, most pressing first. Mirrors
 * `evaluateAccess` (staff need no opened access and have no access period) and the SQL filter
 * `statusCondition` in staff-accounts.repo.ts; change all three together.
 */
export function deriveAccountStatus(
  account: AccessSubject & { passwordHash: string | null },
  blocks: BlockWindow[],
  now: Date,
): AccountStatus {
  const blocked = blocks.some(
    (block) =>
      block.liftedAt === null &&
      block.startsAt <= now &&
      (block.endsAt === null || block.endsAt > now),
  );
  if (blocked) return 'blocked';
  const customer = account.staffRole === null;
  if (customer && account.accessOpenedAt === null) return 'not_opened';
  if (customer && account.accessValidUntil && account.accessValidUntil <= now)
    return 'access_ended';
  if (account.passwordHash === null) return 'invited';
  return 'active';
}

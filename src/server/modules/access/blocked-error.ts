import type { AccountBlockedDetails } from '../../../shared/contracts/auth.js';
import { AppError } from '../../infra/app-error.js';
import type { Organization } from '../orgs/index.js';
import type { BlockingReason } from './access-state.js';
import type { UserRow } from './users.repo.js';

/** The login a person quotes to support: email, else phone, else personal code. */
export const displayLogin = (user: UserRow) => user.email ?? user.phone ?? user.personalCode ?? '';

/** 403 `account_blocked` with everything the blocked screen shows. */
export function accountBlockedError(
  user: UserRow,
  reasons: BlockingReason[],
  organization: Organization,
): AppError {
  const details: AccountBlockedDetails = {
    reasons: reasons.map((reason) => ({
      code: reason.code,
      until: reason.until?.toISOString() ?? null,
    })),
    login: displayLogin(user),
    support: { email: organization.supportEmail, phone: organization.supportPhone },
  };
  return new AppError('account_blocked', details);
}

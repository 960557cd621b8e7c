import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import { authRoutes } from './auth.routes.js';
import { setupRoutes } from './setup.routes.js';
import { blocksRoutes } from './blocks.routes.js';
import { staffAccountsRoutes } from './staff-accounts.routes.js';
import type { Guards } from './guards.js';
import { accountRoutes } from './account.routes.js';
import { activationRoutes } from './activation.routes.js';
import { passwordResetRoutes } from './password-reset.routes.js';
import { registrationRoutes } from './registration.routes.js';

export { createGuards, type Guards } from './guards.js';
export { issueFirstAdminLink } from './setup.service.js';
export { createStaffUser } from './staff-users.service.js';
export { hashPassword, verifyPassword, ARGON2_PARAMS } from './passwords.js';
export { recordAudit } from './audit.repo.js';
export type { Actor } from './staff-accounts.policy.js';
export { endUserSessions } from './sessions.repo.js';
export { accessWarningJobs } from './access-warnings.jobs.js';
export { openAccess } from './staff-accounts.service.js';
export {
  extendPaidAccess,
  type ExtendPaidAccessOptions,
  type PaidAccessResult,
} from './paid-access.service.js';
export { liftBlocksInForce, setBlock } from './blocks.service.js';
export { findAccountIdByEmail } from './staff-accounts-view.service.js';
export { seedDemoAccount, type DemoAccountSpec } from './demo-accounts.service.js';
export { checkNewPassword, assertNewPassword } from './password-policy.js';
export { issueSmsCode, verifySmsCode, SMS_CODE_TTL_MINUTES } from './sms-codes.service.js';
export { claimSmsCode } from './password-reset.repo.js';
export { findAccountByLogin } from './login.repo.js';
export { findAccount } from './staff-accounts.repo.js';
export { generateCode } from './personal-codes.js';
export { clearThrottle, countUse, findThrottle, recordFailure } from './throttle.repo.js';
export {
  countContactOwners,
  insertPasswordResetToken,
  spendAccountResetCredentials,
  updateAccountContacts,
} from './account-contacts.repo.js';

/** Sign-in, sessions and first-administrator setup. */
export function accessModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  authRoutes(app, ctx, guards);
  setupRoutes(app, ctx);
  staffAccountsRoutes(app, ctx, guards);
  blocksRoutes(app, ctx, guards);
  passwordResetRoutes(app, ctx);
  activationRoutes(app, ctx);
  accountRoutes(app, ctx, guards);
  registrationRoutes(app, ctx);
}

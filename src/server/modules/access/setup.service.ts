import { normalizeEmail } from '../../../shared/normalize.js';
import type { SetupRequest } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { enqueueEmail } from '../notify/index.js';
import { findOrganizationById } from '../orgs/index.js';
import {
  claimOneTimeToken,
  findUsableOneTimeToken,
  replaceOneTimeTokens,
} from './one-time-tokens.repo.js';
import { assertNewPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { startSession, toSessionUser } from './sessions.service.js';
import { generateToken, hashToken } from './tokens.js';
import { insertUser, organizationHasOwner } from './users.repo.js';

const FIRST_ADMIN = 'first_admin';
const SETUP_LINK_TTL_MS = 7 * 24 * 3600_000;

/**
 * While an organization has no owner, issues a fresh one-time link to create one
 * (older unused links stop working). Returns null once an owner exists.
 */
export async function issueFirstAdminLink(ctx: AppContext, organizationId: string) {
  if (await organizationHasOwner(ctx.db, organizationId)) return null;
  const token = generateToken();
  await ctx.db.transaction((tx) =>
    replaceOneTimeTokens(tx, {
      organizationId,
      purpose: FIRST_ADMIN,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + SETUP_LINK_TTL_MS),
    }),
  );
  return `${ctx.config.publicUrl}/setup/${token}`;
}

/** The organization a setup link belongs to, or `link_invalid`. */
export async function checkSetupLink(ctx: AppContext, organizationId: string, token: string) {
  const row = await findUsableOneTimeToken(ctx.db, organizationId, FIRST_ADMIN, hashToken(token));
  const organization = row ? await findOrganizationById(ctx.db, organizationId) : null;
  if (!organization) throw new AppError('link_invalid');
  return { organization: { name: organization.name } };
}

/** Creates the owner through a first-administrator link, welcomes them by email, signs them in. */
export async function completeSetup(
  ctx: AppContext,
  organizationId: string,
  token: string,
  request: SetupRequest,
  client: { userAgent: string | undefined; ip: string; locale: 'ru' | 'en' },
) {
  const organization = await findOrganizationById(ctx.db, organizationId);
  if (!organization) throw new AppError('link_invalid');
  // The same policy as every other place a password is set: 400 password_rejected, details.problems.
  assertNewPassword(request.password, {
    minLength: organization.passwordMinLength,
    login: normalizeEmail(request.email),
  });
  const passwordHash = await hashPassword(request.password);
  return ctx.db.transaction(async (tx) => {
    const claimed = await claimOneTimeToken(tx, organizationId, FIRST_ADMIN, hashToken(token));
    if (!claimed) throw new AppError('link_invalid');
    const user = await insertUser(tx, {
      organizationId,
      email: normalizeEmail(request.email),
      displayName: request.displayName,
      passwordHash,
      staffRole: 'owner',
      locale: client.locale,
    });
    if (!user) throw new AppError('email_taken');
    await enqueueEmail(ctx, tx, {
      organizationId,
      to: { address: user.email ?? normalizeEmail(request.email), name: user.displayName },
      locale: client.locale,
      template: 'welcome_owner',
      data: {
        displayName: user.displayName,
        organizationName: organization.name,
        consoleUrl: `${ctx.config.publicUrl}/console`,
      },
    });
    const { token: sessionToken } = await startSession(ctx, tx, user, client);
    return { token: sessionToken, user: toSessionUser(user), organization };
  });
}

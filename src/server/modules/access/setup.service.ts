import { and, eq, gt, isNull } from 'drizzle-orm';
import { normalizeEmail } from '../../../shared/normalize.js';
import type { SetupRequest } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Db } from '../../infra/db.js';
import { enqueueEmail } from '../notify/index.js';
import { findOrganizationById } from '../orgs/index.js';
import { oneTimeTokens, users } from './access.schema.js';
import { hashPassword } from './passwords.js';
import { startSession, toSessionUser } from './sessions.service.js';
import { generateToken, hashToken } from './tokens.js';
import { insertUser } from './users.repo.js';

const FIRST_ADMIN = 'first_admin';
const SETUP_LINK_TTL_MS = 7 * 24 * 3600_000;

async function hasOwner(db: Db, organizationId: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.staffRole, 'owner')))
    .limit(1);
  return Boolean(row);
}

/**
 * While an organization has no owner, issues a fresh one-time link to create one
 * (older unused links stop working). Returns null once an owner exists.
 */
export async function issueFirstAdminLink(ctx: AppContext, organizationId: string) {
  if (await hasOwner(ctx.db, organizationId)) return null;
  const token = generateToken();
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.organizationId, organizationId),
          eq(oneTimeTokens.purpose, FIRST_ADMIN),
        ),
      );
    await tx.insert(oneTimeTokens).values({
      organizationId,
      purpose: FIRST_ADMIN,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + SETUP_LINK_TTL_MS),
    });
  });
  return `${ctx.config.publicUrl}/setup/${token}`;
}

async function findUsableSetupToken(db: Db, organizationId: string, token: string) {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.organizationId, organizationId),
        eq(oneTimeTokens.purpose, FIRST_ADMIN),
        eq(oneTimeTokens.tokenHash, hashToken(token)),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The organization a setup link belongs to, or `link_invalid`. */
export async function checkSetupLink(ctx: AppContext, organizationId: string, token: string) {
  const row = await findUsableSetupToken(ctx.db, organizationId, token);
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
  const passwordHash = await hashPassword(request.password);
  const organization = await findOrganizationById(ctx.db, organizationId);
  if (!organization) throw new AppError('link_invalid');
  return ctx.db.transaction(async (tx) => {
    // Marking the token used in the same statement that checks it makes the link single-use
    // even when two submissions race.
    const [claimed] = await tx
      .update(oneTimeTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(oneTimeTokens.organizationId, organizationId),
          eq(oneTimeTokens.purpose, FIRST_ADMIN),
          eq(oneTimeTokens.tokenHash, hashToken(token)),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, new Date()),
        ),
      )
      .returning({ id: oneTimeTokens.id });
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
      to: { address: user.email, name: user.displayName },
      locale: client.locale,
      template: 'welcome_owner',
      data: {
        displayName: user.displayName,
        organizationName: organization.name,
        consoleUrl: `${ctx.config.publicUrl}/console`,
      },
    });
    const sessionToken = await startSession(tx, user, client);
    return { token: sessionToken, user: toSessionUser(user), organization };
  });
}

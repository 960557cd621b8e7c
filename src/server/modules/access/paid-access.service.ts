import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import type { AppContext } from '../../infra/context.js';
import type { Tx } from '../../infra/db.js';
import { findOrganizationById } from '../orgs/index.js';
import { users } from './access.schema.js';
import { recordAudit } from './audit.repo.js';
import { sendInvitation } from './invitations.service.js';
import { insertAccount, updateAccount } from './staff-accounts.repo.js';
import type { UserRow } from './users.repo.js';

/** Options of `extendPaidAccess`. */
export interface ExtendPaidAccessOptions {
  organizationId: string;
  /** Whose access: the account with this email (created when there is none), or this account. */
  account: { email: string; displayName: string; locale: Locale } | { userId: string };
  /** Days added to the access period. */
  days: number;
  /** What paid for it, kept in the audit entry (payment attempt, course offer…). */
  paidBy: Record<string, string>;
  now?: Date;
}

/** What `extendPaidAccess` did. */
export interface PaidAccessResult {
  user: UserRow;
  created: boolean;
  /** The access end before and after; null means no end (such access is never shortened). */
  previousValidUntil: Date | null;
  validUntil: Date | null;
  /** The person has no password yet, so the access module's invitation (activation link) went out. */
  invited: boolean;
}

const DAY_MS = 86_400_000;

/** The account, locked for the change (concurrent payments for one person queue here). */
async function lockAccount(
  tx: Tx,
  organizationId: string,
  match: { email: string } | { id: string },
) {
  const [row] = await tx
    .select()
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        'email' in match ? eq(users.email, match.email) : eq(users.id, match.id),
      ),
    )
    .for('update');
  return row ?? null;
}

/**
 * Opens or extends cabinet access that a person paid for, in the caller's transaction (the one
 * that applies the payment). An existing account's period becomes `max(now, end) + days`
 * (granted by payment); access without an end, and staff accounts, keep theirs. A new person
 * gets an account with `now + days`. Whoever has no password yet gets the same invitation as
 * `openAccess` — a single-use activation link by email, never a password.
 */
export async function extendPaidAccess(
  ctx: AppContext,
  tx: Tx,
  options: ExtendPaidAccessOptions,
): Promise<PaidAccessResult> {
  const now = options.now ?? new Date();
  const { organizationId, account } = options;
  const organization = await findOrganizationById(tx, organizationId);
  if (!organization) throw new Error(`organization ${organizationId} not found`);
  const email = 'email' in account ? normalizeEmail(account.email) : null;
  let user = await lockAccount(
    tx,
    organizationId,
    email ? { email } : { id: (account as { userId: string }).userId },
  );
  let created = false;
  if (!user && 'email' in account && email) {
    user = await insertAccount(tx, {
      organizationId,
      email,
      displayName: account.displayName,
      locale: account.locale,
      accessOpenedAt: now,
      accessValidUntil: new Date(now.getTime() + options.days * DAY_MS),
      accessGrantedBy: 'payment',
    });
    created = user !== null;
    // Null: another transaction created this email meanwhile (and has committed): extend that one.
    user ??= await lockAccount(tx, organizationId, { email });
  }
  if (!user) throw new Error('the account to extend was not found');

  const previousValidUntil = created ? null : user.accessValidUntil;
  if (!created) {
    const unlimited = user.staffRole !== null || (user.accessOpenedAt && !user.accessValidUntil);
    const from = Math.max(now.getTime(), user.accessValidUntil?.getTime() ?? 0);
    user = await updateAccount(tx, user.id, {
      accessOpenedAt: user.accessOpenedAt ?? now,
      ...(unlimited
        ? {}
        : {
            accessValidUntil: new Date(from + options.days * DAY_MS),
            accessGrantedBy: 'payment' as const,
          }),
    });
  }
  await recordAudit(tx, {
    organizationId,
    actorId: null,
    subjectId: user.id,
    action: 'access_period.paid',
    details: {
      created,
      from: previousValidUntil?.toISOString() ?? null,
      to: user.accessValidUntil?.toISOString() ?? null,
      days: options.days,
      ...options.paidBy,
    },
  });
  const invited = user.passwordHash === null && user.email !== null;
  if (invited) {
    await sendInvitation(ctx, tx, { user, organization, actor: { kind: 'system' }, now });
  }
  return { user, created, previousValidUntil, validUntil: user.accessValidUntil, invited };
}

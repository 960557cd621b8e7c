import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { issueAccessSheet, sendInvitation } from './invitations.service.js';
import type { Actor } from './staff-accounts.policy.js';
import { loadAdministrableAccount, loadOrganization } from './staff-accounts.service.js';
import { auditAs } from './staff-audit.service.js';
import type { UserRow } from './users.repo.js';

/** Refuses invitations and access sheets for accounts that cannot use them. */
function assertAwaitingActivation(account: UserRow) {
  if (account.passwordHash || (!account.accessOpenedAt && !account.staffRole)) {
    throw new AppError('invalid_state');
  }
}

/** Sends a fresh invitation (older unused links stop working); `invalid_state` without email. */
export async function resendInvitation(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  actor: Actor,
  now = new Date(),
) {
  const organization = await loadOrganization(ctx, organizationId);
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    assertAwaitingActivation(account);
    if (!account.email) throw new AppError('invalid_state');
    const sent = await sendInvitation(ctx, tx, { user: account, organization, actor, now });
    if (!sent.invitation) throw new AppError('invalid_state');
    return { invitation: sent.invitation, activationLink: sent.link };
  });
}

/** A fresh access-sheet activation code (older unused codes stop working), shown once. */
export async function reissueAccessSheet(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  actor: Actor,
  now = new Date(),
) {
  const organization = await loadOrganization(ctx, organizationId);
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    assertAwaitingActivation(account);
    const accessSheet = await issueAccessSheet(ctx, tx, account, organization, now);
    await auditAs(tx, actor, {
      organizationId,
      subjectId: account.id,
      action: 'access_sheet.issued',
      details: { expiresAt: accessSheet.expiresAt },
    });
    return { accessSheet };
  });
}

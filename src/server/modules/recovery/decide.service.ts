import type { StaffRole } from '../../../shared/contracts/session.js';
import {
  formatRecoveryNumber,
  type RecoveryRequestDetail,
} from '../../../shared/contracts/recovery.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { endUserSessions, recordAudit } from '../access/index.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import { generateSecret, hashSecret } from './recovery-links.js';
import {
  countContactOwners,
  findAccount,
  insertPasswordResetToken,
  updateAccountContacts,
} from './recovery-accounts.repo.js';
import {
  decideRecoveryRequest,
  findStaffRecoveryRequest,
  type RecoveryRequestRow,
} from './recovery.repo.js';
import { getRecoveryRequest } from './staff-queue.service.js';

/** The staff member deciding, and from where (for the audit log). */
export interface Decider {
  id: string;
  role: StaffRole;
  ip: string;
}

// Moving a staff account to a new address hands over its powers; only the organization's
// owners and administrators may do that.
const MAY_RECOVER_STAFF: StaffRole[] = ['owner', 'admin'];

const localeOf = (row: RecoveryRequestRow): Locale => (row.locale === 'en' ? 'en' : 'ru');

async function pendingRequest(ctx: AppContext, organizationId: string, id: string) {
  const found = await findStaffRecoveryRequest(ctx.db, organizationId, id);
  if (!found) throw new AppError('not_found');
  if (found.request.status !== 'pending') throw new AppError('invalid_state');
  return found.request;
}

/**
 * Approves a request for the account staff picked: the new email (and phone, if given)
 * replace the account's, its sessions end, a password-reset link goes to the new address, and
 * the change is audited — all in one transaction, which also refuses a second decision.
 */
export async function approveRecoveryRequest(
  ctx: AppContext,
  organization: Organization,
  decider: Decider,
  id: string,
  userId: string,
  now = new Date(),
): Promise<RecoveryRequestDetail> {
  const request = await pendingRequest(ctx, organization.id, id);
  const account = await findAccount(ctx.db, organization.id, userId);
  if (!account) throw new AppError('not_found');
  if (account.staffRole && !MAY_RECOVER_STAFF.includes(decider.role))
    throw new AppError('forbidden');
  const minutes = ctx.config.passwordResetTtlMinutes;
  const token = generateSecret();
  await ctx.db.transaction(async (tx) => {
    if (await countContactOwners(tx, organization.id, account.id, { email: request.newEmail }))
      throw new AppError('email_taken');
    if (
      request.newPhone &&
      (await countContactOwners(tx, organization.id, account.id, { phone: request.newPhone }))
    )
      throw new AppError('phone_taken');
    const decided = await decideRecoveryRequest(tx, organization.id, id, {
      status: 'approved',
      decidedBy: decider.id,
      decidedAt: now,
      approvedUserId: account.id,
    });
    if (!decided) throw new AppError('invalid_state');
    await updateAccountContacts(
      tx,
      account.id,
      { email: request.newEmail, ...(request.newPhone ? { phone: request.newPhone } : {}) },
      now,
    );
    // Whoever holds a session of the lost account now may not be its owner.
    await endUserSessions(tx, account.id, 'revoked');
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: decider.id,
      subjectId: account.id,
      action: 'recovery.approved',
      details: {
        requestId: request.id,
        number: formatRecoveryNumber(request.number),
        oldEmail: account.email,
        newEmail: request.newEmail,
        ...(request.newPhone ? { oldPhone: account.phone, newPhone: request.newPhone } : {}),
      },
      ip: decider.ip,
    });
    await insertPasswordResetToken(tx, {
      organizationId: organization.id,
      userId: account.id,
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + minutes * 60_000),
    });
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: request.newEmail, name: account.displayName },
      locale: localeOf(request),
      template: 'recovery_approved',
      data: {
        fullName: request.fullName,
        organizationName: organization.name,
        number: formatRecoveryNumber(request.number),
        resetUrl: `${ctx.config.publicUrl}/reset-password?token=${token}`,
        minutes,
      },
    });
  });
  return getRecoveryRequest(ctx, organization.id, id);
}

/** Rejects a request with a reason the person is told by email; audited. */
export async function rejectRecoveryRequest(
  ctx: AppContext,
  organization: Organization,
  decider: Decider,
  id: string,
  reason: string,
  now = new Date(),
): Promise<RecoveryRequestDetail> {
  const request = await pendingRequest(ctx, organization.id, id);
  await ctx.db.transaction(async (tx) => {
    const decided = await decideRecoveryRequest(tx, organization.id, id, {
      status: 'rejected',
      decidedBy: decider.id,
      decidedAt: now,
      rejectReason: reason,
    });
    if (!decided) throw new AppError('invalid_state');
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: decider.id,
      subjectId: null,
      action: 'recovery.rejected',
      details: { requestId: request.id, number: formatRecoveryNumber(request.number), reason },
      ip: decider.ip,
    });
    await enqueueEmail(ctx, tx, {
      organizationId: organization.id,
      to: { address: request.newEmail, name: request.fullName },
      locale: localeOf(request),
      template: 'recovery_rejected',
      data: {
        fullName: request.fullName,
        organizationName: organization.name,
        number: formatRecoveryNumber(request.number),
        reason,
      },
    });
  });
  return getRecoveryRequest(ctx, organization.id, id);
}

import type { StaffRole } from '../../../shared/contracts/session.js';
import {
  formatRecoveryNumber,
  type RecoveryRequestDetail,
} from '../../../shared/contracts/recovery.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import {
  countContactOwners,
  endUserSessions,
  findAccount,
  insertPasswordResetToken,
  recordAudit,
  spendAccountResetCredentials,
  updateAccountContacts,
} from '../access/index.js';
import { enqueueEmail } from '../notify/index.js';
import { enqueueSms } from '../notify/sms/index.js';
import type { Organization } from '../orgs/index.js';
import { generateSecret, hashSecret } from './recovery-links.js';
import { localeOf, tellRecoveryRejected } from './recovery-notify.js';
import { decideRecoveryRequest, findStaffRecoveryRequest } from './recovery.repo.js';
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

async function pendingRequest(ctx: AppContext, organizationId: string, id: string) {
  const found = await findStaffRecoveryRequest(ctx.db, organizationId, id);
  if (!found) throw new AppError('not_found');
  if (found.request.status !== 'pending') throw new AppError('invalid_state');
  return found.request;
}

/**
 * Approves a request for the account staff picked: the new email and/or phone replace the
 * account's, its sessions end, reset links and codes sent to the old contacts stop working, and
 * the change is audited — all in one transaction, which also refuses a second decision. With a
 * new email, a password-reset link goes there; a phone-only request gets an SMS telling the
 * person to set a password with «Забыли пароль?» and this phone (the SMS-code reset).
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
  const { newEmail, newPhone } = request;
  const number = formatRecoveryNumber(request.number);
  await ctx.db.transaction(async (tx) => {
    if (
      newEmail &&
      (await countContactOwners(tx, organization.id, account.id, { email: newEmail }))
    )
      throw new AppError('email_taken');
    if (
      newPhone &&
      (await countContactOwners(tx, organization.id, account.id, { phone: newPhone }))
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
      { ...(newEmail ? { email: newEmail } : {}), ...(newPhone ? { phone: newPhone } : {}) },
      now,
    );
    // Whoever holds a session of the lost account now may not be its owner.
    await endUserSessions(tx, account.id, 'revoked');
    await spendAccountResetCredentials(tx, account.id, now);
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: decider.id,
      subjectId: account.id,
      action: 'recovery.approved',
      details: {
        requestId: request.id,
        number,
        ...(newEmail ? { oldEmail: account.email, newEmail } : {}),
        ...(newPhone ? { oldPhone: account.phone, newPhone } : {}),
      },
      ip: decider.ip,
    });
    if (newEmail) {
      await sendResetLink(ctx, tx, organization, {
        accountId: account.id,
        name: account.displayName,
        email: newEmail,
        request,
        now,
      });
    } else if (newPhone) {
      await enqueueSms(ctx, tx, {
        organizationId: organization.id,
        to: newPhone,
        locale: localeOf(request),
        template: 'recovery_approved',
        data: { number, forgotUrl: `${ctx.config.publicUrl}/forgot-password` },
      });
    }
  });
  return getRecoveryRequest(ctx, organization.id, id);
}

/** The approval email with a password-reset link to the new address, in `tx`. */
async function sendResetLink(
  ctx: AppContext,
  tx: DbOrTx,
  organization: Organization,
  options: {
    accountId: string;
    name: string;
    email: string;
    request: { number: number; fullName: string; locale: string };
    now: Date;
  },
) {
  const { request, now } = options;
  const minutes = ctx.config.passwordResetTtlMinutes;
  const token = generateSecret();
  await insertPasswordResetToken(tx, {
    organizationId: organization.id,
    userId: options.accountId,
    tokenHash: hashSecret(token),
    expiresAt: new Date(now.getTime() + minutes * 60_000),
  });
  await enqueueEmail(ctx, tx, {
    organizationId: organization.id,
    to: { address: options.email, name: options.name },
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
}

/** Rejects a request with a reason the person is told (by email, or SMS); audited. */
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
    await tellRecoveryRejected(ctx, tx, organization, request, reason);
  });
  return getRecoveryRequest(ctx, organization.id, id);
}

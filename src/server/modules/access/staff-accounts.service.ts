import type { z } from 'zod';
import type {
  ZOpenAccessRequest,
  OpenAccessResponse,
  UpdateAccountRequest,
} from '../../../shared/contracts/staff-accounts.js';
import { normalizePersonalCode, normalizePhone } from '../../../shared/login.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { findOrganizationById } from '../orgs/index.js';
import { findBlocksInForce } from './blocks.repo.js';
import { issueAccessSheet, sendInvitation } from './invitations.service.js';
import { generateCode } from './personal-codes.js';
import { endUserSessions } from './sessions.repo.js';
import { actorMayAdminister, type Actor } from './staff-accounts.policy.js';
import { auditAs } from './staff-audit.service.js';
import { toAccountSummary } from './staff-accounts.present.js';
import {
  findAccount,
  findAccountsByContact,
  insertAccount,
  personalCodeTaken,
  updateAccount,
} from './staff-accounts.repo.js';
import type { NewUserRow, UserRow } from './users.repo.js';

/** What `openAccess` takes: the parsed body of POST /api/staff/accounts. */
export type OpenAccessOptions = z.output<typeof ZOpenAccessRequest>;

const CODE_DRAWS = 5;

/** The organization, or `not_found`. */
export async function loadOrganization(ctx: AppContext, organizationId: string) {
  const organization = await findOrganizationById(ctx.db, organizationId);
  if (!organization) throw new AppError('not_found');
  return organization;
}

/** The account `actor` wants to change, or `not_found` / `forbidden`. */
export async function loadAdministrableAccount(
  db: DbOrTx,
  organizationId: string,
  accountId: string,
  actor: Actor,
) {
  const account = await findAccount(db, organizationId, accountId);
  if (!account) throw new AppError('not_found');
  if (!actorMayAdminister(actor, account)) throw new AppError('forbidden');
  return account;
}

/** The existing account for these contacts, or null; refuses contacts split across two accounts. */
async function findExisting(
  tx: DbOrTx,
  organizationId: string,
  email: string | null,
  phone: string | null,
) {
  const matches = await findAccountsByContact(tx, organizationId, { email, phone });
  // The email decides whose account it is; a phone on another account is then the conflict.
  const byEmail = matches.find((account) => email !== null && account.email === email);
  const existing = byEmail ?? matches[0];
  const other = matches.find((account) => account !== existing);
  if (!existing) return null;
  // The email and the phone belong to different people, or the account has another email/phone.
  if (other || (phone && existing.phone && existing.phone !== phone)) {
    throw new AppError(existing.email === email ? 'phone_taken' : 'email_taken');
  }
  if (email && existing.email && existing.email !== email) throw new AppError('phone_taken');
  return existing;
}

/** A personal code for the account: the one asked for (if free), a fresh one, or none. */
async function choosePersonalCode(
  tx: DbOrTx,
  organizationId: string,
  requested: string | null,
  generate: boolean,
  existing: UserRow | null,
) {
  if (existing?.personalCode) return existing.personalCode;
  if (requested) {
    if (await personalCodeTaken(tx, organizationId, requested)) {
      throw new AppError('personal_code_taken');
    }
    return requested;
  }
  if (!generate) return null;
  for (let draw = 0; draw < CODE_DRAWS; draw++) {
    const code = generateCode();
    if (!(await personalCodeTaken(tx, organizationId, code))) return code;
  }
  throw new Error('could not draw a free personal code');
}

/**
 * Creates an account, or opens access for the existing one with this email or phone, and
 * invites the person: a single-use activation link by email (never a password), plus a
 * one-time code for a printed access sheet when asked. Everything, the email included,
 * commits together. The link and the codes are returned once; only their hashes are stored.
 */
export async function openAccess(
  ctx: AppContext,
  organizationId: string,
  request: OpenAccessOptions,
  actor: Actor,
  now = new Date(),
): Promise<OpenAccessResponse> {
  const organization = await loadOrganization(ctx, organizationId);
  const email = request.email ? normalizeEmail(request.email) : null;
  const phone = request.phone ? normalizePhone(request.phone) : null;
  const requestedCode = request.personalCode ? normalizePersonalCode(request.personalCode) : null;
  return ctx.db.transaction(async (tx) => {
    const existing = await findExisting(tx, organizationId, email, phone);
    if (existing && !actorMayAdminister(actor, existing)) throw new AppError('forbidden');
    if (existing?.passwordHash && (existing.accessOpenedAt || existing.staffRole)) {
      throw new AppError('access_already_open', { accountId: existing.id });
    }
    const fields: Partial<NewUserRow> = {
      displayName: request.displayName,
      accessOpenedAt: existing?.accessOpenedAt ?? now,
      ...(request.accessValidUntil !== undefined
        ? { accessValidUntil: request.accessValidUntil ? new Date(request.accessValidUntil) : null }
        : {}),
      ...(request.accessGrantedBy ? { accessGrantedBy: request.accessGrantedBy } : {}),
      ...(request.sessionLimit !== undefined ? { sessionLimit: request.sessionLimit } : {}),
      ...(request.locale ? { locale: request.locale } : {}),
    };
    let user: UserRow | null = null;
    for (let draw = 0; draw < CODE_DRAWS && !user; draw++) {
      const personalCode = await choosePersonalCode(
        tx,
        organizationId,
        requestedCode,
        request.generatePersonalCode,
        existing,
      );
      if (existing) {
        user = await updateAccount(tx, existing.id, {
          ...fields,
          email: existing.email ?? email,
          phone: existing.phone ?? phone,
          personalCode,
        });
      } else {
        // Null: another request took the email, phone or code since we looked; look again.
        user = await insertAccount(tx, {
          organizationId,
          locale: organization.defaultLocale,
          ...fields,
          displayName: request.displayName,
          email,
          phone,
          personalCode,
        });
        if (!user && (await findExisting(tx, organizationId, email, phone))) {
          throw new AppError(email ? 'email_taken' : 'phone_taken');
        }
      }
    }
    if (!user) throw new AppError(requestedCode ? 'personal_code_taken' : 'invalid_state');
    await auditAs(tx, actor, {
      organizationId,
      subjectId: user.id,
      action: 'account.opened',
      details: {
        created: !existing,
        accessValidUntil: user.accessValidUntil?.toISOString() ?? null,
        accessGrantedBy: user.accessGrantedBy,
        sessionLimit: user.sessionLimit,
      },
    });
    // A person who has a password already (access was closed, not never opened) needs no link.
    const activate = user.passwordHash === null;
    const sent = activate
      ? await sendInvitation(ctx, tx, { user, organization, actor, now })
      : null;
    const accessSheet =
      activate && request.accessSheet
        ? await issueAccessSheet(ctx, tx, user, organization, now)
        : null;
    return {
      account: toAccountSummary(user, await findBlocksInForce(tx, user.id, now), now),
      created: !existing,
      invitation: sent?.invitation ?? null,
      activationLink: sent?.link ?? null,
      accessSheet,
    };
  });
}

/** Changes the name, the access period or the session limit; period changes are audited. */
export async function updateStaffAccount(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  request: UpdateAccountRequest,
  actor: Actor,
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    const change: Partial<NewUserRow> = {};
    if (request.displayName !== undefined) change.displayName = request.displayName;
    if (request.sessionLimit !== undefined) change.sessionLimit = request.sessionLimit;
    if (request.accessGrantedBy !== undefined) change.accessGrantedBy = request.accessGrantedBy;
    if (request.endAccessNow) change.accessValidUntil = now;
    else if (request.accessValidUntil !== undefined) {
      change.accessValidUntil = request.accessValidUntil
        ? new Date(request.accessValidUntil)
        : null;
    }
    const updated = await updateAccount(tx, account.id, change);
    const periodChanged =
      updated.accessValidUntil?.getTime() !== account.accessValidUntil?.getTime() ||
      updated.accessGrantedBy !== account.accessGrantedBy;
    if (periodChanged) {
      await auditAs(tx, actor, {
        organizationId,
        subjectId: account.id,
        action: 'access_period.changed',
        details: {
          from: account.accessValidUntil?.toISOString() ?? null,
          to: updated.accessValidUntil?.toISOString() ?? null,
          grantedBy: updated.accessGrantedBy,
        },
      });
    }
    const otherChanges = Object.keys(change).filter(
      (key) => key === 'displayName' || key === 'sessionLimit',
    );
    if (otherChanges.length > 0) {
      await auditAs(tx, actor, {
        organizationId,
        subjectId: account.id,
        action: 'account.updated',
        details: { fields: otherChanges, sessionLimit: updated.sessionLimit },
      });
    }
    return toAccountSummary(updated, await findBlocksInForce(tx, updated.id, now), now);
  });
}

/** Ends every session of the account (each device is told on its next request). */
export async function revokeAccountSessions(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  actor: Actor,
) {
  return ctx.db.transaction(async (tx) => {
    const account = await loadAdministrableAccount(tx, organizationId, accountId, actor);
    const ended = await endUserSessions(tx, account.id, 'revoked');
    await auditAs(tx, actor, {
      organizationId,
      subjectId: account.id,
      action: 'sessions.revoked',
      details: { ended },
    });
    return { ended };
  });
}

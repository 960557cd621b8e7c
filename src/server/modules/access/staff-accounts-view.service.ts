import type {
  StaffAccountDetail,
  StaffAccountListQuery,
  StaffAccountListResponse,
} from '../../../shared/contracts/staff-accounts.js';
import { parseLogin } from '../../../shared/login.js';
import { normalizeEmail, normalizeIdentifier } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { findBlocksWithPeople } from './blocks.repo.js';
import { describeDevice } from './device.js';
import { decodePageCursor, nextPageCursor } from './page-cursor.js';
import { findLiveSessions } from './sessions.repo.js';
import { toAccountSummary, toStaffBlock } from './staff-accounts.present.js';
import {
  findAccount,
  findAccountByEmail,
  findBlocksInForceOf,
  findRecentSignIns,
  listAccounts,
} from './staff-accounts.repo.js';
import { listAuditEntries } from './staff-audit.repo.js';
import { toAuditEntry } from './staff-audit.service.js';

const RECENT = 20;
const BLOCKS_SHOWN = 100;

/** One page of the organization's accounts, newest first, searched and filtered by status. */
export async function listStaffAccounts(
  ctx: AppContext,
  organizationId: string,
  query: StaffAccountListQuery,
  now = new Date(),
): Promise<StaffAccountListResponse> {
  const text = query.query ? normalizeIdentifier(query.query) : '';
  const rows = await listAccounts(ctx.db, organizationId, {
    login: text ? parseLogin(text) : null,
    text: text || null,
    status: query.status ?? null,
    after: query.cursor ? decodePageCursor(query.cursor) : null,
    limit: query.limit,
    now,
  });
  const blocks = await findBlocksInForceOf(
    ctx.db,
    rows.map((row) => row.id),
    now,
  );
  return {
    accounts: rows.map((row) => toAccountSummary(row, blocks, now)),
    nextCursor: nextPageCursor(rows, query.limit),
  };
}

/** An account with its blocks, live sessions, last sign-ins and recent audit entries. */
export async function getStaffAccount(
  ctx: AppContext,
  organizationId: string,
  accountId: string,
  now = new Date(),
): Promise<StaffAccountDetail> {
  const account = await findAccount(ctx.db, organizationId, accountId);
  if (!account) throw new AppError('not_found');
  const [blocks, sessions, signIns, audit] = await Promise.all([
    findBlocksWithPeople(ctx.db, { userId: account.id }, BLOCKS_SHOWN),
    findLiveSessions(ctx.db, account.id, now),
    findRecentSignIns(ctx.db, account.id, RECENT),
    listAuditEntries(ctx.db, organizationId, { subjectId: account.id, after: null, limit: RECENT }),
  ]);
  return {
    account: toAccountSummary(account, blocks, now),
    blocks: blocks.map((block) => toStaffBlock(block, now)),
    sessions: sessions.map((session) => ({
      id: session.id,
      device: describeDevice(session.userAgent),
      ip: session.ip,
      signedInAt: session.createdAt.toISOString(),
      lastActiveAt: session.lastSeenAt.toISOString(),
    })),
    signIns: signIns.map((event) => ({
      id: event.id,
      result: event.result,
      ip: event.ip,
      device: describeDevice(event.userAgent),
      at: event.createdAt.toISOString(),
    })),
    audit: audit.map(toAuditEntry),
  };
}

/** The id of the account with this email (CLI), or `not_found`. */
export async function findAccountIdByEmail(ctx: AppContext, organizationId: string, email: string) {
  const account = await findAccountByEmail(ctx.db, organizationId, normalizeEmail(email));
  if (!account) throw new AppError('not_found');
  return account.id;
}

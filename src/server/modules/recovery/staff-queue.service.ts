import type { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  formatRecoveryNumber,
  type RecoveryRequestDetail,
  type ZRecoveryListQuery,
  type ZRecoveryRequestSummary,
} from '../../../shared/contracts/recovery.js';
import { parseLogin } from '../../../shared/login.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { RecoveryDocumentType } from './recovery-upload.js';
import { findAccountByLogin } from '../access/index.js';
import {
  findRecoveryDocument,
  findStaffRecoveryRequest,
  listRecoveryDocuments,
  listRecoveryRequests,
  type RecoveryRequestRow,
} from './recovery.repo.js';

type Summary = z.infer<typeof ZRecoveryRequestSummary>;

function presentSummary(row: RecoveryRequestRow, documentCount: number): Summary {
  return {
    id: row.id,
    number: formatRecoveryNumber(row.number),
    status: row.status,
    fullName: row.fullName,
    knownLogin: row.knownLogin,
    newEmail: row.newEmail,
    newPhone: row.newPhone,
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    documentCount,
  };
}

/** The staff queue: confirmed requests of the organization, newest first. */
export async function listRecoveryQueue(
  ctx: AppContext,
  organizationId: string,
  query: z.infer<typeof ZRecoveryListQuery>,
) {
  const rows = await listRecoveryRequests(ctx.db, organizationId, query);
  return { requests: rows.map((row) => presentSummary(row.request, row.documentCount)) };
}

/**
 * One confirmed request with its documents and, when the old login names an account, that
 * account (a hint: staff still pick the account to approve). Unconfirmed requests and other
 * organizations' requests are 404.
 */
export async function getRecoveryRequest(
  ctx: AppContext,
  organizationId: string,
  id: string,
): Promise<RecoveryRequestDetail> {
  const found = await findStaffRecoveryRequest(ctx.db, organizationId, id);
  if (!found) throw new AppError('not_found');
  const { request } = found;
  const documents = await listRecoveryDocuments(ctx.db, request.id);
  const login = request.knownLogin ? parseLogin(request.knownLogin) : null;
  const match = login ? await findAccountByLogin(ctx.db, organizationId, login) : null;
  return {
    ...presentSummary(request, documents.length),
    description: request.description,
    rejectReason: request.rejectReason,
    decidedBy:
      request.decidedBy && found.decidedByName
        ? { id: request.decidedBy, displayName: found.decidedByName }
        : null,
    approvedUserId: request.approvedUserId,
    matchedAccount: match
      ? {
          id: match.id,
          displayName: match.displayName,
          email: match.email,
          phone: match.phone,
          personalCode: match.personalCode,
        }
      : null,
    documents: documents.map((document) => ({
      id: document.id,
      fileName: document.fileName,
      contentType: document.contentType as RecoveryDocumentType,
      sizeBytes: document.sizeBytes,
      deletedAt: document.deletedAt?.toISOString() ?? null,
    })),
  };
}

/** A document's content for viewing inline; 404 once it was deleted or for another request. */
export async function openRecoveryDocument(
  ctx: AppContext,
  organizationId: string,
  requestId: string,
  documentId: string,
): Promise<{ stream: Readable; contentType: string; sizeBytes: number; fileName: string }> {
  // Through the request lookup, so unconfirmed requests stay invisible here too.
  if (!(await findStaffRecoveryRequest(ctx.db, organizationId, requestId)))
    throw new AppError('not_found');
  const document = await findRecoveryDocument(ctx.db, organizationId, requestId, documentId);
  if (!document || document.deletedAt) throw new AppError('not_found');
  return {
    stream: await ctx.storage.get(document.storageKey),
    contentType: document.contentType,
    sizeBytes: document.sizeBytes,
    fileName: document.fileName,
  };
}

import type { AuditEntry, AuditListResponse } from '../../../shared/contracts/staff-accounts.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { recordAudit } from './audit.repo.js';
import { decodePageCursor, nextPageCursor } from './page-cursor.js';
import { auditActor, type Actor } from './staff-accounts.policy.js';
import { listAuditEntries, type AuditEntryRow } from './staff-audit.repo.js';

/** Appends to the security audit log on behalf of `actor`, in the change's transaction. */
export async function auditAs(
  tx: DbOrTx,
  actor: Actor,
  entry: { organizationId: string; subjectId: string; action: string; details?: object },
) {
  const { actorId, ip, via } = auditActor(actor);
  await recordAudit(tx, {
    organizationId: entry.organizationId,
    actorId,
    subjectId: entry.subjectId,
    action: entry.action,
    details: { ...entry.details, ...via },
    ip,
  });
}

/** An audit row as staff see it. */
export function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    id: row.id,
    action: row.action,
    actor: row.actorId ? { id: row.actorId, displayName: row.actorName ?? '' } : null,
    subject: row.subjectId ? { id: row.subjectId, displayName: row.subjectName ?? '' } : null,
    details:
      row.details && typeof row.details === 'object'
        ? (row.details as Record<string, unknown>)
        : null,
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
  };
}

/** One page of the organization's security audit log (or one account's), newest first. */
export async function listAudit(
  ctx: AppContext,
  organizationId: string,
  options: { subjectId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<AuditListResponse> {
  const rows = await listAuditEntries(ctx.db, organizationId, {
    subjectId: options.subjectId ?? null,
    after: options.cursor ? decodePageCursor(options.cursor) : null,
    limit: options.limit,
  });
  return { entries: rows.map(toAuditEntry), nextCursor: nextPageCursor(rows, options.limit) };
}

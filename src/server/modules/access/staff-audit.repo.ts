import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../infra/db.js';
import { securityAudit, users } from './access.schema.js';

/** Where a page of the audit log ends: the last entry's time (with microseconds) and id. */
export interface AuditCursor {
  createdAt: string;
  id: string;
}

/**
 * Audit entries, newest first, with the names of actor and subject. Keyset pagination on
 * (created_at, id): index `security_audit_subject` for one account, `security_audit_org` for
 * the organization.
 */
export async function listAuditEntries(
  db: DbOrTx,
  organizationId: string,
  options: { subjectId: string | null; after: AuditCursor | null; limit: number },
) {
  const actor = alias(users, 'actor');
  const subject = alias(users, 'subject');
  const { after } = options;
  return db
    .select({
      ...getTableColumns(securityAudit),
      actorName: actor.displayName,
      subjectName: subject.displayName,
      cursorTime: sql<string>`to_char(${securityAudit.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(securityAudit)
    .leftJoin(actor, eq(actor.id, securityAudit.actorId))
    .leftJoin(subject, eq(subject.id, securityAudit.subjectId))
    .where(
      and(
        eq(securityAudit.organizationId, organizationId),
        options.subjectId ? eq(securityAudit.subjectId, options.subjectId) : undefined,
        after
          ? sql`(${securityAudit.createdAt}, ${securityAudit.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(securityAudit.createdAt), desc(securityAudit.id))
    .limit(options.limit);
}

export type AuditEntryRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

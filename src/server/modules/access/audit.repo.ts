import type { DbOrTx } from '../../infra/db.js';
import { securityAudit } from './access.schema.js';

/** Options of `recordAudit`. */
export interface AuditEntry {
  organizationId: string;
  /** Staff member who acted; null for the system or the subject acting on their own account. */
  actorId: string | null;
  subjectId: string | null;
  /** Stable dotted name, e.g. `block.set`, `password.reset`, `email.changed`. */
  action: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends to the security audit log; call it in the transaction of the change it records. */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(securityAudit).values({
    organizationId: entry.organizationId,
    actorId: entry.actorId,
    subjectId: entry.subjectId,
    action: entry.action,
    details: entry.details ?? null,
    ip: entry.ip ?? null,
  });
}

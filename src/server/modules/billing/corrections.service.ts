import { AppError } from '../../infra/app-error.js';
import type { Tx } from '../../infra/db.js';
import { recordAudit } from '../access/index.js';
import {
  appendLedgerEntry,
  findLedgerEntryByKey,
  lockStudentsMoney,
  type LedgerEntryRow,
} from './ledger.repo.js';
import { getMoneyStudent, ledgerKey } from './money-support.js';
import { assertSameWrite } from './payments.service.js';

/** Options of `correctBalance`. */
export interface CorrectionOptions {
  organizationId: string;
  studentId: string;
  /** Signed, never zero: + credits the balance, − debits it. */
  amountKopecks: number;
  /** Why: mandatory, shown in the money history and the audit log. */
  comment: string;
  actorId: string | null;
  idempotencyKey: string;
}

/**
 * A staff correction of the balance (`correction`, ±), in the caller's transaction. The ledger is
 * append-only, so a mistake is fixed by a new entry with its reason, never by editing the old one.
 */
export async function correctBalance(tx: Tx, options: CorrectionOptions): Promise<LedgerEntryRow> {
  const { organizationId, studentId, amountKopecks, actorId } = options;
  await lockStudentsMoney(tx, [studentId]);
  const key = ledgerKey('correction', options.idempotencyKey);
  const existing = await findLedgerEntryByKey(tx, organizationId, key);
  if (existing) return assertSameWrite(existing, studentId, amountKopecks);

  await getMoneyStudent(tx, organizationId, studentId);
  const comment = options.comment.trim();
  if (!Number.isSafeInteger(amountKopecks) || amountKopecks === 0 || comment.length === 0) {
    throw new AppError('validation_failed');
  }
  const entry = await appendLedgerEntry(tx, {
    organizationId,
    studentId,
    kind: 'correction',
    amountKopecks,
    comment,
    createdBy: actorId,
    idempotencyKey: key,
  });
  await recordAudit(tx, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'billing.correction',
    details: { studentId, entryId: entry.id, amountKopecks, comment },
  });
  return entry;
}

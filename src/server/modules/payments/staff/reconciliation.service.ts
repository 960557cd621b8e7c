import type {
  ReconciliationQuery,
  ReconciliationReport,
} from '../../../../shared/contracts/payments-staff.js';
import { PAYMENT_STATUSES, type PaymentPurpose } from '../../../../shared/contracts/payments.js';
import { AppError } from '../../../infra/app-error.js';
import type { DbOrTx } from '../../../infra/db.js';
import { startOfDay } from '../../calendar/index.js';
import type { Organization } from '../../orgs/index.js';
import {
  countByStatus,
  findAmountMismatches,
  findLedgerMismatches,
  findPendingRefunds,
  findStuck,
  findSucceededNotApplied,
  sumRefunded,
  type AttemptRef,
} from './reconciliation.repo.js';
import { nextDay } from './staff-payments.service.js';

// A year is plenty for one report and keeps its scans bounded.
const MAX_DAYS = 366;

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function ref(row: AttemptRef) {
  return {
    id: row.id,
    number: row.number,
    purpose: row.purpose as PaymentPurpose,
    status: row.status as (typeof PAYMENT_STATUSES)[number],
    amountKopecks: row.amount_kopecks,
    createdAt: iso(row.created_at),
  };
}

/**
 * The reconciliation report for local days `from`…`to` (inclusive) of the organization: what
 * came in by status, and every discrepancy between the attempts, the provider and the ledger.
 * The three "must be empty" lists are the invariants of docs/payments.md.
 */
export async function buildReconciliationReport(
  db: DbOrTx,
  organization: Organization,
  query: ReconciliationQuery,
): Promise<ReconciliationReport> {
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
  if (days < 0 || days >= MAX_DAYS) {
    throw new AppError('validation_failed', [{ path: ['to'], code: 'invalid_period' }]);
  }
  const period = {
    organizationId: organization.id,
    from: startOfDay(query.from, organization.timezone),
    before: startOfDay(nextDay(query.to), organization.timezone),
  };
  const [statuses, refunded, notApplied, mismatched, stuck, amountMismatches, refunds] =
    await Promise.all([
      countByStatus(db, period),
      sumRefunded(db, period),
      findSucceededNotApplied(db, period),
      findLedgerMismatches(db, period),
      findStuck(db, period),
      findAmountMismatches(db, period),
      findPendingRefunds(db, organization.id),
    ]);
  const byStatus = PAYMENT_STATUSES.map((status) => {
    const row = statuses.find((candidate) => candidate.status === status);
    return {
      status,
      count: row?.count ?? 0,
      amountKopecks: Number(row?.amount_kopecks ?? 0),
    };
  });
  const succeeded = byStatus.find((row) => row.status === 'succeeded')?.amountKopecks ?? 0;
  return {
    from: query.from,
    to: query.to,
    byStatus,
    totals: {
      succeededKopecks: succeeded,
      refundedKopecks: refunded,
      netKopecks: succeeded - refunded,
    },
    succeededNotApplied: notApplied.map(ref),
    ledgerMismatches: mismatched.map((row) => ({
      ...ref(row),
      ledgerEntryId: row.ledger_entry_id,
      ledgerAmountKopecks: row.ledger_amount,
    })),
    stuck: stuck.map((row) => ({
      ...ref(row),
      checks: row.checks,
      nextCheckAt: isoOrNull(row.next_check_at),
      lastCheck:
        row.last_at === null
          ? null
          : {
              at: iso(row.last_at),
              source: row.last_source ?? '',
              event: row.last_event ?? '',
              outcome: row.last_outcome ?? '',
            },
    })),
    amountMismatches: amountMismatches.map((row) => ({
      ...ref(row),
      eventAt: iso(row.event_at),
      source: row.source,
      event: row.event,
    })),
    refundsPending: refunds.map((row) => ({
      id: row.id,
      paymentId: row.payment_id,
      paymentNumber: row.number,
      amountKopecks: row.amount_kopecks,
      status: row.status as 'created' | 'pending',
      createdAt: iso(row.created_at),
      nextCheckAt: isoOrNull(row.next_check_at),
    })),
  };
}

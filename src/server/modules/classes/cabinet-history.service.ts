import { explainCharge } from '../../../shared/charge-explanation.js';
import {
  CABINET_PAGE_SIZE,
  type CabinetLedgerEntry,
  type CabinetVisit,
  type LedgerResponse,
  type VisitsQuery,
  type VisitsResponse,
} from '../../../shared/contracts/cabinet.js';
import type { Locale } from '../../../shared/errors.js';
import type { DbOrTx } from '../../infra/db.js';
import { startOfDay } from '../calendar/index.js';
import {
  listLedger,
  listStudentGroups,
  listVisits,
  type LedgerRow,
  type VisitRow,
} from './cabinet-history.repo.js';
import { readBalance } from './cabinet.repo.js';
import { balanceSummary, isoInstant, type CabinetOrganization } from './cabinet.service.js';
import { requireVisibleStudent, type CabinetViewer } from './student-visibility.js';

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function toVisit(row: VisitRow, locale: Locale): CabinetVisit {
  return {
    id: row.id,
    lessonStartsAt: isoInstant(row.lessonStartsAt),
    groupId: row.groupId,
    groupName: row.groupName,
    status: row.status,
    charge:
      row.chargeOutcome && row.chargeReason
        ? {
            outcome: row.chargeOutcome,
            amountKopecks: row.chargeAmountKopecks ?? 0,
            subscriptionNumber: row.subscriptionNumber,
            explanation: explainCharge(
              {
                outcome: row.chargeOutcome,
                reason: row.chargeReason,
                amountKopecks: row.chargeAmountKopecks ?? 0,
                reasonParams: row.chargeReasonParams ?? {},
              },
              locale,
            ),
          }
        : null,
  };
}

/** `GET /api/students/{id}/visits`: one page of history, each visit's charge explained live. */
export async function getVisits(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  organization: CabinetOrganization,
  options: { query: VisitsQuery; locale: Locale },
): Promise<VisitsResponse> {
  const { query, locale } = options;
  const student = await requireVisibleStudent(db, viewer, studentId);
  // Filter days are the organization's local days, inclusive of `to`.
  const from = query.from ? startOfDay(query.from, organization.timezone) : null;
  const to = query.to ? startOfDay(nextDay(query.to), organization.timezone) : null;
  const rows = await listVisits(db, {
    organizationId: organization.id,
    studentId: student.id,
    from,
    to,
    groupId: query.groupId ?? null,
    status: query.status ?? null,
    limit: CABINET_PAGE_SIZE,
    offset: (query.page - 1) * CABINET_PAGE_SIZE,
  });
  return {
    timeZone: organization.timezone,
    firstVisitAt: student.firstVisitAt ? isoInstant(student.firstVisitAt) : null,
    groups: await listStudentGroups(db, student.id),
    visits: rows.slice(0, CABINET_PAGE_SIZE).map((row) => toVisit(row, locale)),
    page: query.page,
    hasMore: rows.length > CABINET_PAGE_SIZE,
  };
}

/**
 * Entries written by one transaction share `created_at` (its start), so the index order alone
 * cannot tell which came first. Within such a run, the balances chain: an entry's balance
 * before (`after − amount`) is the previous entry's balance after. Reorders each run newest
 * first along that chain, so the running balance reads top to bottom; leaves a run as it was
 * when the chain is ambiguous.
 */
export function orderWithinTransactions(rows: LedgerRow[]): LedgerRow[] {
  const runs: LedgerRow[][] = [];
  let previousAt: string | null = null;
  for (const row of rows) {
    const at = isoInstant(row.createdAt);
    const last = runs.at(-1);
    if (last && at === previousAt) last.push(row);
    else runs.push([row]);
    previousAt = at;
  }
  return runs.flatMap(chainNewestFirst);
}

/** Balance right before an entry. */
const before = (row: LedgerRow) => row.balanceAfterKopecks - row.amountKopecks;

function chainNewestFirst(run: LedgerRow[]): LedgerRow[] {
  if (run.length < 2) return run;
  const afters = new Set(run.map((row) => row.balanceAfterKopecks));
  const firsts = run.filter((row) => !afters.has(before(row)));
  let current = firsts.length === 1 ? firsts[0] : undefined;
  const chain: LedgerRow[] = [];
  const left = new Set(run);
  while (current) {
    chain.push(current);
    left.delete(current);
    const tail: LedgerRow = current;
    const next = [...left].filter((row) => before(row) === tail.balanceAfterKopecks);
    current = next.length === 1 ? next[0] : undefined;
  }
  return left.size === 0 ? chain.reverse() : run;
}

function toLedgerEntry(row: LedgerRow): CabinetLedgerEntry {
  return {
    id: row.id,
    createdAt: isoInstant(row.createdAt),
    kind: row.kind as CabinetLedgerEntry['kind'],
    amountKopecks: row.amountKopecks,
    balanceAfterKopecks: row.balanceAfterKopecks,
    subscription:
      row.subscriptionNumber !== null && row.subscriptionName !== null
        ? { number: row.subscriptionNumber, name: row.subscriptionName }
        : null,
    groupName: row.groupName,
    lessonStartsAt: row.lessonStartsAt ? isoInstant(row.lessonStartsAt) : null,
    paymentMethod: row.paymentMethod,
    reversesKind: row.reversesKind as CabinetLedgerEntry['reversesKind'],
    comment: row.comment,
  };
}

/** `GET /api/students/{id}/ledger`: one page of the money history with the running balance. */
export async function getLedger(
  db: DbOrTx,
  viewer: CabinetViewer,
  studentId: string,
  organization: CabinetOrganization,
  query: { page: number },
): Promise<LedgerResponse> {
  const student = await requireVisibleStudent(db, viewer, studentId);
  const rows = await listLedger(db, {
    organizationId: organization.id,
    studentId: student.id,
    limit: CABINET_PAGE_SIZE,
    offset: (query.page - 1) * CABINET_PAGE_SIZE,
  });
  return {
    timeZone: organization.timezone,
    balance: balanceSummary(await readBalance(db, student.id)),
    entries: orderWithinTransactions(rows.slice(0, CABINET_PAGE_SIZE)).map(toLedgerEntry),
    page: query.page,
    hasMore: rows.length > CABINET_PAGE_SIZE,
  };
}

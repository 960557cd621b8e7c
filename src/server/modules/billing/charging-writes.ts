import type { Tx } from '../../infra/db.js';
import type { RunOptions } from './charging-run.js';
import type { LiveChargeRow } from './charges.repo.js';
import {
  applyDebtDeltas,
  applySubscriptionDeltas,
  insertCharges,
  supersedeCharges,
  type NewCharge,
} from './charges-writes.repo.js';
import { appendLedgerEntries, type NewLedgerEntry } from './ledger.repo.js';

/**
 * Stores what changed: supersedes stale decisions (reversing their money, undoing counters),
 * then writes the new ones with their ledger entries and counters.
 */
export async function writeChanges(
  tx: Tx,
  options: RunOptions & {
    stale: LiveChargeRow[];
    fresh: NewCharge[];
    /** Who owns each subscription: its value is consumed from the owner's balance. */
    owners: ReadonlyMap<string, string>;
    /** Ended `burn` subscriptions: undoing their charges gives no money back. */
    consumed: ReadonlySet<string>;
  },
): Promise<void> {
  const { organizationId, actorId } = options;
  const subscriptionDeltas = new Map<string, { lessons: number; kopecks: number }>();
  const studentDebt = new Map<string, number>();
  const enrollmentDebt = new Map<string, number>();
  const bump = <K>(map: Map<K, number>, key: K, by: number) =>
    map.set(key, (map.get(key) ?? 0) + by);
  const bumpSubscription = (id: string, lessons: number, kopecks: number) => {
    const delta = subscriptionDeltas.get(id) ?? { lessons: 0, kopecks: 0 };
    subscriptionDeltas.set(id, {
      lessons: delta.lessons + lessons,
      kopecks: delta.kopecks + kopecks,
    });
  };

  // Superseding first frees the slots the new decisions may take (a unique index guards them).
  const reversals: NewLedgerEntry[] = [];
  await supersedeCharges(
    tx,
    options.stale.map((row) => row.id),
    options.reason,
  );
  for (const row of options.stale) {
    // The expiry of a `burn` subscription consumed the value of its unused slots: a slot freed
    // afterwards is burnt too, so its money stays charged.
    const burnt = row.subscriptionId !== null && options.consumed.has(row.subscriptionId);
    if (row.outcome === 'subscription' && row.subscriptionId) {
      bumpSubscription(row.subscriptionId, -1, burnt ? 0 : -row.amountKopecks);
    }
    if (row.outcome === 'debt') {
      bump(studentDebt, row.studentId, -1);
      const enrollmentId = row.reasonParams.enrollmentId;
      if (typeof enrollmentId === 'string') bump(enrollmentDebt, enrollmentId, -1);
    }
    if (!burnt && row.ledgerEntryId && row.ledgerStudentId && row.amountKopecks !== 0) {
      reversals.push({
        organizationId,
        studentId: row.ledgerStudentId,
        kind: 'charge_reversal',
        amountKopecks: row.amountKopecks,
        subscriptionId: row.subscriptionId,
        visitId: row.visitId,
        reversesEntryId: row.ledgerEntryId,
        createdBy: actorId,
      });
    }
  }

  const { owners } = options;
  const charged: NewCharge[] = [];
  const chargeEntries: NewLedgerEntry[] = [];
  for (const row of options.fresh) {
    if (row.outcome === 'subscription' && row.subscriptionId) {
      const amount = row.amountKopecks ?? 0;
      bumpSubscription(row.subscriptionId, 1, amount);
      if (amount !== 0) {
        // A family subscription's value is consumed from its owner's balance: the owner paid.
        charged.push(row);
        chargeEntries.push({
          organizationId,
          studentId: owners.get(row.subscriptionId) ?? row.studentId,
          kind: 'visit_charge',
          amountKopecks: -amount,
          subscriptionId: row.subscriptionId,
          visitId: row.visitId,
          createdBy: actorId,
        });
      }
    }
    if (row.outcome === 'debt') {
      bump(studentDebt, row.studentId, 1);
      const enrollmentId = (row.reasonParams as Record<string, unknown>).enrollmentId;
      if (typeof enrollmentId === 'string') bump(enrollmentDebt, enrollmentId, 1);
    }
  }
  // One append for both: each balance moves once, reversals first.
  const entryIds = await appendLedgerEntries(tx, [...reversals, ...chargeEntries]);
  charged.forEach((row, i) => {
    row.ledgerEntryId = entryIds[reversals.length + i] ?? null;
  });
  await insertCharges(tx, options.fresh);
  await applySubscriptionDeltas(tx, subscriptionDeltas);
  await applyDebtDeltas(tx, 'students', studentDebt);
  await applyDebtDeltas(tx, 'enrollments', enrollmentDebt);
}

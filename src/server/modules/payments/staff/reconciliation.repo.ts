import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../../infra/db.js';

/**
 * The reconciliation report's queries. Each is bounded by an index: attempts by
 * (organization, created_at) over the period, events by (organization, created_at), refunds by
 * (organization, client_key) within the organization; lists stop at `LIST_LIMIT`.
 */

/** The period as instants: [from, before). */
export interface Period {
  organizationId: string;
  from: Date;
  before: Date;
}

// A report that lists more problems than this has a bigger problem than a long list.
export const LIST_LIMIT = 200;
// Younger attempts are still with the person on the provider's page, not stuck.
const STUCK_AFTER = sql`interval '10 minutes'`;

export interface AttemptRef {
  id: string;
  number: number;
  purpose: string;
  status: string;
  amount_kopecks: number;
  created_at: Date | string;
}

const inPeriod = (p: Period) => sql`a.organization_id = ${p.organizationId}
  and a.created_at >= ${p.from.toISOString()}::timestamptz
  and a.created_at < ${p.before.toISOString()}::timestamptz`;

const refColumns = sql`a.id, a.number, a.purpose::text as purpose, a.status::text as status,
  a.amount_kopecks, a.created_at`;

/** Attempts created in the period: count and sum per status. */
export function countByStatus(db: DbOrTx, p: Period) {
  return rowsOf<{ status: string; count: number; amount_kopecks: number | string }>(
    db,
    sql`select a.status::text as status, count(*)::int as count,
          coalesce(sum(a.amount_kopecks), 0)::bigint as amount_kopecks
        from payment_attempts a where ${inPeriod(p)} group by a.status`,
  );
}

/** Refunds that succeeded among those requested in the period. */
export async function sumRefunded(db: DbOrTx, p: Period) {
  const [row] = await rowsOf<{ amount: number | string }>(
    db,
    sql`select coalesce(sum(r.amount_kopecks), 0)::bigint as amount from payment_refunds r
        where r.organization_id = ${p.organizationId} and r.status = 'succeeded'
          and r.created_at >= ${p.from.toISOString()}::timestamptz
          and r.created_at < ${p.before.toISOString()}::timestamptz`,
  );
  return Number(row?.amount ?? 0);
}

/** Succeeded, never applied: in the period, or still due a check from any time. */
export function findSucceededNotApplied(db: DbOrTx, p: Period) {
  return rowsOf<AttemptRef>(
    db,
    sql`select ${refColumns} from payment_attempts a
        where ${inPeriod(p)} and a.status = 'succeeded' and a.applied_at is null
        union
        select ${refColumns} from payment_attempts a
        where a.next_check_at is not null and a.organization_id = ${p.organizationId}
          and a.status = 'succeeded' and a.applied_at is null
        order by created_at limit ${LIST_LIMIT}`,
  );
}

/**
 * Applied attempts of the period whose effect is missing or differs: the ledger entry must
 * exist and move the attempt's amount; a course access attempt must have its grant.
 */
export function findLedgerMismatches(db: DbOrTx, p: Period) {
  return rowsOf<AttemptRef & { ledger_entry_id: string | null; ledger_amount: number | null }>(
    db,
    sql`select ${refColumns}, a.ledger_entry_id, l.amount_kopecks as ledger_amount
        from payment_attempts a
        left join ledger_entries l on l.id = a.ledger_entry_id
        left join course_access_grants g on g.attempt_id = a.id
        where ${inPeriod(p)} and a.applied_at is not null
          and case when a.purpose = 'course_access' then g.id is null
                   else l.id is null or l.amount_kopecks <> a.amount_kopecks end
        order by a.created_at limit ${LIST_LIMIT}`,
  );
}

/** Attempts of the period still before a final status, with the last event heard about each. */
export function findStuck(db: DbOrTx, p: Period) {
  return rowsOf<
    AttemptRef & {
      checks: number;
      next_check_at: Date | string | null;
      last_at: Date | string | null;
      last_source: string | null;
      last_event: string | null;
      last_outcome: string | null;
    }
  >(
    db,
    sql`select ${refColumns}, a.checks, a.next_check_at,
          e.created_at as last_at, e.source as last_source, e.event as last_event,
          e.outcome as last_outcome
        from payment_attempts a
        left join lateral (
          select created_at, source, event, outcome from payment_events
          where payment_id = a.id order by created_at desc, id desc limit 1
        ) e on true
        where ${inPeriod(p)} and a.status in ('created', 'pending', 'waiting_for_capture')
          and a.created_at < now() - ${STUCK_AFTER}
        order by a.created_at limit ${LIST_LIMIT}`,
  );
}

/** Provider answers of the period that did not match the attempt's amount or currency. */
export function findAmountMismatches(db: DbOrTx, p: Period) {
  return rowsOf<AttemptRef & { event_at: Date | string; source: string; event: string }>(
    db,
    sql`select ${refColumns}, e.created_at as event_at, e.source, e.event
        from payment_events e join payment_attempts a on a.id = e.payment_id
        where e.organization_id = ${p.organizationId} and e.outcome = 'mismatch'
          and e.created_at >= ${p.from.toISOString()}::timestamptz
          and e.created_at < ${p.before.toISOString()}::timestamptz
        order by e.created_at limit ${LIST_LIMIT}`,
  );
}

/** Refunds of the organization not yet final, oldest first. */
export function findPendingRefunds(db: DbOrTx, organizationId: string) {
  return rowsOf<{
    id: string;
    payment_id: string;
    number: number;
    amount_kopecks: number;
    status: string;
    created_at: Date | string;
    next_check_at: Date | string | null;
  }>(
    db,
    sql`select r.id, r.payment_id, a.number, r.amount_kopecks, r.status::text as status,
          r.created_at, r.next_check_at
        from payment_refunds r join payment_attempts a on a.id = r.payment_id
        where r.organization_id = ${organizationId} and r.status in ('created', 'pending')
        order by r.created_at limit ${LIST_LIMIT}`,
  );
}

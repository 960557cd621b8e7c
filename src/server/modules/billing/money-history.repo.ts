import { sql, type SQL } from 'drizzle-orm';
import type { MoneyEntry, MoneyHistory } from '../../../shared/contracts/billing-history.js';
import { AppError } from '../../infra/app-error.js';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { isoText } from './billing-sql.js';

export const MONEY_HISTORY_PAGE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

/** An opaque keyset position: (created_at, id) of the last entry shown. */
export function encodeEntryCursor(createdAt: string, id: string): string {
  return Buffer.from(`${createdAt}|${id}`).toString('base64url');
}

function decodeEntryCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!ISO.test(createdAt) || !UUID.test(id)) {
    throw new AppError('validation_failed', [{ path: ['cursor'], code: 'invalid_cursor' }]);
  }
  return { createdAt, id };
}

/**
 * The select of explained entries over `ledger_entries e`: the subscription, the visit (lesson,
 * group, whose visit) and the charging decision behind a visit charge or undone by a reversal,
 * found through `charges_subscription`, so each entry costs a bounded number of index reads.
 */
function explainedEntries(where: SQL, limit: number) {
  return sql`select e.id, e.kind, e.amount_kopecks as "amountKopecks",
               e.balance_after_kopecks as "balanceAfterKopecks",
               ${isoText(sql`e.created_at`)} as "createdAt",
               e.payment_method as "paymentMethod", e.comment, u.display_name as "createdByName",
               case when sub.id is null then null
                    else json_build_object('id', sub.id, 'number', sub.number, 'name', sub.name)
               end as subscription,
               case when v.id is null then null
                    else json_build_object('id', v.id,
                           'lessonStartsAt', ${isoText(sql`v.lesson_starts_at`)},
                           'groupName', gv.name, 'status', v.status, 'studentName', vs.full_name)
               end as visit,
               case when en.id is null then null
                    else json_build_object('id', en.id, 'groupName', ge.name)
               end as enrollment,
               ch.charge, e.reverses_entry_id as "reversesEntryId"
        from ledger_entries e
        left join users u on u.id = e.created_by
        left join subscriptions sub on sub.id = e.subscription_id
        left join visits v on v.id = e.visit_id
        left join groups gv on gv.id = v.group_id
        left join students vs on vs.id = v.student_id
        left join enrollments en on en.id = e.enrollment_id
        left join groups ge on ge.id = en.group_id
        left join lateral (
          select json_build_object('reason', c.reason, 'lessonNumber', c.lesson_number,
                                   'supersededReason', c.superseded_reason) as charge
          from charges c
          where e.subscription_id is not null and c.subscription_id = e.subscription_id
            and c.ledger_entry_id = coalesce(e.reverses_entry_id, e.id)
          limit 1) ch on true
        where ${where}
        order by e.created_at desc, e.id desc
        limit ${limit}`;
}

/** A student's ledger, newest first, explained; keyset paging over `ledger_student_created`. */
export async function readMoneyHistory(
  db: DbOrTx,
  organizationId: string,
  studentId: string,
  cursor: string | undefined,
): Promise<MoneyHistory> {
  const after = cursor ? decodeEntryCursor(cursor) : null;
  const rows = await rowsOf<MoneyEntry>(
    db,
    explainedEntries(
      sql`e.student_id = ${studentId} and e.organization_id = ${organizationId}
          ${after ? sql`and (e.created_at, e.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}`,
      MONEY_HISTORY_PAGE,
    ),
  );
  const last = rows.at(-1);
  return {
    items: rows,
    nextCursor:
      rows.length === MONEY_HISTORY_PAGE && last
        ? encodeEntryCursor(last.createdAt, last.id)
        : null,
  };
}

/** One entry as the history shows it (the answer of a money write). */
export async function readMoneyEntry(
  db: DbOrTx,
  organizationId: string,
  entryId: string,
): Promise<MoneyEntry> {
  const [row] = await rowsOf<MoneyEntry>(
    db,
    explainedEntries(sql`e.id = ${entryId} and e.organization_id = ${organizationId}`, 1),
  );
  if (!row) throw new AppError('not_found');
  return row;
}

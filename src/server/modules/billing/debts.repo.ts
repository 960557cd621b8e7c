import { sql } from 'drizzle-orm';
import type {
  DebtLessonsPage,
  UnderpaidFeesPage,
  UnderpaidSubscriptionsPage,
} from '../../../shared/contracts/billing-history.js';
import { AppError } from '../../infra/app-error.js';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { localDayOf, organizationTimeZone } from './money-support.js';
import {
  presentSubscription,
  subscriptionColumns,
  type SoldSubscriptionRow,
} from './subscription-view.js';

export const DEBTS_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function badCursor(): never {
  throw new AppError('validation_failed', [{ path: ['cursor'], code: 'invalid_cursor' }]);
}

const encode = (parts: (string | number)[]) => Buffer.from(parts.join('|')).toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8').split('|');

/**
 * Students with lessons in debt, most lessons first. Reads the running `debt_lessons` through the
 * partial index `students_org_debt`, so the report never sums visits.
 */
export async function listDebtLessons(
  db: DbOrTx,
  organizationId: string,
  cursor: string | undefined,
): Promise<DebtLessonsPage> {
  let after = sql``;
  if (cursor) {
    const [lessons = '', id = ''] = decode(cursor);
    if (!/^\d{1,9}$/.test(lessons) || !UUID.test(id)) badCursor();
    after = sql`and (s.debt_lessons, s.id) < (${Number(lessons)}, ${id}::uuid)`;
  }
  const rows = await rowsOf<DebtLessonsPage['items'][number]>(
    db,
    sql`select s.id as "studentId", s.full_name as "fullName", s.debt_lessons as "debtLessons",
               s.balance_kopecks as "balanceKopecks"
        from students s
        where s.organization_id = ${organizationId} and s.debt_lessons > 0
          and s.merged_into_id is null ${after}
        order by s.debt_lessons desc, s.id desc
        limit ${DEBTS_PAGE}`,
  );
  const last = rows.at(-1);
  return {
    items: rows,
    nextCursor:
      rows.length === DEBTS_PAGE && last ? encode([last.debtLessons, last.studentId]) : null,
  };
}

/** Open subscriptions paid less than their price, newest number first. */
export async function listUnderpaidSubscriptions(
  db: DbOrTx,
  organizationId: string,
  cursor: string | undefined,
  now: Date,
): Promise<UnderpaidSubscriptionsPage> {
  let after = sql``;
  if (cursor) {
    const [number = ''] = decode(cursor);
    if (!/^\d{1,9}$/.test(number)) badCursor();
    after = sql`and s.number < ${Number(number)}`;
  }
  const rows = await rowsOf<SoldSubscriptionRow>(
    db,
    sql`select ${subscriptionColumns}
        from subscriptions s join students st on st.id = s.student_id
        left join users u on u.id = s.sold_by
        where s.organization_id = ${organizationId} and s.ended_at is null
          and s.paid_kopecks < s.price_kopecks ${after}
        order by s.number desc
        limit ${DEBTS_PAGE}`,
  );
  const today = localDayOf(now, await organizationTimeZone(db, organizationId));
  const last = rows.at(-1);
  return {
    items: rows.map((row) => presentSubscription(row, today)),
    nextCursor: rows.length === DEBTS_PAGE && last ? encode([last.number]) : null,
  };
}

/** Enrolments in one-time-fee groups paid less than their fee. */
export async function listUnderpaidFees(
  db: DbOrTx,
  organizationId: string,
  cursor: string | undefined,
): Promise<UnderpaidFeesPage> {
  let after = sql``;
  if (cursor) {
    const [id = ''] = decode(cursor);
    if (!UUID.test(id)) badCursor();
    after = sql`and e.id > ${id}::uuid`;
  }
  const rows = await rowsOf<UnderpaidFeesPage['items'][number]>(
    db,
    sql`select e.id, g.name as "groupName", coalesce(e.fee_kopecks, g.fee_kopecks, 0) as "feeKopecks",
               e.fee_paid_kopecks as "feePaidKopecks", e.starts_on::text as "startsOn",
               st.id as "studentId", st.full_name as "fullName"
        from enrollments e
        join groups g on g.id = e.group_id
        join students st on st.id = e.student_id
        where e.organization_id = ${organizationId} and g.payment_mode = 'one_time_fee'
          and coalesce(e.fee_kopecks, g.fee_kopecks, 0) > e.fee_paid_kopecks
          and st.merged_into_id is null ${after}
        order by e.id
        limit ${DEBTS_PAGE}`,
  );
  const last = rows.at(-1);
  return {
    items: rows,
    nextCursor: rows.length === DEBTS_PAGE && last ? encode([last.id]) : null,
  };
}

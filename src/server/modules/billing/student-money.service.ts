import { sql, type SQL } from 'drizzle-orm';
import type { StudentMoney } from '../../../shared/contracts/billing-history.js';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { freeBalanceOf } from './free-balance.js';
import { getMoneyStudent, localDayOf, organizationTimeZone } from './money-support.js';
import {
  presentSubscription,
  subscriptionColumns,
  type SoldSubscriptionRow,
} from './subscription-view.js';

/**
 * A student's money at a glance for the console: the running totals, the free balance, their
 * subscriptions (open ones first, then the latest 50 closed) and one-time-fee enrolments.
 */
export async function getStudentMoney(
  db: DbOrTx,
  organizationId: string,
  studentId: string,
  now: Date,
): Promise<StudentMoney> {
  const student = await getMoneyStudent(db, organizationId, studentId);
  const today = localDayOf(now, await organizationTimeZone(db, organizationId));
  const select = (where: SQL, order: SQL) =>
    rowsOf<SoldSubscriptionRow>(
      db,
      sql`select ${subscriptionColumns}
          from subscriptions s join students st on st.id = s.student_id
          left join users u on u.id = s.sold_by
          where s.student_id = ${studentId} and ${where}
          order by ${order}
          limit 50`,
    );
  const open = await select(sql`s.ended_at is null`, sql`s.ends_on, s.number`);
  const closed = await select(sql`s.ended_at is not null`, sql`s.ends_on desc, s.number desc`);
  const feeEnrollments = await rowsOf<StudentMoney['feeEnrollments'][number]>(
    db,
    sql`select e.id, g.name as "groupName", coalesce(e.fee_kopecks, g.fee_kopecks, 0) as "feeKopecks",
               e.fee_paid_kopecks as "feePaidKopecks", e.starts_on::text as "startsOn"
        from enrollments e join groups g on g.id = e.group_id
        where e.student_id = ${studentId} and g.payment_mode = 'one_time_fee'
        order by e.starts_on desc, e.id`,
  );
  return {
    student: {
      id: student.id,
      fullName: student.fullName,
      familyId: student.familyId,
      balanceKopecks: student.balanceKopecks,
      freeBalanceKopecks: await freeBalanceOf(db, studentId),
      debtLessons: student.debtLessons,
    },
    subscriptions: [...open, ...closed].map((row) => presentSubscription(row, today)),
    feeEnrollments,
  };
}

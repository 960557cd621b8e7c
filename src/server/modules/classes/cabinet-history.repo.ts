import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import type { AttendanceStatus } from '../../../shared/contracts/cabinet.js';
import type { Instant } from './cabinet.repo.js';

/** A visit with its live charging decision (null while none). */
export interface VisitRow {
  id: string;
  lessonStartsAt: Instant;
  groupId: string;
  groupName: string;
  status: AttendanceStatus;
  chargeOutcome: 'subscription' | 'debt' | 'not_chargeable' | null;
  chargeAmountKopecks: number | null;
  chargeReason: string | null;
  chargeReasonParams: Record<string, unknown> | null;
  chargeLessonNumber: number | null;
  subscriptionNumber: number | null;
}

/**
 * One page of the student's visits, newest first, through the `(student_id, lesson_starts_at
 * desc, id desc)` index; the live decision comes from the unique live-charge index. Reads
 * `limit + 1` rows so the caller knows whether another page exists without counting history.
 */
export function listVisits(
  db: DbOrTx,
  filter: {
    organizationId: string;
    studentId: string;
    from: Date | null;
    to: Date | null;
    groupId: string | null;
    status: AttendanceStatus | null;
    limit: number;
    offset: number;
  },
): Promise<VisitRow[]> {
  const from = filter.from ? sql`and v.lesson_starts_at >= ${filter.from.toISOString()}` : sql``;
  const to = filter.to ? sql`and v.lesson_starts_at < ${filter.to.toISOString()}` : sql``;
  const group = filter.groupId ? sql`and v.group_id = ${filter.groupId}` : sql``;
  const status = filter.status ? sql`and v.status = ${filter.status}` : sql``;
  return rowsOf<VisitRow>(
    db,
    sql`select v.id, v.lesson_starts_at as "lessonStartsAt", v.group_id as "groupId",
               g.name as "groupName", v.status,
               c.outcome as "chargeOutcome", c.amount_kopecks as "chargeAmountKopecks",
               c.reason as "chargeReason", c.reason_params as "chargeReasonParams",
               c.lesson_number as "chargeLessonNumber", sub.number as "subscriptionNumber"
        from visits v
        join groups g on g.id = v.group_id
        left join charges c on c.visit_id = v.id and c.superseded_at is null
        left join subscriptions sub on sub.id = c.subscription_id
        where v.student_id = ${filter.studentId} and v.organization_id = ${filter.organizationId}
          ${from} ${to} ${group} ${status}
        order by v.lesson_starts_at desc, v.id desc
        limit ${filter.limit + 1} offset ${filter.offset}`,
  );
}

/** The groups the student was ever enrolled in (the visit filter's choices). */
export function listStudentGroups(db: DbOrTx, studentId: string) {
  return rowsOf<{ id: string; name: string }>(
    db,
    sql`select distinct g.id, g.name from enrollments e join groups g on g.id = e.group_id
        where e.student_id = ${studentId}
        order by g.name, g.id`,
  );
}

/** A ledger entry with what it is about (subscription, group, lesson, reversed kind). */
export interface LedgerRow {
  id: string;
  createdAt: Instant;
  kind: string;
  amountKopecks: number;
  balanceAfterKopecks: number;
  subscriptionNumber: number | null;
  subscriptionName: string | null;
  groupName: string | null;
  lessonStartsAt: Instant | null;
  paymentMethod: 'cash' | 'bank_transfer' | 'card' | 'online' | null;
  reversesKind: string | null;
  comment: string | null;
}

/**
 * One page of the student's ledger, newest first, through the `(student_id, created_at desc,
 * id desc)` index; `limit + 1` rows tell whether another page exists.
 */
export function listLedger(
  db: DbOrTx,
  filter: { organizationId: string; studentId: string; limit: number; offset: number },
): Promise<LedgerRow[]> {
  return rowsOf<LedgerRow>(
    db,
    sql`select le.id, le.created_at as "createdAt", le.kind, le.amount_kopecks as "amountKopecks",
               le.balance_after_kopecks as "balanceAfterKopecks",
               sub.number as "subscriptionNumber", sub.name as "subscriptionName",
               coalesce(gv.name, ge.name) as "groupName", v.lesson_starts_at as "lessonStartsAt",
               le.payment_method as "paymentMethod", rev.kind as "reversesKind", le.comment
        from ledger_entries le
        left join subscriptions sub on sub.id = le.subscription_id
        left join enrollments e on e.id = le.enrollment_id
        left join groups ge on ge.id = e.group_id
        left join visits v on v.id = le.visit_id
        left join groups gv on gv.id = v.group_id
        left join ledger_entries rev on rev.id = le.reverses_entry_id
        where le.student_id = ${filter.studentId} and le.organization_id = ${filter.organizationId}
        order by le.created_at desc, le.id desc
        limit ${filter.limit + 1} offset ${filter.offset}`,
  );
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import { rowsOf, type DbOrTx, type Tx } from '../../infra/db.js';
import { subscriptions } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { runCharging } from './charging-run.js';
import { uuidList } from './charges-sql.js';
import { appendLedgerEntry, findLedgerEntryByKey, lockStudentsMoney } from './ledger.repo.js';
import { idFromKey, ledgerKey } from './money-support.js';
import type { PaymentMethod } from './sales.service.js';
import { allocatePayment, nextSubscriptionNumber } from './subscriptions.repo.js';

/** A lesson in debt that can be paid for: its group sells lessons one by one at a price. */
export interface DebtLesson {
  visitId: string;
  groupId: string;
  lessonStartsAt: string;
  /** The lesson's local date in the organization's time zone. */
  lessonDate: string;
  priceKopecks: number;
}

/** The student's lessons in debt: the ones with a price, and how many have none. */
export interface DebtQuote {
  lessons: DebtLesson[];
  totalKopecks: number;
  /** Lessons in debt in groups without a per-lesson price (only staff can settle them). */
  unpricedLessons: number;
}

/**
 * What the student's live debts cost now: Σ over lessons in debt of the group's lesson price
 * (docs/payments.md, «Paying a debt»). Reads the live `debt` decisions (`charges_live_debt`).
 */
export async function quoteDebtLessons(
  db: DbOrTx,
  organizationId: string,
  studentId: string,
  onlyVisitIds?: readonly string[],
): Promise<DebtQuote> {
  const only =
    onlyVisitIds && onlyVisitIds.length > 0
      ? sql`and c.visit_id in (${uuidList(onlyVisitIds)})`
      : sql``;
  const rows = await rowsOf<Omit<DebtLesson, 'priceKopecks'> & { priceKopecks: number | null }>(
    db,
    sql`select c.visit_id as "visitId", c.group_id as "groupId",
               to_char(c.lesson_starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                 as "lessonStartsAt",
               to_char(c.lesson_starts_at at time zone o.timezone, 'YYYY-MM-DD') as "lessonDate",
               case when g.payment_mode = 'per_lesson' and g.lesson_price_kopecks > 0
                    then g.lesson_price_kopecks end as "priceKopecks"
        from charges c
        join groups g on g.id = c.group_id
        join organizations o on o.id = c.organization_id
        where c.organization_id = ${organizationId} and c.student_id = ${studentId}
          and c.superseded_at is null and c.outcome = 'debt' ${only}
        order by c.lesson_starts_at, c.visit_id`,
  );
  const lessons = rows.filter((row): row is DebtLesson => row.priceKopecks !== null);
  return {
    lessons,
    totalKopecks: lessons.reduce((sum, lesson) => sum + lesson.priceKopecks, 0),
    unpricedLessons: rows.length - lessons.length,
  };
}

/** Options of `payDebtLessons`. */
export interface PayDebtLessonsOptions {
  organizationId: string;
  studentId: string;
  /** The lessons in debt that were priced when the payment was created. */
  visitIds: readonly string[];
  /** What was received; must equal their price now, or nothing is settled. */
  amountKopecks: number;
  method: PaymentMethod;
  comment?: string | null;
  actorId: string | null;
  /** The client's key: a retried call returns the first settlement and never moves money twice. */
  idempotencyKey: string;
  now?: Date;
}

/** What settling debts with money wrote. */
export interface DebtSettlement {
  subscriptionId: string;
  ledgerEntryId: string;
}

/**
 * Turns money received for lessons in debt into settled debts, in the caller's transaction.
 * The money pays (`payment_in` + allocation) for a settlement subscription «Оплата долга»
 * covering exactly those lessons: as many lessons as there are, priced at their sum, dated from
 * the first to the last, scoped to their groups. The charging rules then re-run those visits, so
 * each one is charged to it with the usual explanation and «есть долг» disappears; the ledger
 * nets to zero (+ payment, − the slots). The subscription is closed at once and keeps unused
 * lessons (`carry_over`): if a rule sends a visit elsewhere, its value stays on the balance.
 *
 * Throws `payment_no_debt` when the lessons are no longer all in debt at the same price (staff
 * took cash meanwhile): the caller then puts the money on the balance instead.
 */
export async function payDebtLessons(
  tx: Tx,
  options: PayDebtLessonsOptions,
): Promise<DebtSettlement> {
  const { organizationId, studentId, actorId } = options;
  await lockStudentsMoney(tx, [studentId]);
  const key = ledgerKey('payment', options.idempotencyKey);
  const subscriptionId = idFromKey(organizationId, 'sale', `debt:${options.idempotencyKey}`);
  const existing = await findLedgerEntryByKey(tx, organizationId, key);
  if (existing) {
    if (existing.studentId !== studentId || existing.amountKopecks !== options.amountKopecks) {
      throw new AppError('idempotency_key_reused');
    }
    return { subscriptionId, ledgerEntryId: existing.id };
  }

  const quote = await quoteDebtLessons(tx, organizationId, studentId, options.visitIds);
  if (
    options.visitIds.length === 0 ||
    quote.lessons.length !== new Set(options.visitIds).size ||
    quote.totalKopecks !== options.amountKopecks
  ) {
    throw new AppError('payment_no_debt');
  }
  const dates = quote.lessons.map((lesson) => lesson.lessonDate).sort();
  const [beginsOn] = dates;
  const endsOn = dates.at(-1);
  if (!beginsOn || !endsOn) throw new AppError('payment_no_debt');
  const now = options.now ?? new Date();
  await tx.insert(subscriptions).values({
    id: subscriptionId,
    organizationId,
    number: await nextSubscriptionNumber(tx, organizationId),
    studentId,
    familyId: null,
    typeId: null,
    name: 'Оплата долга',
    lessonsTotal: quote.lessons.length,
    priceKopecks: quote.totalKopecks,
    originalPriceKopecks: quote.totalKopecks,
    soldAt: now,
    beginsOn,
    endsOn,
    coversAllGroups: false,
    groupIds: [...new Set(quote.lessons.map((lesson) => lesson.groupId))],
    courseIds: [],
    unusedLessons: 'carry_over',
    soldBy: actorId,
  });
  const entry = await appendLedgerEntry(tx, {
    organizationId,
    studentId,
    kind: 'payment_in',
    amountKopecks: quote.totalKopecks,
    subscriptionId,
    paymentMethod: options.method,
    comment: options.comment ?? null,
    createdBy: actorId,
    idempotencyKey: key,
  });
  await allocatePayment(tx, {
    organizationId,
    studentId,
    target: { subscriptionId },
    amountKopecks: quote.totalKopecks,
    ledgerEntryId: entry.id,
    actorId,
  });
  // Exactly these visits, whatever the organization's `settle_debts_on_sale` says: they were paid for.
  await runCharging(tx, {
    organizationId,
    actorId,
    visitIds: quote.lessons.map((lesson) => lesson.visitId),
    reason: 'debt_settled',
    onlyUndecided: false,
    withTail: false,
  });
  // Closed now, so it never shows as an open or ending subscription; `carry_over` keeps any
  // lesson it did not take on the balance as free money.
  await tx
    .update(subscriptions)
    .set({ endedAt: now, endReason: 'expired' })
    .where(and(eq(subscriptions.id, subscriptionId), isNull(subscriptions.endedAt)));
  await recordAudit(tx, {
    organizationId,
    actorId,
    subjectId: null,
    action: 'billing.debt.paid',
    details: { studentId, subscriptionId, entryId: entry.id, lessons: quote.lessons.length },
  });
  return { subscriptionId, ledgerEntryId: entry.id };
}

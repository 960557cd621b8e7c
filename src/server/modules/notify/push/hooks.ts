import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../infra/context.js';
import { rowsOf, type DbOrTx } from '../../../infra/db.js';
import { preparedRowsOf, uuidArray } from '../../../infra/prepared.js';
import { notifyPerson } from './notify-person.js';

/**
 * Notifications other modules raise from inside their own transactions (one call each, so
 * their code stays about their domain). Recipients of a student's news are the accounts that
 * see the student in the cabinet: `student_accounts`, cabinet access on, not merged away.
 */

interface StudentReader {
  userId: string;
  studentId: string;
  studentName: string;
}

async function readersOf(db: DbOrTx, studentIds: readonly string[]): Promise<StudentReader[]> {
  if (studentIds.length === 0) return [];
  return preparedRowsOf<StudentReader>(
    db,
    'student_readers',
    sql`select sa.user_id as "userId", s.id as "studentId", s.full_name as "studentName"
        from students s join student_accounts sa on sa.student_id = s.id
         and sa.organization_id = s.organization_id
        where s.id = any(${uuidArray(studentIds)}) and s.cabinet_access
          and s.merged_into_id is null`,
  );
}

/**
 * «Абонемент закончился» to everyone who sees each subscription (its owner's accounts and, for
 * a family subscription, the family's): called by billing in the transaction that ends them.
 */
export async function notifySubscriptionsEnded(
  ctx: AppContext,
  tx: DbOrTx,
  subscriptionIds: readonly string[],
  now: Date,
): Promise<void> {
  if (subscriptionIds.length === 0) return;
  const ids = sql.join(
    subscriptionIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await rowsOf<{
    id: string;
    organizationId: string;
    studentId: string;
    name: string;
    studentName: string;
    userId: string;
  }>(
    tx,
    sql`select distinct on (sub.id, sa.user_id)
               sub.id, sub.organization_id as "organizationId", sub.student_id as "studentId",
               sub.name, owner.full_name as "studentName", sa.user_id as "userId"
        from subscriptions sub
        join students owner on owner.id = sub.student_id
        join students st on st.organization_id = sub.organization_id and st.cabinet_access
         and st.merged_into_id is null
         and (st.id = sub.student_id or (sub.family_id is not null and st.family_id = sub.family_id))
        join student_accounts sa on sa.student_id = st.id and sa.organization_id = sub.organization_id
        where sub.id in (${ids})
        order by sub.id, sa.user_id`,
  );
  for (const row of rows) {
    await notifyPerson(ctx, tx, {
      organizationId: row.organizationId,
      userId: row.userId,
      type: 'subscription_ended',
      dedupeKey: `subscription_ended:${row.id}`,
      // The same topic as its «заканчивается» notices: the newer news replaces them.
      topic: `sub-${row.id.slice(0, 8)}`,
      params: { subscriptionName: row.name, studentName: row.studentName },
      url: `/cabinet/subscriptions?student=${row.studentId}`,
      now,
    });
  }
}

/** Lessons in debt of students now (read before a charging run, compared after it). */
async function readDebtLessons(
  db: DbOrTx,
  studentIds: readonly string[],
): Promise<Map<string, number>> {
  if (studentIds.length === 0) return new Map();
  const rows = await preparedRowsOf<{ id: string; debtLessons: number }>(
    db,
    'debt_lessons_of_students',
    sql`select id, debt_lessons as "debtLessons" from students
        where id = any(${uuidArray(studentIds)})`,
  );
  return new Map(rows.map((row) => [row.id, row.debtLessons]));
}

/**
 * «Занятие в долг»: for each student whose lessons in debt grew since `before` (read before the
 * charging run, e.g. from the rows of the money lock), tells the accounts that see them. One per student
 * and debt level per day, so a teacher re-marking a lesson back and forth does not repeat it.
 */
export async function notifyNewDebts(
  ctx: AppContext,
  tx: DbOrTx,
  options: { organizationId: string; before: Map<string, number>; now?: Date },
): Promise<void> {
  const after = await readDebtLessons(tx, [...options.before.keys()]);
  const grown = [...after].filter(([id, lessons]) => lessons > (options.before.get(id) ?? 0));
  if (grown.length === 0) return;
  const now = options.now ?? new Date();
  const amounts = await debtAmounts(
    tx,
    grown.map(([id]) => id),
  );
  for (const reader of await readersOf(
    tx,
    grown.map(([id]) => id),
  )) {
    const lessons = after.get(reader.studentId) ?? 0;
    await notifyPerson(ctx, tx, {
      organizationId: options.organizationId,
      userId: reader.userId,
      type: 'new_debt',
      dedupeKey: `new_debt:${reader.studentId}:${String(lessons)}:${now.toISOString().slice(0, 10)}`,
      topic: `debt-${reader.studentId.slice(0, 8)}`,
      params: {
        studentName: reader.studentName,
        lessonsInDebt: lessons,
        debtKopecks: amounts.get(reader.studentId) ?? null,
      },
      url: `/cabinet/due?student=${reader.studentId}`,
      now,
    });
  }
}

/** What per-lesson debts cost (the home block's «есть долг» lines), per student. */
async function debtAmounts(db: DbOrTx, studentIds: readonly string[]) {
  const rows = await preparedRowsOf<{ studentId: string; kopecks: number }>(
    db,
    'debt_amounts',
    sql`select e.student_id as "studentId",
               sum(e.debt_lessons * g.lesson_price_kopecks)::int as kopecks
        from enrollments e join groups g on g.id = e.group_id
        where e.student_id = any(${uuidArray(studentIds)}) and e.debt_lessons > 0 and g.payment_mode = 'per_lesson'
          and g.lesson_price_kopecks is not null
        group by e.student_id`,
  );
  return new Map(rows.map((row) => [row.studentId, row.kopecks]));
}

const TICKET_EVENTS: Record<string, 'reply' | 'resolved'> = {
  helpdesk_staff_reply: 'reply',
  helpdesk_ticket_awaiting: 'reply',
  helpdesk_ticket_resolved: 'resolved',
};

/**
 * «Ответ на обращение»: called by the help desk wherever it emails the customer; a staff reply
 * (or a question back) and a resolution notify, other ticket emails do not. Every reply is its
 * own notification; the ticket's topic keeps only the newest on an offline device.
 */
export async function notifyTicketEvent(
  ctx: AppContext,
  tx: DbOrTx,
  options: {
    organizationId: string;
    userId: string;
    template: string;
    ticket: { number: number; subject: string };
  },
): Promise<void> {
  const event = TICKET_EVENTS[options.template];
  if (!event) return;
  await notifyPerson(ctx, tx, {
    organizationId: options.organizationId,
    userId: options.userId,
    type: 'ticket_answered',
    topic: `ticket-${String(options.ticket.number)}`,
    params: { ticketNumber: options.ticket.number, ticketSubject: options.ticket.subject, event },
    url: `/tickets/${String(options.ticket.number)}`,
  });
}

/** «Доступ заканчивается»: with the access module's warning email, in its transaction. */
export async function notifyAccessEnding(
  ctx: AppContext,
  tx: DbOrTx,
  options: { organizationId: string; userId: string; endsAt: Date; timeZone: string; now: Date },
): Promise<void> {
  const endsOn = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone }).format(
    options.endsAt,
  );
  await notifyPerson(ctx, tx, {
    organizationId: options.organizationId,
    userId: options.userId,
    type: 'access_ending',
    dedupeKey: `access_ending:${options.endsAt.toISOString()}`,
    topic: 'access-ending',
    params: { endsOn },
    url: '/',
    now: options.now,
  });
}

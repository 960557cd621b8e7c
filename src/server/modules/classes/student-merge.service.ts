import { and, eq, inArray, sql } from 'drizzle-orm';
import type { StudentCard } from '../../../shared/contracts/classes.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { rowsOf, type Tx } from '../../infra/db.js';
import {
  charges,
  ledgerEntries,
  paymentAllocations,
  studentAccounts,
  students,
  subscriptions,
  visits,
} from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { lockStudentsMoney, rechargeLessonVisits } from '../billing/index.js';
import { mergeEnrollments } from './student-merge.enrollments.js';
import { findStudentRow } from './students.repo.js';
import { getStudentCard } from './students.service.js';

/**
 * Where both students have a visit on the same lesson the survivor's stays. The duplicate's is
 * made `free` and its lesson re-charged first, so billing reverses its charge and undoes its
 * counters; then it is deleted (its ledger entries stay, netting to zero).
 */
async function dropClashingVisits(
  tx: Tx,
  organizationId: string,
  survivorId: string,
  duplicateId: string,
  actorId: string | null,
): Promise<number> {
  const clashes = await rowsOf<{
    duplicate_visit: string;
    survivor_visit: string;
    lesson_id: string;
  }>(
    tx,
    sql`select d.id as duplicate_visit, s.id as survivor_visit, d.lesson_id
        from visits d join visits s on s.lesson_id = d.lesson_id and s.student_id = ${survivorId}
        where d.student_id = ${duplicateId}`,
  );
  if (clashes.length === 0) return 0;
  const duplicateVisits = clashes.map((row) => row.duplicate_visit);
  await tx.update(visits).set({ status: 'free' }).where(inArray(visits.id, duplicateVisits));
  for (const lessonId of new Set(clashes.map((row) => row.lesson_id))) {
    await rechargeLessonVisits(tx, {
      organizationId,
      lessonId,
      reason: 'students_merged',
      actorId,
    });
  }
  for (const clash of clashes) {
    await tx
      .update(visits)
      .set({ makeupForVisitId: clash.survivor_visit })
      .where(eq(visits.makeupForVisitId, clash.duplicate_visit));
  }
  await tx.delete(visits).where(inArray(visits.id, duplicateVisits));
  return clashes.length;
}

/**
 * Merges a duplicate contact into the survivor in one transaction: enrolments, visits (with
 * their charges), subscriptions, ledger entries, payment allocations and account links move to
 * the survivor; the duplicate's balance and debt counters add to the survivor's, so the balance
 * still equals the sum of the entries. The duplicate keeps its row, hidden, with
 * `merged_into_id`. Audited.
 */
export async function mergeStudents(
  ctx: AppContext,
  organizationId: string,
  survivorId: string,
  duplicateId: string,
  actorId: string | null,
): Promise<StudentCard> {
  if (survivorId === duplicateId) throw new AppError('merge_invalid');
  await ctx.db.transaction(async (tx) => {
    // Money of both (and their families) is about to change: queue behind other writers.
    await lockStudentsMoney(tx, [survivorId, duplicateId]);
    const survivor = await findStudentRow(tx, organizationId, survivorId);
    const duplicate = await findStudentRow(tx, organizationId, duplicateId);
    if (!survivor) throw new AppError('not_found');
    if (!duplicate) throw new AppError('merge_invalid');

    const droppedVisits = await dropClashingVisits(
      tx,
      organizationId,
      survivorId,
      duplicateId,
      actorId,
    );
    const movedEnrollments = await mergeEnrollments(tx, survivorId, duplicateId);
    const move = { studentId: survivorId };
    const movedVisits = await tx
      .update(visits)
      .set(move)
      .where(eq(visits.studentId, duplicateId))
      .returning({ id: visits.id });
    await tx.update(charges).set(move).where(eq(charges.studentId, duplicateId));
    const movedSubscriptions = await tx
      .update(subscriptions)
      .set(move)
      .where(eq(subscriptions.studentId, duplicateId))
      .returning({ id: subscriptions.id });
    const movedEntries = await tx
      .update(ledgerEntries)
      .set(move)
      .where(eq(ledgerEntries.studentId, duplicateId))
      .returning({ id: ledgerEntries.id });
    await tx
      .update(paymentAllocations)
      .set(move)
      .where(eq(paymentAllocations.studentId, duplicateId));
    await tx.execute(
      sql`insert into student_accounts (student_id, user_id, organization_id, relation, created_at)
          select ${survivorId}, user_id, organization_id, relation, created_at
          from student_accounts where student_id = ${duplicateId}
          on conflict (student_id, user_id) do nothing`,
    );
    await tx.delete(studentAccounts).where(eq(studentAccounts.studentId, duplicateId));

    // Re-read after re-charging: the duplicate's counters may have moved.
    const [dup] = await tx.select().from(students).where(eq(students.id, duplicateId));
    if (!dup) throw new Error('duplicate vanished inside its lock');
    await tx
      .update(students)
      .set({
        balanceKopecks: sql`${students.balanceKopecks} + ${dup.balanceKopecks}`,
        debtLessons: sql`${students.debtLessons} + ${dup.debtLessons}`,
        firstVisitAt:
          dup.firstVisitAt && (!survivor.firstVisitAt || dup.firstVisitAt < survivor.firstVisitAt)
            ? dup.firstVisitAt
            : survivor.firstVisitAt,
        familyId: survivor.familyId ?? dup.familyId,
        email: survivor.email ?? dup.email,
        phone: survivor.phone ?? dup.phone,
        birthDate: survivor.birthDate ?? dup.birthDate,
        updatedAt: new Date(),
      })
      .where(eq(students.id, survivorId));
    await tx
      .update(students)
      .set({
        mergedIntoId: survivorId,
        cabinetAccess: false,
        familyId: null,
        balanceKopecks: 0,
        debtLessons: 0,
        updatedAt: new Date(),
      })
      .where(eq(students.id, duplicateId));
    // Students merged into the duplicate before now point at the survivor.
    await tx
      .update(students)
      .set({ mergedIntoId: survivorId })
      .where(
        and(eq(students.organizationId, organizationId), eq(students.mergedIntoId, duplicateId)),
      );
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'student.merged',
      details: {
        survivorId,
        duplicateId,
        duplicateName: duplicate.fullName,
        balanceKopecks: dup.balanceKopecks,
        debtLessons: dup.debtLessons,
        enrollments: movedEnrollments,
        visits: movedVisits.length,
        droppedVisits,
        subscriptions: movedSubscriptions.length,
        ledgerEntries: movedEntries.length,
      },
    });
  });
  return getStudentCard(ctx.db, organizationId, survivorId);
}

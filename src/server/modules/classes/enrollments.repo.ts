import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Enrollment } from '../../../shared/contracts/classes.js';
import type { DbOrTx } from '../../infra/db.js';
import { enrollments, groups, students } from '../../schema.js';

/** Enrolments of a student or a group, newest start first. */
export async function listEnrollments(
  db: DbOrTx,
  organizationId: string,
  filter: { studentId?: string; groupId?: string; id?: string },
): Promise<Enrollment[]> {
  const conditions: (SQL | undefined)[] = [
    eq(enrollments.organizationId, organizationId),
    filter.studentId ? eq(enrollments.studentId, filter.studentId) : undefined,
    filter.groupId ? eq(enrollments.groupId, filter.groupId) : undefined,
    filter.id ? eq(enrollments.id, filter.id) : undefined,
  ];
  const rows = await db
    .select({
      enrollment: enrollments,
      studentName: students.fullName,
      groupName: groups.name,
      paymentMode: groups.paymentMode,
    })
    .from(enrollments)
    .innerJoin(students, eq(students.id, enrollments.studentId))
    .innerJoin(groups, eq(groups.id, enrollments.groupId))
    .where(and(...conditions))
    .orderBy(desc(enrollments.startsOn), asc(students.fullName), asc(enrollments.id));
  return rows.map(({ enrollment, studentName, groupName, paymentMode }) => ({
    id: enrollment.id,
    studentId: enrollment.studentId,
    studentName,
    groupId: enrollment.groupId,
    groupName,
    paymentMode,
    startsOn: enrollment.startsOn,
    endsOn: enrollment.endsOn,
    feeKopecks: enrollment.feeKopecks,
    feePaidKopecks: enrollment.feePaidKopecks,
    debtLessons: enrollment.debtLessons,
  }));
}

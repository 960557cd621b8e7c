import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Student } from '../../../shared/contracts/classes.js';
import type { DbOrTx } from '../../infra/db.js';
import { families, students } from '../../schema.js';

export type StudentRow = typeof students.$inferSelect;

/** The columns a `Student` answer needs: the student and its family's name. */
export const studentColumns = { student: students, familyName: families.name };

/** Shapes one joined row for the API. */
export function toStudent(row: { student: StudentRow; familyName: string | null }): Student {
  const { student } = row;
  return {
    id: student.id,
    fullName: student.fullName,
    birthDate: student.birthDate,
    email: student.email,
    phone: student.phone,
    note: student.note,
    familyId: student.familyId,
    familyName: row.familyName,
    cabinetAccess: student.cabinetAccess,
    balanceKopecks: student.balanceKopecks,
    debtLessons: student.debtLessons,
    createdAt: student.createdAt.toISOString(),
  };
}

/** A live student (merged duplicates are hidden everywhere), or undefined. */
export async function findStudentRow(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<StudentRow | undefined> {
  const [row] = await db
    .select()
    .from(students)
    .where(
      and(
        eq(students.organizationId, organizationId),
        eq(students.id, id),
        isNull(students.mergedIntoId),
      ),
    );
  return row;
}

/** A live student with its family name, or undefined. */
export async function findStudent(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<Student | undefined> {
  const [row] = await db
    .select(studentColumns)
    .from(students)
    .leftJoin(families, eq(families.id, students.familyId))
    .where(
      and(
        eq(students.organizationId, organizationId),
        eq(students.id, id),
        isNull(students.mergedIntoId),
      ),
    );
  return row ? toStudent(row) : undefined;
}

/** Whether every id is a live student of the organization. */
export async function allStudentsExist(
  db: DbOrTx,
  organizationId: string,
  ids: readonly string[],
): Promise<boolean> {
  if (ids.length === 0) return true;
  const unique = [...new Set(ids)];
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(students)
    .where(
      and(
        eq(students.organizationId, organizationId),
        isNull(students.mergedIntoId),
        sql`${students.id} in (${sql.join(
          unique.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  return row?.count === unique.length;
}

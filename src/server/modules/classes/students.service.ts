import type { z } from 'zod';
import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type {
  CreateStudentRequest,
  Student,
  StudentCard,
  StudentListResponse,
  UpdateStudentRequest,
} from '../../../shared/contracts/classes.js';
import type { ZStudentListQuery } from '../../../shared/contracts/classes.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { families, students } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { listEnrollments } from './enrollments.repo.js';
import { findFamily } from './families.service.js';
import { listStudentAccounts } from './student-accounts.repo.js';
import { findStudent, studentColumns, toStudent } from './students.repo.js';

const PAGE_SIZE = 50;

/** A family of the organization, or `reference_invalid`. */
async function assertFamily(
  db: DbOrTx,
  organizationId: string,
  familyId: string | null | undefined,
) {
  if (!familyId) return;
  const [row] = await db
    .select({ id: families.id })
    .from(families)
    .where(and(eq(families.organizationId, organizationId), eq(families.id, familyId)));
  if (!row) throw new AppError('reference_invalid');
}

/**
 * Students by name (typo-tolerant through the trigram index on `lower(full_name)`), email or
 * phone; merged duplicates never show.
 */
export async function findStudents(
  db: DbOrTx,
  organizationId: string,
  query: Partial<z.infer<typeof ZStudentListQuery>>,
): Promise<StudentListResponse> {
  const page = query.page ?? 1;
  const conditions: SQL[] = [
    eq(students.organizationId, organizationId),
    isNull(students.mergedIntoId),
  ];
  if (query.familyId) conditions.push(eq(students.familyId, query.familyId));
  const q = query.q?.trim().toLowerCase();
  let order: SQL[] = [asc(students.fullName), asc(students.id)];
  if (q) {
    const digits = q.replace(/\D/g, '');
    const match: (SQL | undefined)[] = [
      sql`lower(${students.fullName}) like ${`%${escapeLike(q)}%`}`,
      // `<%`: a word of the name looks like the query (pg_trgm word similarity, index-backed).
      sql`${q} <% lower(${students.fullName})`,
      eq(students.email, q),
      // Phones are stored as typed: compare their digits only.
      digits.length >= 5
        ? sql`regexp_replace(${students.phone}, '\D', '', 'g') like ${`%${digits}%`}`
        : undefined,
    ];
    const anyMatch = or(...match);
    if (anyMatch) conditions.push(anyMatch);
    order = [
      desc(sql`word_similarity(${q}, lower(${students.fullName}))`),
      asc(students.fullName),
      asc(students.id),
    ];
  }
  const rows = await db
    .select(studentColumns)
    .from(students)
    .leftJoin(families, eq(families.id, students.familyId))
    .where(and(...conditions))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return {
    students: rows.slice(0, PAGE_SIZE).map(toStudent),
    page,
    hasMore: rows.length > PAGE_SIZE,
  };
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A live student, or `not_found`. */
export async function getStudent(db: DbOrTx, organizationId: string, id: string): Promise<Student> {
  const student = await findStudent(db, organizationId, id);
  if (!student) throw new AppError('not_found');
  return student;
}

/** The console's card: the student, its family, the accounts that see it and its enrolments. */
export async function getStudentCard(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<StudentCard> {
  const student = await getStudent(db, organizationId, id);
  return {
    student,
    family: student.familyId ? await findFamily(db, organizationId, student.familyId) : null,
    accounts: await listStudentAccounts(db, organizationId, id),
    enrollments: await listEnrollments(db, organizationId, { studentId: id }),
  };
}

function contactFields(input: UpdateStudentRequest) {
  return {
    ...(input.fullName !== undefined ? { fullName: input.fullName.trim() } : {}),
    ...(input.birthDate !== undefined ? { birthDate: input.birthDate } : {}),
    ...(input.email !== undefined
      ? { email: input.email ? normalizeEmail(input.email) : null }
      : {}),
    ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
    ...(input.note !== undefined ? { note: input.note || null } : {}),
    ...(input.familyId !== undefined ? { familyId: input.familyId } : {}),
  };
}

/** Adds a student (a child or an adult learner). */
export async function createStudent(
  ctx: AppContext,
  organizationId: string,
  input: CreateStudentRequest,
): Promise<Student> {
  return ctx.db.transaction(async (tx) => {
    await assertFamily(tx, organizationId, input.familyId);
    const [row] = await tx
      .insert(students)
      .values({ organizationId, fullName: input.fullName.trim(), ...contactFields(input) })
      .returning({ id: students.id });
    if (!row) throw new Error('insert returned no row');
    return getStudent(tx, organizationId, row.id);
  });
}

/** Edits contacts; switching `cabinetAccess` hides or shows this one contact, and is audited. */
export async function updateStudent(
  ctx: AppContext,
  organizationId: string,
  id: string,
  input: UpdateStudentRequest,
  actorId: string | null,
): Promise<Student> {
  return ctx.db.transaction(async (tx) => {
    const before = await getStudent(tx, organizationId, id);
    await assertFamily(tx, organizationId, input.familyId);
    await tx
      .update(students)
      .set({
        ...contactFields(input),
        ...(input.cabinetAccess !== undefined ? { cabinetAccess: input.cabinetAccess } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(students.organizationId, organizationId), eq(students.id, id)));
    if (input.cabinetAccess !== undefined && input.cabinetAccess !== before.cabinetAccess) {
      await recordAudit(tx, {
        organizationId,
        actorId,
        subjectId: null,
        action: 'student.cabinet_access',
        details: { studentId: id, cabinetAccess: input.cabinetAccess },
      });
    }
    return getStudent(tx, organizationId, id);
  });
}

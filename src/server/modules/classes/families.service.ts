import { and, asc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import type { CreateFamilyRequest, Family } from '../../../shared/contracts/classes.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { families, students } from '../../schema.js';
import { allStudentsExist, findStudentRow } from './students.repo.js';

/** Families (siblings who may share a subscription) with their live members. */
async function loadFamilies(db: DbOrTx, organizationId: string, ids: string[]): Promise<Family[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ family: families, member: { id: students.id, fullName: students.fullName } })
    .from(families)
    .leftJoin(students, and(eq(students.familyId, families.id), isNull(students.mergedIntoId)))
    .where(and(eq(families.organizationId, organizationId), inArray(families.id, ids)))
    .orderBy(asc(families.name), asc(families.id), asc(students.fullName));
  const byId = new Map<string, Family>();
  for (const { family, member } of rows) {
    let entry = byId.get(family.id);
    if (!entry) {
      entry = { id: family.id, name: family.name, members: [] };
      byId.set(family.id, entry);
    }
    if (member?.id) entry.members.push({ id: member.id, fullName: member.fullName });
  }
  return [...byId.values()];
}

/** A family of the organization, or null. */
export async function findFamily(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<Family | null> {
  return (await loadFamilies(db, organizationId, [id]))[0] ?? null;
}

async function getFamily(db: DbOrTx, organizationId: string, id: string): Promise<Family> {
  const family = await findFamily(db, organizationId, id);
  if (!family) throw new AppError('not_found');
  return family;
}

/** Families by name (at most 100). */
export async function listFamilies(
  db: DbOrTx,
  organizationId: string,
  q?: string,
): Promise<Family[]> {
  const rows = await db
    .select({ id: families.id })
    .from(families)
    .where(
      and(
        eq(families.organizationId, organizationId),
        q ? ilike(families.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : sql`true`,
      ),
    )
    .orderBy(asc(families.name))
    .limit(100);
  return loadFamilies(
    db,
    organizationId,
    rows.map((row) => row.id),
  );
}

/** Creates a family and moves the given students into it. */
export async function createFamily(
  ctx: AppContext,
  organizationId: string,
  input: CreateFamilyRequest,
): Promise<Family> {
  return ctx.db.transaction(async (tx) => {
    const studentIds = input.studentIds ?? [];
    if (!(await allStudentsExist(tx, organizationId, studentIds))) {
      throw new AppError('reference_invalid');
    }
    const [family] = await tx
      .insert(families)
      .values({ organizationId, name: input.name.trim() })
      .returning({ id: families.id });
    if (!family) throw new Error('insert returned no row');
    if (studentIds.length > 0) {
      await tx
        .update(students)
        .set({ familyId: family.id, updatedAt: new Date() })
        .where(and(eq(students.organizationId, organizationId), inArray(students.id, studentIds)));
    }
    return getFamily(tx, organizationId, family.id);
  });
}

/** Renames a family. */
export async function renameFamily(
  ctx: AppContext,
  organizationId: string,
  id: string,
  name: string,
): Promise<Family> {
  const [row] = await ctx.db
    .update(families)
    .set({ name: name.trim() })
    .where(and(eq(families.organizationId, organizationId), eq(families.id, id)))
    .returning({ id: families.id });
  if (!row) throw new AppError('not_found');
  return getFamily(ctx.db, organizationId, id);
}

/** Puts a student into the family (leaving any other family). */
export async function addFamilyMember(
  ctx: AppContext,
  organizationId: string,
  familyId: string,
  studentId: string,
): Promise<Family> {
  return ctx.db.transaction(async (tx) => {
    await getFamily(tx, organizationId, familyId);
    if (!(await findStudentRow(tx, organizationId, studentId))) throw new AppError('not_found');
    await tx
      .update(students)
      .set({ familyId, updatedAt: new Date() })
      .where(and(eq(students.organizationId, organizationId), eq(students.id, studentId)));
    return getFamily(tx, organizationId, familyId);
  });
}

/** Takes a student out of the family; the family stays, even empty. */
export async function removeFamilyMember(
  ctx: AppContext,
  organizationId: string,
  familyId: string,
  studentId: string,
): Promise<Family> {
  return ctx.db.transaction(async (tx) => {
    const removed = await tx
      .update(students)
      .set({ familyId: null, updatedAt: new Date() })
      .where(
        and(
          eq(students.organizationId, organizationId),
          eq(students.id, studentId),
          eq(students.familyId, familyId),
        ),
      )
      .returning({ id: students.id });
    if (removed.length === 0) throw new AppError('not_found');
    return getFamily(tx, organizationId, familyId);
  });
}

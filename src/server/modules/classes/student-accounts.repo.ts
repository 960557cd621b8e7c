import { and, asc, eq } from 'drizzle-orm';
import type { StudentAccount, StudentAccountRelation } from '../../../shared/contracts/classes.js';
import type { DbOrTx } from '../../infra/db.js';
import { studentAccounts, users } from '../../schema.js';

/** The accounts that see a student, oldest link first. */
export async function listStudentAccounts(
  db: DbOrTx,
  organizationId: string,
  studentId: string,
): Promise<StudentAccount[]> {
  const rows = await db
    .select({ link: studentAccounts, user: users })
    .from(studentAccounts)
    .innerJoin(users, eq(users.id, studentAccounts.userId))
    .where(
      and(
        eq(studentAccounts.organizationId, organizationId),
        eq(studentAccounts.studentId, studentId),
      ),
    )
    .orderBy(asc(studentAccounts.createdAt), asc(users.displayName));
  return rows.map(({ link, user }) => ({
    userId: user.id,
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    relation: link.relation,
    activated: user.passwordHash !== null,
    linkedAt: link.createdAt.toISOString(),
  }));
}

/** Links an account to a student; linking again only updates the relation. */
export async function upsertStudentAccount(
  db: DbOrTx,
  organizationId: string,
  studentId: string,
  userId: string,
  relation: StudentAccountRelation,
): Promise<void> {
  await db
    .insert(studentAccounts)
    .values({ organizationId, studentId, userId, relation })
    .onConflictDoUpdate({
      target: [studentAccounts.studentId, studentAccounts.userId],
      set: { relation },
    });
}

import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { users } from './access.schema.js';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

export async function findUserByEmail(db: DbOrTx, organizationId: string, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.email, email)))
    .limit(1);
  return row ?? null;
}

/** Inserts a user; returns null when the email is already taken in this organization. */
export async function insertUser(db: DbOrTx, values: NewUserRow) {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Whether the organization already has an owner. */
export async function organizationHasOwner(db: DbOrTx, organizationId: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.staffRole, 'owner')))
    .limit(1);
  return Boolean(row);
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

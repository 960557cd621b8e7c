import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { organizations } from './orgs.schema.js';

export type Organization = typeof organizations.$inferSelect;

/** Every organization, for the in-memory host directory (a few hundred rows at most). */
export async function listOrganizations(db: DbOrTx) {
  return db.select().from(organizations);
}

export async function findDefaultOrganization(db: DbOrTx) {
  const [row] = await db
    .select()
    .from(organizations)
    .where(eq(organizations.isDefault, true))
    .limit(1);
  return row ?? null;
}

export async function findOrganizationById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id)).limit(1);
  return row ?? null;
}

/** Inserts the default organization unless one exists; safe when instances race. */
export async function insertDefaultOrganization(db: DbOrTx, name: string) {
  await db
    .insert(organizations)
    .values({ slug: 'default', name, isDefault: true })
    .onConflictDoNothing();
  return findDefaultOrganization(db);
}

export async function insertOrganization(
  db: DbOrTx,
  values: { slug: string; name: string; hostnames?: string[] },
) {
  const [row] = await db.insert(organizations).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

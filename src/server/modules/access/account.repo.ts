import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { signInEvents, users } from './access.schema.js';

/** Sets `access_opened_at` unless staff already opened access (the first date stays). */
export async function markAccessOpened(db: DbOrTx, userId: string, now: Date) {
  await db
    .update(users)
    .set({
      accessOpenedAt: sql`coalesce(${users.accessOpenedAt}, ${now.toISOString()}::timestamptz)`,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
}

/** Whether another account of the organization already uses this contact. */
export async function contactTaken(
  db: DbOrTx,
  organizationId: string,
  contact: { email: string } | { phone: string },
  exceptUserId: string,
) {
  const column = 'email' in contact ? users.email : users.phone;
  const value = 'email' in contact ? contact.email : contact.phone;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.organizationId, organizationId), eq(column, value), ne(users.id, exceptUserId)),
    )
    .limit(1);
  return Boolean(row);
}

/** Changes the account's own settings; the account keeps its id and everything tied to it. */
export async function updateOwnAccount(
  db: DbOrTx,
  userId: string,
  change: { email?: string; phone?: string; locale?: 'ru' | 'en' },
) {
  await db
    .update(users)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** The account's sign-in history, newest first. */
export async function listSignInEvents(db: DbOrTx, userId: string, limit: number) {
  return db
    .select()
    .from(signInEvents)
    .where(eq(signInEvents.userId, userId))
    .orderBy(desc(signInEvents.createdAt))
    .limit(limit);
}

import { and, eq } from 'drizzle-orm';
import type { NormalizedLogin } from '../../../shared/login.js';
import type { DbOrTx } from '../../infra/db.js';
import { users } from './access.schema.js';

const COLUMN = {
  email: users.email,
  phone: users.phone,
  personal_code: users.personalCode,
} as const;

/** The account a normalized login names in this organization, or null. */
export async function findAccountByLogin(
  db: DbOrTx,
  organizationId: string,
  login: NormalizedLogin,
) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(COLUMN[login.kind], login.value)))
    .limit(1);
  return row ?? null;
}

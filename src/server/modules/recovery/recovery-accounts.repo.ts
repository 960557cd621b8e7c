import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { NormalizedLogin } from '../../../shared/login.js';
import type { DbOrTx } from '../../infra/db.js';
import { oneTimeTokens, smsCodes, users } from '../../schema.js';

// The accounts side of a recovery: finding the account, moving the contact, the reset link.

const LOGIN_COLUMN = {
  email: users.email,
  phone: users.phone,
  personal_code: users.personalCode,
} as const;

/** The account an old login names in the organization (a hint for staff), or null. */
export async function findAccountByLogin(
  db: DbOrTx,
  organizationId: string,
  login: NormalizedLogin,
) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(LOGIN_COLUMN[login.kind], login.value)))
    .limit(1);
  return row ?? null;
}

export async function findAccount(db: DbOrTx, organizationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId)));
  return row ?? null;
}

/** How many other accounts of the organization use this email or phone. */
export async function countContactOwners(
  db: DbOrTx,
  organizationId: string,
  exceptUserId: string,
  contact: { email: string } | { phone: string },
) {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        ne(users.id, exceptUserId),
        'email' in contact ? eq(users.email, contact.email) : eq(users.phone, contact.phone),
      ),
    );
  return row?.n ?? 0;
}

export async function updateAccountContacts(
  tx: DbOrTx,
  userId: string,
  contacts: { email?: string; phone?: string },
  now: Date,
) {
  await tx
    .update(users)
    .set({ ...contacts, updatedAt: now })
    .where(eq(users.id, userId));
}

/** A password-reset link of the account (the access module's `password_reset` purpose). */
export async function insertPasswordResetToken(
  tx: DbOrTx,
  values: { organizationId: string; userId: string; tokenHash: string; expiresAt: Date },
) {
  await tx.insert(oneTimeTokens).values({ ...values, purpose: 'password_reset', data: null });
}

/**
 * Spends the account's unused password-reset links and SMS codes: they went to the contacts the
 * person lost, which may now be in someone else's hands (a phone number gets reassigned).
 */
export async function spendAccountResetCredentials(tx: DbOrTx, userId: string, now: Date) {
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.purpose, 'password_reset'),
        isNull(oneTimeTokens.usedAt),
      ),
    );
  await tx
    .update(smsCodes)
    .set({ usedAt: now })
    .where(and(eq(smsCodes.userId, userId), isNull(smsCodes.usedAt)));
}

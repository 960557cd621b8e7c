import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { oneTimeTokens, smsCodes, users } from './access.schema.js';

// Moving an account's contacts to new ones (account-recovery approval) and spending what was
// sent to the old ones. Lives here because these are the access module's tables.

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

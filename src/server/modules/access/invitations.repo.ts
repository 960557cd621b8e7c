import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { oneTimeTokens } from './access.schema.js';

/** Purpose of invitation links and access-sheet codes; `/api/auth/activate` claims both. */
export const ACTIVATION_PURPOSE = 'activation';

/** A link (emailed or copied) or a code (printed on an access sheet). */
export type ActivationKind = 'link' | 'code';

/**
 * Stores an activation token's hash; false when the hash exists already (a code collision, so
 * the caller draws another). DO NOTHING keeps the surrounding transaction usable.
 */
export async function insertActivationToken(
  db: DbOrTx,
  values: {
    organizationId: string;
    userId: string;
    tokenHash: string;
    kind: ActivationKind;
    expiresAt: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insert(oneTimeTokens)
    .values({
      organizationId: values.organizationId,
      userId: values.userId,
      purpose: ACTIVATION_PURPOSE,
      tokenHash: values.tokenHash,
      data: { kind: values.kind },
      expiresAt: values.expiresAt,
    })
    .onConflictDoNothing()
    .returning({ id: oneTimeTokens.id });
  return inserted.length > 0;
}

/** Deletes the account's unused activation tokens of one kind, so only the newest works. */
export async function deleteUnusedActivationTokens(
  db: DbOrTx,
  userId: string,
  kind: ActivationKind,
) {
  await db
    .delete(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.purpose, ACTIVATION_PURPOSE),
        isNull(oneTimeTokens.usedAt),
        sql`${oneTimeTokens.data} ->> 'kind' = ${kind}`,
      ),
    );
}

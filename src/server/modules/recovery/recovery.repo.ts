import { and, desc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { recoveryCounters, recoveryDocuments, recoveryRequests, users } from '../../schema.js';

export type RecoveryRequestRow = typeof recoveryRequests.$inferSelect;
export type RecoveryDocumentRow = typeof recoveryDocuments.$inferSelect;

/**
 * The organization's next request number. One upsert takes a row lock on the counter, so
 * concurrent submissions get distinct numbers (the loser waits for the winner's transaction).
 */
export async function nextRecoveryNumber(tx: DbOrTx, organizationId: string): Promise<number> {
  const [row] = await tx
    .insert(recoveryCounters)
    .values({ organizationId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: recoveryCounters.organizationId,
      set: { lastNumber: sql`${recoveryCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: recoveryCounters.lastNumber });
  if (!row) throw new Error('no recovery number allocated');
  return row.lastNumber;
}

export async function insertRecoveryRequest(
  tx: DbOrTx,
  values: typeof recoveryRequests.$inferInsert,
): Promise<RecoveryRequestRow> {
  const [row] = await tx.insert(recoveryRequests).values(values).returning();
  if (!row) throw new Error('recovery request not stored');
  return row;
}

export async function insertRecoveryDocuments(
  tx: DbOrTx,
  rows: (typeof recoveryDocuments.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await tx.insert(recoveryDocuments).values(rows);
}

export async function findRecoveryByNumber(db: DbOrTx, organizationId: string, number: number) {
  const [row] = await db
    .select()
    .from(recoveryRequests)
    .where(
      and(eq(recoveryRequests.organizationId, organizationId), eq(recoveryRequests.number, number)),
    );
  return row ?? null;
}

export async function findRecoveryByConfirmToken(
  db: DbOrTx,
  organizationId: string,
  tokenHash: string,
) {
  const [row] = await db
    .select()
    .from(recoveryRequests)
    .where(
      and(
        eq(recoveryRequests.organizationId, organizationId),
        eq(recoveryRequests.confirmTokenHash, tokenHash),
      ),
    );
  return row ?? null;
}

/**
 * Confirms the request whose unexpired link this is, spending the link, in one conditional
 * UPDATE: of two uses of one link exactly one gets the row back.
 */
export async function claimRecoveryConfirmation(
  tx: DbOrTx,
  organizationId: string,
  tokenHash: string,
  now: Date,
) {
  const [row] = await tx
    .update(recoveryRequests)
    .set({ status: 'pending', confirmedAt: now, confirmTokenHash: null })
    .where(
      and(
        eq(recoveryRequests.organizationId, organizationId),
        eq(recoveryRequests.confirmTokenHash, tokenHash),
        eq(recoveryRequests.status, 'unconfirmed'),
        gt(recoveryRequests.confirmExpiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Confirms a phone-only request once its SMS code matched, in one conditional UPDATE: null when
 * it is no longer unconfirmed or its confirmation window closed.
 */
export async function claimRecoveryPhoneConfirmation(
  tx: DbOrTx,
  organizationId: string,
  id: string,
  now: Date,
) {
  const [row] = await tx
    .update(recoveryRequests)
    .set({ status: 'pending', confirmedAt: now, confirmTokenHash: null })
    .where(
      and(
        eq(recoveryRequests.organizationId, organizationId),
        eq(recoveryRequests.id, id),
        isNull(recoveryRequests.newEmail),
        eq(recoveryRequests.status, 'unconfirmed'),
        gt(recoveryRequests.confirmExpiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * A new confirmation window for a still unconfirmed request: with a new link's hash (the old
 * link stops working), or null for a request confirmed by SMS code.
 */
export async function replaceRecoveryConfirmToken(
  tx: DbOrTx,
  id: string,
  tokenHash: string | null,
  expiresAt: Date,
) {
  const [row] = await tx
    .update(recoveryRequests)
    .set({ confirmTokenHash: tokenHash, confirmExpiresAt: expiresAt })
    .where(and(eq(recoveryRequests.id, id), eq(recoveryRequests.status, 'unconfirmed')))
    .returning({ id: recoveryRequests.id });
  return row ?? null;
}

const documentCount = sql<number>`(select count(*)::int from ${recoveryDocuments} where ${recoveryDocuments.requestId} = ${recoveryRequests.id})`;

/** Confirmed requests of the organization, newest first (unconfirmed ones never reach staff). */
export async function listRecoveryRequests(
  db: DbOrTx,
  organizationId: string,
  options: { status?: 'pending' | 'approved' | 'rejected' | undefined; limit: number },
) {
  return db
    .select({ request: recoveryRequests, documentCount })
    .from(recoveryRequests)
    .where(
      and(
        eq(recoveryRequests.organizationId, organizationId),
        options.status
          ? eq(recoveryRequests.status, options.status)
          : ne(recoveryRequests.status, 'unconfirmed'),
      ),
    )
    .orderBy(desc(recoveryRequests.createdAt), desc(recoveryRequests.id))
    .limit(options.limit);
}

/** A confirmed request of the organization, with who decided it. */
export async function findStaffRecoveryRequest(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select({
      request: recoveryRequests,
      decidedByName: users.displayName,
    })
    .from(recoveryRequests)
    .leftJoin(users, eq(users.id, recoveryRequests.decidedBy))
    .where(
      and(
        eq(recoveryRequests.organizationId, organizationId),
        eq(recoveryRequests.id, id),
        ne(recoveryRequests.status, 'unconfirmed'),
      ),
    );
  return row ?? null;
}

export async function listRecoveryDocuments(db: DbOrTx, requestId: string) {
  return db
    .select()
    .from(recoveryDocuments)
    .where(eq(recoveryDocuments.requestId, requestId))
    .orderBy(recoveryDocuments.createdAt, recoveryDocuments.id);
}

export async function findRecoveryDocument(
  db: DbOrTx,
  organizationId: string,
  requestId: string,
  documentId: string,
) {
  const [row] = await db
    .select()
    .from(recoveryDocuments)
    .where(
      and(
        eq(recoveryDocuments.organizationId, organizationId),
        eq(recoveryDocuments.requestId, requestId),
        eq(recoveryDocuments.id, documentId),
      ),
    );
  return row ?? null;
}

/** Records a decision on a pending request; null when it is not pending (decided already). */
export async function decideRecoveryRequest(
  tx: DbOrTx,
  organizationId: string,
  id: string,
  decision: {
    status: 'approved' | 'rejected';
    decidedBy: string;
    decidedAt: Date;
    approvedUserId?: string;
    rejectReason?: string;
  },
) {
  const [row] = await tx
    .update(recoveryRequests)
    .set(decision)
    .where(
      and(
        eq(recoveryRequests.organizationId, organizationId),
        eq(recoveryRequests.id, id),
        eq(recoveryRequests.status, 'pending'),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Documents due for deletion: of requests decided before `decidedBefore`, or never confirmed
 * and abandoned (link expired) before it.
 */
export async function findDocumentsToPurge(db: DbOrTx, decidedBefore: Date, limit: number) {
  return db
    .select({ id: recoveryDocuments.id, storageKey: recoveryDocuments.storageKey })
    .from(recoveryDocuments)
    .innerJoin(recoveryRequests, eq(recoveryRequests.id, recoveryDocuments.requestId))
    .where(
      and(
        isNull(recoveryDocuments.deletedAt),
        or(
          lt(recoveryRequests.decidedAt, decidedBefore),
          and(
            eq(recoveryRequests.status, 'unconfirmed'),
            lt(recoveryRequests.confirmExpiresAt, decidedBefore),
          ),
        ),
      ),
    )
    .limit(limit);
}

export async function markDocumentsDeleted(db: DbOrTx, ids: string[], now: Date) {
  if (ids.length > 0)
    await db
      .update(recoveryDocuments)
      .set({ deletedAt: now })
      .where(inArray(recoveryDocuments.id, ids));
}

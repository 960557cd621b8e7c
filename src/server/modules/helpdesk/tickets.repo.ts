import { and, count, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import {
  departments,
  ticketAttachments,
  ticketCounters,
  ticketEvents,
  ticketMessages,
  tickets,
  users,
} from '../../schema.js';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;

/**
 * The organization's next ticket number. One upsert takes a row lock on the counter, so
 * concurrent submissions get distinct, gap-free numbers (the loser waits for the winner).
 */
export async function nextTicketNumber(tx: DbOrTx, organizationId: string): Promise<number> {
  const [row] = await tx
    .insert(ticketCounters)
    .values({ organizationId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: ticketCounters.organizationId,
      set: { lastNumber: sql`${ticketCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: ticketCounters.lastNumber });
  if (!row) throw new Error('no ticket number allocated');
  return row.lastNumber;
}

export async function insertTicket(tx: DbOrTx, values: typeof tickets.$inferInsert) {
  const [row] = await tx.insert(tickets).values(values).returning();
  if (!row) throw new Error('ticket not stored');
  return row;
}

/** A ticket by number in the organization, optionally only the customer's own; locked in `tx`. */
export async function findTicketByNumber(
  db: DbOrTx,
  organizationId: string,
  number: number,
  options: { customerId?: string; forUpdate?: boolean } = {},
): Promise<TicketRow | null> {
  const query = db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.organizationId, organizationId),
        eq(tickets.number, number),
        options.customerId ? eq(tickets.customerId, options.customerId) : undefined,
      ),
    )
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findTicketByIdempotencyKey(
  db: DbOrTx,
  organizationId: string,
  customerId: string,
  key: string,
) {
  const [row] = await db
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.organizationId, organizationId),
        eq(tickets.customerId, customerId),
        eq(tickets.idempotencyKey, key),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function updateTicket(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof tickets.$inferInsert>,
): Promise<TicketRow> {
  const [row] = await tx.update(tickets).set(patch).where(eq(tickets.id, id)).returning();
  if (!row) throw new Error('ticket vanished');
  return row;
}

/**
 * Adds a customer's text to the ticket's search vector (`russian`), so staff search finds words
 * from the whole conversation, not only the subject.
 */
export async function appendSearchText(tx: DbOrTx, ticketId: string, text: string) {
  await tx
    .update(tickets)
    .set({
      searchVector: sql`coalesce(${tickets.searchVector}, ''::tsvector) || to_tsvector('russian', ${text})`,
    })
    .where(eq(tickets.id, ticketId));
}

/** The subject (weighted above the body) and the first message, at creation. */
export async function setInitialSearchText(
  tx: DbOrTx,
  ticketId: string,
  subject: string,
  body: string,
) {
  await tx
    .update(tickets)
    .set({
      searchVector: sql`setweight(to_tsvector('russian', ${subject}), 'A') || to_tsvector('russian', ${body})`,
    })
    .where(eq(tickets.id, ticketId));
}

export async function insertMessage(tx: DbOrTx, values: typeof ticketMessages.$inferInsert) {
  const [row] = await tx.insert(ticketMessages).values(values).returning();
  if (!row) throw new Error('message not stored');
  return row;
}

export async function insertTicketEvent(tx: DbOrTx, values: typeof ticketEvents.$inferInsert) {
  await tx.insert(ticketEvents).values(values);
}

/**
 * Links uploads to a message. Only the uploader's own, unsent files of this organization are
 * taken; returns how many were linked (fewer than asked means a bad id).
 */
export async function linkAttachments(
  tx: DbOrTx,
  options: {
    organizationId: string;
    uploaderId: string;
    ids: string[];
    ticketId: string;
    messageId: string;
  },
): Promise<number> {
  if (options.ids.length === 0) return 0;
  const linked = await tx
    .update(ticketAttachments)
    .set({ ticketId: options.ticketId, messageId: options.messageId })
    .where(
      and(
        eq(ticketAttachments.organizationId, options.organizationId),
        eq(ticketAttachments.uploaderId, options.uploaderId),
        inArray(ticketAttachments.id, options.ids),
        isNull(ticketAttachments.messageId),
      ),
    )
    .returning({ id: ticketAttachments.id });
  return linked.length;
}

/** The customer of a ticket, as an email recipient. */
export async function findRecipient(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function findDepartment(db: DbOrTx, organizationId: string, id: string) {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, id)))
    .limit(1);
  return row ?? null;
}

/** Tickets the organization received since `since` (the knowledge base's deflection rate). */
export async function countTicketsCreatedSince(db: DbOrTx, organizationId: string, since: Date) {
  const [row] = await db
    .select({ count: count() })
    .from(tickets)
    .where(and(eq(tickets.organizationId, organizationId), gte(tickets.createdAt, since)));
  return row?.count ?? 0;
}

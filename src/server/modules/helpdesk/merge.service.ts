import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Organization } from '../orgs/index.js';
import { lockTicketByNumber, type DeskActor } from './desk-actions.service.js';
import { ticketAttachments, ticketEvents, ticketMessages, tickets } from './helpdesk.schema.js';
import { applyTransition } from './ticket-transition.js';

/** Options of `mergeTickets`. */
export interface MergeOptions {
  /** The duplicate: closed with `closed_by = merge`. */
  number: number;
  /** The ticket that continues: gets the messages and attachments. */
  into: number;
  /** Tickets of different customers merge only when staff confirm it. */
  confirmDifferentCustomers: boolean;
}

/**
 * Merges a duplicate into another ticket in one transaction: the duplicate's messages and
 * attachments move to the target (the search text too), the duplicate is closed with
 * `closed_by = merge` and `merged_into_id`, both get a history event, and both conversations
 * get a system message the customer sees. An already closed duplicate stays closed.
 */
export async function mergeTickets(
  ctx: AppContext,
  organization: Organization,
  actor: DeskActor,
  options: MergeOptions,
  now = new Date(),
) {
  if (options.number === options.into) throw new AppError('ticket_merge_invalid');
  await ctx.db.transaction(async (tx) => {
    // Lock in number order so two opposite merges cannot deadlock.
    const [low, high] = [options.number, options.into].sort((a, b) => a - b) as [number, number];
    const first = await lockTicketByNumber(tx, organization.id, low);
    const second = await lockTicketByNumber(tx, organization.id, high);
    const source = first.number === options.number ? first : second;
    const target = source === first ? second : first;
    if (source.mergedIntoId || target.mergedIntoId || target.status === 'closed')
      throw new AppError('ticket_merge_invalid');
    if (source.customerId !== target.customerId && !options.confirmDifferentCustomers)
      throw new AppError('ticket_merge_needs_confirmation', {
        number: source.number,
        into: target.number,
      });

    await tx
      .update(ticketMessages)
      .set({ ticketId: target.id })
      .where(eq(ticketMessages.ticketId, source.id));
    await tx
      .update(ticketAttachments)
      .set({ ticketId: target.id })
      .where(eq(ticketAttachments.ticketId, source.id));
    await tx
      .update(tickets)
      .set({
        searchVector: sql`coalesce(${tickets.searchVector}, ''::tsvector) || coalesce((select s.search_vector from helpdesk_tickets s where s.id = ${source.id}), ''::tsvector)`,
        lastMessageAt: now,
        lastReplierRole: 'system',
        lastReplierId: null,
        updatedAt: now,
      })
      .where(eq(tickets.id, target.id));
    await tx.update(tickets).set({ mergedIntoId: target.id }).where(eq(tickets.id, source.id));
    // Closing goes through the state machine (history event and the customer's email).
    if (source.status !== 'closed')
      await applyTransition(ctx, tx, organization, {
        ticket: { ...source, mergedIntoId: target.id },
        event: { kind: 'set_status', to: 'closed' },
        actorId: actor.id,
        now,
        closedBy: 'merge',
      });
    await tx.insert(ticketMessages).values([
      {
        organizationId: organization.id,
        ticketId: target.id,
        authorRole: 'system',
        body: `Обращение №${source.number} «${source.subject}» объединено с этим; его переписка перенесена сюда.\nTicket #${source.number} was merged into this one; its conversation is now here.`,
        createdAt: now,
      },
      {
        organizationId: organization.id,
        ticketId: source.id,
        authorRole: 'system',
        body: `Это обращение объединено с обращением №${target.number}: ответим там.\nThis ticket was merged into ticket #${target.number}; we will reply there.`,
        createdAt: now,
      },
    ]);
    await tx.insert(ticketEvents).values([
      {
        organizationId: organization.id,
        ticketId: source.id,
        actorId: actor.id,
        kind: 'merged_into',
        details: { number: target.number, fromStatus: source.status },
        createdAt: now,
      },
      {
        organizationId: organization.id,
        ticketId: target.id,
        actorId: actor.id,
        kind: 'merged_from',
        details: { number: source.number },
        createdAt: now,
      },
    ]);
  });
}

import { z } from 'zod';
import { defineAppJob } from '../../infra/context.js';
import type { AppContext } from '../../infra/context.js';
import { enqueueEmails } from '../notify/index.js';
import { closeDueTickets, remindDueTickets, type SweptTicket } from './auto-close.repo.js';
import { formatTicketTime, localeOfUser, ticketUrl } from './helpdesk-mails.js';
import { reopenDeadline } from './ticket-status.js';

/** Tickets per transaction: big enough for throughput, small enough to keep locks short. */
export const AUTO_CLOSE_BATCH = 500;

const baseData = (ctx: AppContext, ticket: SweptTicket) => ({
  displayName: ticket.displayName,
  organizationName: ticket.organizationName,
  number: ticket.number,
  subject: ticket.subject,
  ticketUrl: ticketUrl(ctx, ticket.number),
});

/**
 * Closes every ticket that waited for the customer until its `auto_close_at` (3 working days
 * after the staff message, computed when the wait began), then sends the one-working-day
 * reminders. Each batch is one transaction: a set-based update with `for update skip locked`,
 * its events and its emails (one outbox insert, one job insert). Idempotent: a closed or
 * reminded ticket no longer matches. Safe with several instances. Stops between batches when
 * the process shuts down; the next run (or another instance) takes the rest.
 */
export async function sweepWaitingTickets(
  ctx: AppContext,
  now: Date,
  stopping: () => boolean = () => false,
) {
  let closed = 0;
  let reminded = 0;
  while (!stopping()) {
    const count = await ctx.db.transaction(async (tx) => {
      const rows = await closeDueTickets(tx, now, AUTO_CLOSE_BATCH);
      await enqueueEmails(
        ctx,
        tx,
        rows.flatMap((ticket) => {
          if (!ticket.email) return [];
          const locale = localeOfUser(ticket);
          const until = reopenDeadline(new Date(ticket.atMs), ticket.reopenWindowDays);
          return [
            {
              organizationId: ticket.organizationId,
              to: { address: ticket.email, name: ticket.displayName },
              locale,
              template: 'helpdesk_ticket_closed' as const,
              data: {
                ...baseData(ctx, ticket),
                closedBy: 'auto' as const,
                reopenUntil: until ? formatTicketTime(until, locale, ticket.timeZone) : '',
              },
            },
          ];
        }),
      );
      return rows.length;
    });
    closed += count;
    if (count < AUTO_CLOSE_BATCH) break;
  }
  while (!stopping()) {
    const count = await ctx.db.transaction(async (tx) => {
      const rows = await remindDueTickets(tx, now, AUTO_CLOSE_BATCH);
      await enqueueEmails(
        ctx,
        tx,
        rows.flatMap((ticket) => {
          if (!ticket.email) return [];
          const locale = localeOfUser(ticket);
          return [
            {
              organizationId: ticket.organizationId,
              to: { address: ticket.email, name: ticket.displayName },
              locale,
              template: 'helpdesk_ticket_reminder' as const,
              data: {
                ...baseData(ctx, ticket),
                autoCloseOn: formatTicketTime(new Date(ticket.atMs), locale, ticket.timeZone),
              },
            },
          ];
        }),
      );
      return rows.length;
    });
    reminded += count;
    if (count < AUTO_CLOSE_BATCH) break;
  }
  return { closed, reminded };
}

/** Every 15 minutes; `kabinet jobs run helpdesk.auto-close --now <ISO>` runs it "at" that time. */
export const autoCloseJob = defineAppJob({
  name: 'helpdesk.auto-close',
  payload: z.object({}),
  schedule: { cron: '*/15 * * * *', payload: {} },
  async handler(_payload, run) {
    const result = await sweepWaitingTickets(run.app, run.now, run.stopping);
    if (result.closed || result.reminded) run.log.info(result, 'help-desk sweep');
  },
});

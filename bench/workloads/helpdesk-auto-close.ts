import type { Workload } from '../lib/workload.js';
import { startHelpdeskKabinet } from './helpdesk-shared.js';

/** Tickets due at the sweep (`BENCH_HELPDESK_DUE`, default 100,000). */
function dueCount(): number {
  const raw = Number(process.env.BENCH_HELPDESK_DUE);
  return Number.isFinite(raw) && raw >= 1 ? Math.floor(raw) : 100_000;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * The auto-close sweep, called directly (the job handler's body, `sweepWaitingTickets`).
 *
 * `start` makes exactly `dueCount()` tickets due: the generated waiting tickets that are due
 * at the sweep's `now` count, and closed ones are put back into «awaiting the customer» (as a
 * staff message would) for the rest. Their `auto_close_at` is an hour or two ahead of the real
 * clock, so the scheduled job of this very server cannot take them first; the sweep runs "at"
 * three hours ahead, like `kabinet jobs run helpdesk.auto-close --now`. Two sweeps run at once
 * (two instances) and are timed end to end; then every due ticket must be closed by `auto`
 * exactly once (one event each) with one closing email each, or the workload fails.
 *
 * The measured operation afterwards is the steady state: the sweep with nothing due.
 */
export const helpdeskAutoClose: Workload = {
  name: 'helpdesk-auto-close',
  title: 'Kabinet helpdesk.auto-close sweep with nothing due (after the 100k sweep), PostgreSQL',
  notes:
    'Before the measurement, two concurrent sweeps close 100k due tickets (BENCH_HELPDESK_DUE) on ' +
    'the generated help desk, in batches of 500, and the workload checks each was closed once ' +
    '(one event, one email); that time is printed as "helpdesk auto-close: …" (target < 60 s). ' +
    'The row itself measures the sweep when nothing is due (what the 15-minute schedule costs).',
  kind: 'direct',
  concurrency: 1,
  needs: ['postgres'],
  async start(resources) {
    const { server, dataset } = await startHelpdeskKabinet(resources);
    const { sweepWaitingTickets } =
      await import('../../src/server/modules/helpdesk/auto-close.jobs.js');
    const { sql } = await import('drizzle-orm');
    const { ctx } = server.runtime;
    const db = ctx.db;
    const org = dataset.organizationId;
    const wanted = dueCount();
    const realNow = Date.now();
    const sweepNow = new Date(realNow + 3 * 3600_000);
    const at = sweepNow.toISOString();
    const count = async (query: ReturnType<typeof sql>) => {
      const result: unknown = await db.execute(query);
      return Number((result as { rows: { n: string | number }[] }).rows[0]?.n ?? 0);
    };
    // When this run's closing emails started (their deliveries are dropped on stop).
    let emailsFrom = new Date();
    try {
      const prepareStart = performance.now();
      const alreadyDue = await count(sql`
        select count(*) as n from helpdesk_tickets
        where status = 'awaiting_customer' and auto_close_at <= ${at}::timestamptz`);
      const toArm = Math.max(wanted - alreadyDue, 0);
      await db.execute(sql`
        update helpdesk_tickets t
        set status = 'awaiting_customer', awaiting_reason = 'solution_proposed',
          awaiting_since = now() - interval '3 days',
          awaiting_reminder_at = now() - interval '2 days',
          awaiting_reminder_sent_at = now() - interval '2 days',
          auto_close_at = now() + interval '1 hour' + random() * interval '1 hour',
          resolved_at = null, closed_at = null, closed_by = null,
          last_replier_role = 'staff', updated_at = now()
        from (select id from helpdesk_tickets
              where organization_id = ${org} and status = 'closed'
              order by number desc limit ${toArm}) armed
        where t.id = armed.id`);
      await db.execute(sql`drop table if exists bench_auto_close_due`);
      await db.execute(sql`
        create table bench_auto_close_due as
        select id from helpdesk_tickets
        where status = 'awaiting_customer' and auto_close_at <= ${at}::timestamptz`);
      await db.execute(sql`alter table bench_auto_close_due add primary key (id)`);
      await db.execute(sql`analyze bench_auto_close_due`);
      await db.execute(sql`analyze helpdesk_tickets`);
      const due = await count(sql`select count(*) as n from bench_auto_close_due`);
      const prepared = seconds(prepareStart);

      const sweepStart = performance.now();
      emailsFrom = new Date();
      const runs = await Promise.all([
        sweepWaitingTickets(ctx, sweepNow),
        sweepWaitingTickets(ctx, sweepNow),
      ]);
      const swept = seconds(sweepStart);

      console.log(
        `helpdesk auto-close: prepared ${due.toLocaleString('en-US')} due tickets in ${prepared.toFixed(1)} s; ` +
          `two concurrent sweeps took ${swept.toFixed(1)} s`,
      );
      // Fresh statistics first: the planner must know these rows exist now.
      await db.execute(sql`analyze helpdesk_tickets`);
      await db.execute(sql`analyze helpdesk_ticket_events`);
      const closed = await count(sql`
        select count(*) filter (where t.status = 'closed' and t.closed_by = 'auto'
          and t.closed_at = ${at}::timestamptz) as n
        from bench_auto_close_due d join helpdesk_tickets t on t.id = d.id`);
      const events = await count(sql`
        select count(*) as n from bench_auto_close_due d
        join helpdesk_ticket_events e on e.ticket_id = d.id
        where e.kind = 'status_changed' and e.created_at = ${at}::timestamptz
          and e.details ->> 'cause' = 'auto_close'`);
      const emails = await count(sql`
        select count(*) as n from mail_outbox
        where template = 'helpdesk_ticket_closed' and created_at >= ${emailsFrom.toISOString()}::timestamptz`);
      const byRun = runs.map((run) => run.closed);
      console.log(
        `helpdesk auto-close: ${due.toLocaleString('en-US')} due of ${dataset.tickets.toLocaleString('en-US')} ` +
          `tickets closed in ${swept.toFixed(1)} s by two concurrent sweeps ` +
          `(${byRun.join(' + ')}; reminders ${runs.map((run) => run.reminded).join(' + ')}), ` +
          `${closed} closed, ${events} events, ${emails} emails; preparation ${prepared.toFixed(1)} s`,
      );
      const problems = [
        due !== wanted && `${due} due instead of ${wanted}`,
        closed !== due && `${closed} of ${due} closed`,
        byRun.reduce((sum, n) => sum + n, 0) !== due &&
          `the sweeps report ${byRun.join(' + ')} closed`,
        events !== due && `${events} close events for ${due} tickets`,
        emails !== due && `${emails} closing emails for ${due} tickets`,
      ].filter(Boolean);
      if (problems.length > 0) throw new Error(`auto-close check failed: ${problems.join('; ')}`);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return {
      operation: async () => {
        const result = await sweepWaitingTickets(ctx, sweepNow);
        if (result.closed > 0) throw new Error(`${result.closed} tickets closed twice`);
      },
      async stop() {
        // The 100k closing emails wait in the queue; on a prepared database every later bench
        // server would spend its CPU delivering them to the outbox while being measured.
        await db.execute(sql`
          delete from pgboss.job where name = 'mail.deliver' and state in ('created', 'retry')
            and created_on >= ${emailsFrom.toISOString()}::timestamptz`);
        await server.stop();
      },
    };
  },
};

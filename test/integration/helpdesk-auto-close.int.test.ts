import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/cli/commands.js';
import { loadWorkCalendar } from '../../src/server/modules/calendar/index.js';
import { ensureHelpdeskDefaults } from '../../src/server/modules/helpdesk/helpdesk-defaults.js';
import { createTicket } from '../../src/server/modules/helpdesk/ticket-create.js';
import { addStaffMessage } from '../../src/server/modules/helpdesk/tickets.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { mailOutbox, tickets } from '../../src/server/schema.js';
import {
  AUTO_CLOSE_BATCH,
  sweepWaitingTickets,
} from '../../src/server/modules/helpdesk/auto-close.jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser } from '../helpers/factories.js';

const msk = (local: string) => new Date(`${local}+03:00`);

describe('help-desk auto-close and reminders (working days)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const runJob = (organization: Organization, now: Date) =>
    runCommand({ ctx: t.ctx, defaultOrganizationId: organization.id }, [
      'jobs',
      'run',
      'helpdesk.auto-close',
      '--now',
      now.toISOString(),
    ]);

  const emailsOf = (organization: Organization, template: string) =>
    t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.organizationId, organization.id), eq(mailOutbox.template, template)),
      );

  async function waitingTicket(sentAt: Date) {
    const organization = await createOrganization(t.ctx);
    const staff = await createUser(t.ctx, organization, { role: 'support_agent' });
    const customer = await createUser(t.ctx, organization, { role: null });
    const user = { ...customer, staffRole: null, locale: 'ru' as const };
    await createTicket(
      t.ctx,
      organization,
      user,
      {
        certificateId: null,
        type: 'incident',
        subject: 'Не работает выгрузка',
        description: 'Ошибка',
        fields: {},
        attachmentIds: [],
      },
      { now: new Date(sentAt.getTime() - 3600_000) },
    );
    await addStaffMessage(t.ctx, {
      organization,
      ticketNumber: 1,
      author: staff,
      body: 'Пришлите, пожалуйста, журнал выгрузки',
      internal: false,
      action: 'request_info',
      attachmentIds: [],
      now: sentAt,
    });
    const [ticket] = await t.ctx.db
      .select()
      .from(tickets)
      .where(eq(tickets.organizationId, organization.id));
    return { organization, ticket: ticket as NonNullable<typeof ticket> };
  }

  it('counts three working days across the May holidays (known answer)', async () => {
    const { organization, ticket } = await waitingTicket(msk('2025-04-30T12:00:00'));
    expect(ticket.autoCloseAt).toEqual(msk('2025-05-07T12:00:00'));
    expect(ticket.awaitingReminderAt).toEqual(msk('2025-05-05T12:00:00'));
    const calendar = await loadWorkCalendar(t.ctx.db, organization.id);
    expect(ticket.autoCloseAt).toEqual(calendar.addWorkingDays(msk('2025-04-30T12:00:00'), 3));
  });

  it('reminds after one working day and closes after three across the New Year, once, via the CLI', async () => {
    const sentAt = msk('2025-12-30T15:00:00');
    const { organization, ticket } = await waitingTicket(sentAt);
    const calendar = await loadWorkCalendar(t.ctx.db, organization.id);
    const closeAt = calendar.addWorkingDays(sentAt, 3);
    const remindAt = calendar.addWorkingDays(sentAt, 1);
    expect(ticket.autoCloseAt).toEqual(closeAt);
    expect(ticket.awaitingReminderAt).toEqual(remindAt);
    // 30 Dec counts 9 h; 31 Dec – 11 Jan are days off; 12 and 13 Jan count whole; 14 Jan, 15:00.
    expect(closeAt).toEqual(msk('2026-01-14T15:00:00'));
    expect(remindAt).toEqual(msk('2026-01-12T15:00:00'));

    const before = await runJob(organization, new Date(remindAt.getTime() - 60_000));
    expect(before.exitCode).toBe(0);
    expect(await emailsOf(organization, 'helpdesk_ticket_reminder')).toHaveLength(0);
    await runJob(organization, remindAt);
    await runJob(organization, remindAt);
    const reminders = await emailsOf(organization, 'helpdesk_ticket_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.textBody).toContain('http://kabinet.test/tickets/1');

    await runJob(organization, new Date(closeAt.getTime() - 60_000));
    const [stillWaiting] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(stillWaiting?.status).toBe('awaiting_customer');

    await runJob(organization, closeAt);
    await runJob(organization, new Date(closeAt.getTime() + 3600_000));
    const [closed] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'auto', autoCloseAt: null });
    expect(closed?.closedAt).toEqual(closeAt);
    const closing = await emailsOf(organization, 'helpdesk_ticket_closed');
    expect(closing).toHaveLength(1);
    expect(closing[0]?.textBody).toContain('можно открыть снова');
  });

  it('closes more due tickets than one batch holds, each once', async () => {
    const { organization, ticket } = await waitingTicket(msk('2026-02-02T10:00:00'));
    const general = await ensureHelpdeskDefaults(t.ctx.db, organization.id);
    const due = msk('2026-02-05T10:00:00');
    const rows = Array.from({ length: 1100 }, (_, index) => ({
      organizationId: organization.id,
      number: 100 + index,
      customerId: ticket.customerId,
      departmentId: general.id,
      priority: 'low' as const,
      status: 'awaiting_customer' as const,
      subject: `Обращение ${index}`,
      awaitingSince: msk('2026-02-02T10:00:00'),
      awaitingReason: 'info_requested' as const,
      awaitingReminderAt: due,
      awaitingReminderSentAt: due,
      autoCloseAt: due,
    }));
    for (let i = 0; i < rows.length; i += 250)
      await t.ctx.db.insert(tickets).values(rows.slice(i, i + 250));
    // A process shutting down stops between batches: one batch closed, the rest left waiting.
    let checks = 0;
    const stopped = await sweepWaitingTickets(
      t.ctx,
      msk('2026-02-06T10:00:00'),
      () => checks++ > 0,
    );
    expect(stopped).toEqual({ closed: AUTO_CLOSE_BATCH, reminded: 0 });
    await runJob(organization, msk('2026-02-06T10:00:00'));
    const left = await t.ctx.db
      .select({ id: tickets.id })
      .from(tickets)
      .where(
        and(eq(tickets.organizationId, organization.id), eq(tickets.status, 'awaiting_customer')),
      );
    expect(left).toHaveLength(0);
    expect(await emailsOf(organization, 'helpdesk_ticket_closed')).toHaveLength(1101);
  });
});

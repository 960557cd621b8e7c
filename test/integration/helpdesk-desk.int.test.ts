import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  StaffBulkResponse,
  StaffQueueResponse,
  StaffTicketDetail,
} from '../../src/shared/contracts/helpdesk-staff.js';
import { ensureHelpdeskDefaults } from '../../src/server/modules/helpdesk/helpdesk-defaults.js';
import { listQueue } from '../../src/server/modules/helpdesk/queue.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { departments, ticketEvents, tickets } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';

type Headers = { host: string; cookie: string };
type ErrorBody = { error: { code: string } };

describe('the staff desk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function setup() {
    const organization = await createOrganization(t.ctx);
    const agent = await createUser(t.ctx, organization, {
      role: 'support_agent',
      name: 'Агент Смит',
    });
    const client = await createUser(t.ctx, organization, { role: null, name: 'Ольга Клиентова' });
    return {
      organization,
      agent,
      client,
      staff: await signInAs(t.app, organization, agent.email),
      customer: await signInAs(t.app, organization, client.email),
    };
  }
  const fileTicket = async (
    headers: Headers,
    subject: string,
    description = 'Не работает вход',
  ) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets',
      headers,
      payload: { certificateId: null, subject, description },
    });
    expect(response.statusCode).toBe(201);
    return (
      response.json<{ ticket?: { number: number }; number?: number }>().ticket?.number ??
      response.json<{ number: number }>().number
    );
  };
  const queue = async (headers: Headers, query: string) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/staff/helpdesk/tickets?${query}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<StaffQueueResponse>().tickets.map((row) => row.number);
  };

  it('filters the queue by status, priority, assignee, department and text, and paginates', async () => {
    const { organization, agent, staff, customer } = await setup();
    const a = await fileTicket(customer, 'Пароль не подходит', 'Не могу восстановить пароль');
    const b = await fileTicket(customer, 'Оплата не прошла', 'Списали деньги дважды');
    const c = await fileTicket(customer, 'Вопрос по сертификату');
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${a}/assign`,
      headers: staff,
      payload: { assigneeId: agent.id },
    });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/helpdesk/tickets/${b}`,
      headers: staff,
      payload: { priority: 'urgent' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${c}/status`,
      headers: staff,
      payload: { to: 'resolved' },
    });

    expect((await queue(staff, '')).sort()).toEqual([a, b].sort());
    expect(await queue(staff, 'status=resolved')).toEqual([c]);
    expect((await queue(staff, 'status=new,resolved')).sort()).toEqual([a, b, c].sort());
    expect(await queue(staff, 'priority=urgent')).toEqual([b]);
    expect(await queue(staff, 'assignee=me')).toEqual([a]);
    expect(await queue(staff, 'assignee=unassigned')).toEqual([b]);
    expect(await queue(staff, `q=%E2%84%96${b}`)).toEqual([b]);
    expect(await queue(staff, `q=${encodeURIComponent('оплата')}`)).toEqual([b]);
    const [general] = await t.ctx.db
      .select()
      .from(departments)
      .where(and(eq(departments.organizationId, organization.id), eq(departments.isGeneral, true)));
    expect((await queue(staff, `department=${general?.id}&status=new,open,resolved`)).length).toBe(
      3,
    );

    const page1 = await t.app.inject({
      method: 'GET',
      url: '/api/staff/helpdesk/tickets?sort=number_asc&limit=1&status=new,resolved',
      headers: staff,
    });
    const body1 = page1.json<StaffQueueResponse>();
    expect(body1.tickets.map((row) => row.number)).toEqual([a]);
    const page2 = await t.app.inject({
      method: 'GET',
      url: `/api/staff/helpdesk/tickets?sort=number_asc&limit=1&status=new,resolved&cursor=${body1.nextCursor}`,
      headers: staff,
    });
    expect(page2.json<StaffQueueResponse>().tickets.map((row) => row.number)).toEqual([b]);
  });

  it('shows internal notes and history to staff and never to the customer', async () => {
    const { staff, customer } = await setup();
    const number = await fileTicket(customer, 'Не приходит письмо');
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${number}/messages`,
      headers: staff,
      payload: { body: 'Секретная заметка', internal: true },
    });
    expect(note.statusCode).toBe(200);
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${number}/messages`,
      headers: staff,
      payload: { body: 'Какая у вас версия?', action: 'request_info' },
    });
    const detail = asked.json<StaffTicketDetail>();
    expect(detail.status).toBe('awaiting_customer');
    expect(detail.messages.map((m) => [m.body, m.internal])).toContainEqual([
      'Секретная заметка',
      true,
    ]);
    expect(detail.events.map((e) => e.kind)).toContain('status_changed');
    const own = await t.app.inject({
      method: 'GET',
      url: `/api/helpdesk/tickets/${number}`,
      headers: customer,
    });
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Секретная заметка');
    expect(own.body).toContain('Какая у вас версия?');
  });

  it('merges a duplicate: messages move, the source closes as merged, both keep history', async () => {
    const { organization, staff, customer } = await setup();
    const target = await fileTicket(customer, 'Не работает вход', 'Первое описание');
    const source = await fileTicket(customer, 'Снова не работает вход', 'Второе описание');
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${source}/merge`,
      headers: staff,
      payload: { into: target },
    });
    expect(merged.statusCode).toBe(200);
    const detail = merged.json<StaffTicketDetail>();
    expect(detail.number).toBe(target);
    expect(detail.messages.map((m) => m.body)).toEqual(
      expect.arrayContaining(['Первое описание', 'Второе описание']),
    );
    expect(detail.events.map((e) => e.kind)).toContain('merged_from');
    const [closed] = await t.ctx.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.organizationId, organization.id), eq(tickets.number, source)));
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'merge', mergedIntoId: detail.id });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${source}/merge`,
      headers: staff,
      payload: { into: target },
    });
    expect(again.json<ErrorBody>().error.code).toBe('ticket_merge_invalid');

    const otherClient = await createUser(t.ctx, organization, { role: null });
    const foreign = await fileTicket(
      await signInAs(t.app, organization, otherClient.email),
      'Чужое обращение',
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${foreign}/merge`,
      headers: staff,
      payload: { into: target },
    });
    expect(refused.json<ErrorBody>().error.code).toBe('ticket_merge_needs_confirmation');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/helpdesk/tickets/${foreign}/merge`,
      headers: staff,
      payload: { into: target, confirmDifferentCustomers: true },
    });
    expect(confirmed.statusCode).toBe(200);
  });

  it('flags SLA due soon and breached with an injected clock, and filters by them', async () => {
    const { organization, agent, client } = await setup();
    const general = await ensureHelpdeskDefaults(t.ctx.db, organization.id);
    // Wednesday 13 March 2030, 10:00 Moscow: a working day.
    const now = new Date('2030-03-13T07:00:00Z');
    const base = {
      organizationId: organization.id,
      customerId: client.id,
      departmentId: general.id,
      priority: 'normal' as const,
      subject: 'SLA',
      lastMessageAt: now,
    };
    await t.ctx.db.insert(tickets).values([
      { ...base, number: 1, firstResponseDueAt: new Date('2030-03-13T06:00:00Z') },
      { ...base, number: 2, firstResponseDueAt: new Date('2030-03-13T08:00:00Z') },
      { ...base, number: 3, firstResponseDueAt: new Date('2030-03-14T08:00:00Z') },
    ]);
    const ask = (sla?: 'due_soon' | 'breached') =>
      listQueue(t.ctx, organization, agent.id, { sla, sort: 'due_asc', limit: 50 }, now);
    const all = await ask();
    expect(all.tickets.map((row) => [row.number, row.sla.firstResponse.state])).toEqual([
      [1, 'breached'],
      [2, 'due_soon'],
      [3, 'ok'],
    ]);
    expect((await ask('breached')).tickets.map((row) => row.number)).toEqual([1]);
    expect((await ask('due_soon')).tickets.map((row) => row.number)).toEqual([2]);
  });

  it('runs a bulk action on 2000 tickets in one statement with events', async () => {
    const { organization, agent, client, staff } = await setup();
    const general = await ensureHelpdeskDefaults(t.ctx.db, organization.id);
    const numbers = Array.from({ length: 2000 }, (_, i) => i + 1);
    for (let i = 0; i < numbers.length; i += 500)
      await t.ctx.db.insert(tickets).values(
        numbers.slice(i, i + 500).map((number) => ({
          organizationId: organization.id,
          customerId: client.id,
          departmentId: general.id,
          priority: 'low' as const,
          subject: `T${number}`,
          number,
        })),
      );
    const started = Date.now();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/tickets/bulk',
      headers: staff,
      payload: { numbers: [...numbers, 99999], action: 'assign', value: agent.id },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<StaffBulkResponse>()).toEqual({ updated: 2000, skipped: [99999] });
    expect(Date.now() - started).toBeLessThan(15_000);
    const events = await t.ctx.db
      .select()
      .from(ticketEvents)
      .where(
        and(eq(ticketEvents.organizationId, organization.id), eq(ticketEvents.kind, 'assigned')),
      );
    expect(events).toHaveLength(2000);
    const status = await t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/tickets/bulk',
      headers: staff,
      payload: { numbers: [1, 2], action: 'status', value: 'closed' },
    });
    expect(status.json<StaffBulkResponse>().updated).toBe(2);
    const closed = await t.app.inject({
      method: 'GET',
      url: '/api/staff/helpdesk/tickets?status=closed',
      headers: staff,
    });
    expect(
      closed
        .json<StaffQueueResponse>()
        .tickets.map((row) => row.number)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('refuses customers on staff routes and keeps organizations apart', async () => {
    const one = await setup();
    const two = await setup();
    const number = await fileTicket(one.customer, 'Моё обращение');
    const forCustomer = await t.app.inject({
      method: 'GET',
      url: '/api/staff/helpdesk/tickets',
      headers: one.customer,
    });
    expect(forCustomer.statusCode).toBe(403);
    // Support agents read the settings (queue filters need departments) but do not change them.
    const settings = await t.app.inject({
      method: 'GET',
      url: '/api/staff/helpdesk/settings',
      headers: one.staff,
    });
    expect(settings.statusCode).toBe(200);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/departments',
      headers: one.staff,
      payload: { nameRu: 'Отдел', nameEn: 'Team', reopenWindowDays: 30 },
    });
    expect(change.statusCode).toBe(403);
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/staff/helpdesk/tickets/${number}`,
      headers: two.staff,
    });
    if (foreign.statusCode === 200)
      expect(foreign.json<StaffTicketDetail>().subject).not.toBe('Моё обращение');
    else expect(foreign.statusCode).toBe(404);
    expect(await queue(two.staff, '')).toEqual([]);
  });

  it('lets staff manage canned responses and admins the settings', async () => {
    const organization: Organization = await createOrganization(t.ctx);
    const admin = await createUser(t.ctx, organization, { role: 'admin' });
    const headers = await signInAs(t.app, organization, admin.email);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/canned-responses',
      headers,
      payload: { title: 'Приветствие', body: 'Здравствуйте!' },
    });
    expect(created.statusCode).toBe(201);
    const settings = await t.app.inject({
      method: 'GET',
      url: '/api/staff/helpdesk/settings',
      headers,
    });
    expect(settings.statusCode).toBe(200);
    const body = settings.json<{
      departments: unknown[];
      supportLevels: { code: string }[];
      cannedResponses: { title: string }[];
    }>();
    expect(body.supportLevels.map((l) => l.code)).toContain('premium');
    expect(body.cannedResponses.map((c) => c.title)).toEqual(['Приветствие']);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/support-levels',
      headers,
      payload: { code: 'premium', nameRu: 'П', nameEn: 'P', priority: 'high' },
    });
    expect(dup.json<ErrorBody>().error.code).toBe('support_level_code_taken');
    const field = await t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/ticket-fields',
      headers,
      payload: {
        key: 'os',
        labelRu: 'ОС',
        labelEn: 'OS',
        kind: 'select',
        options: ['Windows', 'Linux'],
      },
    });
    expect(field.statusCode).toBe(201);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  TicketDetail,
  TicketListResponse,
  TicketSummary,
} from '../../src/shared/contracts/helpdesk-tickets.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { ensureHelpdeskDefaults } from '../../src/server/modules/helpdesk/helpdesk-defaults.js';
import {
  addStaffMessage,
  changeTicketStatus,
} from '../../src/server/modules/helpdesk/tickets.service.js';
import {
  certificates,
  mailOutbox,
  supportLevels,
  ticketEvents,
  tickets,
} from '../../src/server/schema.js';
import { loadWorkCalendar } from '../../src/server/modules/calendar/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';
import { SAMPLE_FILES } from '../helpers/recovery.js';

type Headers = { host: string; cookie: string };
type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

describe('help-desk tickets: the customer side', () => {
  let t: TestApp;
  let storageDir: string;
  beforeAll(async () => {
    storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-helpdesk-test-'));
    t = await createTestApp({
      config: {
        storage: { driver: 'local', dir: storageDir },
        helpdesk: { maxFileBytes: 32 * 1024, maxFiles: 2 },
      },
    });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(storageDir, { recursive: true, force: true });
  });

  async function customerOf(organization: Organization, name = 'Ольга Клиентова') {
    const user = await createUser(t.ctx, organization, { role: null, name });
    return { user, headers: await signInAs(t.app, organization, user.email) };
  }

  async function setup() {
    const organization = await createOrganization(t.ctx);
    const staff = await createUser(t.ctx, organization, {
      role: 'support_agent',
      name: 'Пётр Саппортов',
    });
    return { organization, staff, ...(await customerOf(organization)) };
  }

  async function giveCertificate(organization: Organization, userId: string, level = 'premium') {
    await ensureHelpdeskDefaults(t.ctx.db, organization.id);
    const [found] = await t.ctx.db
      .select()
      .from(supportLevels)
      .where(and(eq(supportLevels.organizationId, organization.id), eq(supportLevels.code, level)));
    const [row] = await t.ctx.db
      .insert(certificates)
      .values({
        organizationId: organization.id,
        serial: `SN-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
        product: 'Кабинет Про',
        supportLevelId: found?.id ?? '',
        validFrom: '2020-01-01',
        validTo: '2099-12-31',
        activationCodeHash: 'x',
        userId,
        registeredAt: new Date(),
      })
      .returning();
    if (!row) throw new Error('no certificate');
    return row;
  }

  const create = (
    headers: Headers,
    body: Record<string, unknown> = {},
    extra: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets',
      headers: { ...headers, ...extra },
      payload: {
        certificateId: null,
        type: 'question',
        subject: 'Не открывается отчёт',
        description: 'При открытии отчёта выходит ошибка 500.',
        ...body,
      },
    });

  const upload = (headers: Headers, name: string, content: Buffer) => {
    const data = new FormData();
    data.append('file', new Blob([content]), name);
    return t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/attachments',
      headers,
      payload: data,
    });
  };

  const emailsOf = (organization: Organization, template: string) =>
    t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.organizationId, organization.id), eq(mailOutbox.template, template)),
      );

  const detail = async (headers: Headers, number: number) =>
    (await t.app.inject({ url: `/api/helpdesk/tickets/${number}`, headers })).json<TicketDetail>();

  it('files a ticket without a certificate at low priority in the general queue, and with one at its level', async () => {
    const { organization, user, headers } = await setup();
    const form = (await t.app.inject({ url: '/api/helpdesk/form', headers })).json<{
      certificates: unknown[];
      withoutCertificate: { priority: string; department: { name: string } };
    }>();
    expect(form.certificates).toEqual([]);
    expect(form.withoutCertificate).toMatchObject({
      priority: 'low',
      department: { name: 'Базовая поддержка' },
    });

    const plain = await create(headers);
    expect(plain.statusCode).toBe(201);
    expect(plain.json<TicketSummary>()).toMatchObject({
      number: 1,
      status: 'new',
      priority: 'low',
      department: { name: 'Базовая поддержка' },
      lastReplier: { role: 'customer' },
    });

    const certificate = await giveCertificate(organization, user.id);
    const withCertificate = await create(headers, { certificateId: certificate.id });
    expect(withCertificate.json<TicketSummary>()).toMatchObject({ number: 2, priority: 'urgent' });
    const [row] = await t.ctx.db
      .select()
      .from(tickets)
      .where(and(eq(tickets.organizationId, organization.id), eq(tickets.number, 2)));
    // Premium: first response within 1 working hour.
    if (!row) throw new Error('ticket 2 not stored');
    const calendar = await loadWorkCalendar(t.ctx.db, organization.id);
    expect(row.firstResponseDueAt).toEqual(calendar.addWorkingMinutes(row.createdAt, 60));
    expect(row.resolutionDueAt).toEqual(calendar.addWorkingMinutes(row.createdAt, 8 * 60));
    expect(await emailsOf(organization, 'helpdesk_ticket_received')).toHaveLength(2);

    // Someone else's certificate is refused.
    const other = await customerOf(organization, 'Другой');
    const refused = await create(other.headers, { certificateId: certificate.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>().error.code).toBe('ticket_certificate_invalid');
  });

  it('creates one ticket for a retried submit with the same idempotency key', async () => {
    const { organization, headers } = await setup();
    const key = { 'idempotency-key': 'form-7f3a9c21-retry' };
    const first = await create(headers, {}, key);
    const second = await create(headers, {}, key);
    expect(second.statusCode).toBe(201);
    expect(second.json<TicketSummary>().number).toBe(first.json<TicketSummary>().number);
    const clientRequestId = '0b7a3c55-8a21-4d3e-9d55-2f3d1c2b4a10';
    const [a, b] = await Promise.all([
      create(headers, { clientRequestId }),
      create(headers, { clientRequestId }),
    ]);
    expect(a.json<TicketSummary>().number).toBe(b.json<TicketSummary>().number);
    const rows = await t.ctx.db
      .select()
      .from(tickets)
      .where(eq(tickets.organizationId, organization.id));
    expect(rows).toHaveLength(2);
  });

  it('numbers tickets sequentially per organization under concurrency', async () => {
    const one = await setup();
    const two = await setup();
    const burst = (headers: Headers) => Array.from({ length: 6 }, () => create(headers));
    const responses = await Promise.all([...burst(one.headers), ...burst(two.headers)]);
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    for (const organization of [one.organization, two.organization]) {
      const rows = await t.ctx.db
        .select({ number: tickets.number })
        .from(tickets)
        .where(eq(tickets.organizationId, organization.id));
      expect(rows.map((r) => r.number).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('lists my tickets: hides resolved ones behind a count, filters, searches, sorts and pages', async () => {
    const { organization, staff, headers } = await setup();
    for (const subject of [
      'Ошибка печати',
      'Вопрос по оплате',
      'Не приходит письмо',
      'Ошибка входа',
    ])
      await create(headers, { subject });
    await changeTicketStatus(t.ctx, {
      organization,
      ticketNumber: 1,
      actor: staff,
      to: 'resolved',
    });
    await changeTicketStatus(t.ctx, { organization, ticketNumber: 2, actor: staff, to: 'closed' });
    const list = async (query: string) =>
      (
        await t.app.inject({ url: `/api/helpdesk/tickets?${query}`, headers })
      ).json<TicketListResponse>();

    const active = await list('');
    expect(active.items.map((i) => i.number)).toEqual([4, 3]);
    expect(active).toMatchObject({ total: 2, resolvedCount: 2 });
    expect((await list('includeResolved=true')).total).toBe(4);
    expect((await list('status=closed')).items.map((i) => i.number)).toEqual([2]);
    expect((await list('includeResolved=true&q=ошибка')).items.map((i) => i.number).sort()).toEqual(
      [1, 4],
    );
    expect((await list('includeResolved=true&q=%E2%84%963')).items.map((i) => i.number)).toEqual([
      3,
    ]);
    const paged = await list('includeResolved=true&sort=number&order=asc&page=2&pageSize=3');
    expect(paged.items.map((i) => i.number)).toEqual([4]);
    expect(paged.total).toBe(4);
    const byStatus = await list('includeResolved=true&sort=status&order=desc');
    expect(byStatus.items[0]?.status).toBe('closed');
  });

  it('hides another customer’s ticket (404) and internal notes', async () => {
    const { organization, staff, headers } = await setup();
    await create(headers);
    const other = await customerOf(organization, 'Чужой');
    const foreign = await t.app.inject({ url: '/api/helpdesk/tickets/1', headers: other.headers });
    expect(foreign.statusCode).toBe(404);
    const note = {
      organization,
      ticketNumber: 1,
      author: staff,
      attachmentIds: [],
      action: 'reply' as const,
    };
    await addStaffMessage(t.ctx, {
      ...note,
      body: 'Клиент сложный, не обещать сроки',
      internal: true,
    });
    await addStaffMessage(t.ctx, { ...note, body: 'Смотрим вашу проблему', internal: false });
    const ticket = await detail(headers, 1);
    expect(ticket.messages.map((m) => m.body)).toEqual([
      'При открытии отчёта выходит ошибка 500.',
      'Смотрим вашу проблему',
    ]);
    expect(ticket.status).toBe('open');
    expect(ticket.lastReplier).toEqual({ name: 'Пётр Саппортов', role: 'staff' });
    const emails = await emailsOf(organization, 'helpdesk_staff_reply');
    expect(emails).toHaveLength(1);
    expect(emails[0]?.textBody).toContain('http://kabinet.test/tickets/1');
    expect(emails[0]?.textBody).not.toContain('не обещать');
    const [row] = await t.ctx.db
      .select()
      .from(tickets)
      .where(eq(tickets.organizationId, organization.id));
    expect(row?.firstResponseAt).not.toBeNull();
  });

  it('checks attachments by content and size, and lets only the owner and staff download them', async () => {
    const { organization, staff, headers } = await setup();
    const png = await upload(headers, 'screen.png', SAMPLE_FILES.png);
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ contentType: 'image/png', previewable: true });
    const exe = await upload(
      headers,
      'screen.png',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]),
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json<ErrorBody>().error.code).toBe('file_type_not_allowed');
    const big = await upload(
      headers,
      'big.pdf',
      Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(40 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json<ErrorBody>().error).toMatchObject({
      code: 'file_too_large',
      details: { maxBytes: 32 * 1024 },
    });
    const log = await upload(headers, 'app.log', Buffer.from('2025-01-01 ошибка подключения\n'));
    expect(log.json()).toMatchObject({ contentType: 'text/plain', previewable: false });
    const binaryLog = await upload(headers, 'app.log', Buffer.from([0x41, 0x00, 0x42]));
    expect(binaryLog.statusCode).toBe(415);

    const pdf = await upload(headers, 'invoice.pdf', SAMPLE_FILES.pdf);
    const ids = [png, log, pdf].map((r) => r.json<{ id: string }>().id);
    const tooMany = await create(headers, { attachmentIds: ids });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json<ErrorBody>().error).toMatchObject({
      code: 'too_many_files',
      details: { maxFiles: 2 },
    });
    expect((await create(headers, { attachmentIds: [ids[0], ids[1]] })).statusCode).toBe(201);
    // Already sent: cannot be attached again.
    const reused = await create(headers, { attachmentIds: [ids[0]] });
    expect(reused.json<ErrorBody>().error.code).toBe('ticket_attachment_invalid');

    const ticket = await detail(headers, 1);
    expect(ticket.messages[0]?.attachments.map((a) => a.fileName)).toEqual([
      'screen.png',
      'app.log',
    ]);
    const own = await t.app.inject({ url: `/api/helpdesk/attachments/${ids[0]}`, headers });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toMatch(/^inline/);
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    const asFile = await t.app.inject({ url: `/api/helpdesk/attachments/${ids[1]}`, headers });
    expect(asFile.headers['content-disposition']).toMatch(/^attachment/);
    expect(asFile.body).toContain('ошибка подключения');
    const other = await customerOf(organization, 'Чужой');
    expect(
      (await t.app.inject({ url: `/api/helpdesk/attachments/${ids[0]}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    const staffHeaders = await signInAs(t.app, organization, staff.email);
    expect(
      (await t.app.inject({ url: `/api/helpdesk/attachments/${ids[0]}`, headers: staffHeaders }))
        .statusCode,
    ).toBe(200);
  });

  it('moves through the states with an event and an email for each change', async () => {
    const { organization, staff, user, headers } = await setup();
    await create(headers);
    const base = {
      organization,
      ticketNumber: 1,
      author: staff,
      attachmentIds: [],
      internal: false,
    };
    const sentAt = new Date('2026-03-02T09:00:00Z');
    await addStaffMessage(t.ctx, {
      ...base,
      action: 'request_info',
      body: 'Пришлите версию ОС',
      now: sentAt,
    });
    const [waiting] = await t.ctx.db
      .select()
      .from(tickets)
      .where(eq(tickets.organizationId, organization.id));
    expect(waiting).toMatchObject({
      status: 'awaiting_customer',
      awaitingReason: 'info_requested',
    });
    expect(waiting?.awaitingSince).toEqual(sentAt);
    expect(waiting?.autoCloseAt).not.toBeNull();
    const awaitingMail = await emailsOf(organization, 'helpdesk_ticket_awaiting');
    expect(awaitingMail).toHaveLength(1);
    expect(awaitingMail[0]?.textBody).toContain('Пришлите версию ОС');
    expect(awaitingMail[0]?.toAddress).toBe(user.email);

    const reply = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets/1/messages',
      headers,
      payload: { body: 'Windows 11', attachmentIds: [] },
    });
    expect(reply.json()).toMatchObject({ number: 1, createdNewTicket: false, status: 'open' });
    expect((await detail(headers, 1)).autoCloseAt).toBeNull();

    await addStaffMessage(t.ctx, { ...base, action: 'resolve', body: 'Исправлено в 2.4' });
    expect(await emailsOf(organization, 'helpdesk_ticket_resolved')).toHaveLength(1);
    const closed = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets/1/close',
      headers,
    });
    expect(closed.json<TicketDetail>()).toMatchObject({
      status: 'closed',
      closedBy: 'customer',
      reopen: { allowed: true },
    });
    expect(await emailsOf(organization, 'helpdesk_ticket_closed')).toHaveLength(1);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets/1/close',
      headers,
    });
    expect(again.json<ErrorBody>().error.code).toBe('ticket_transition_invalid');

    const events = await t.ctx.db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.organizationId, organization.id));
    expect(events.map((e) => [e.details.from, e.details.to])).toEqual(
      expect.arrayContaining([
        ['new', 'awaiting_customer'],
        ['awaiting_customer', 'open'],
        ['open', 'resolved'],
        ['resolved', 'closed'],
      ]),
    );
  });

  it('reopens within the window; after it, refuses reopening and a reply starts a linked ticket', async () => {
    const { organization, staff, headers } = await setup();
    await create(headers);
    await changeTicketStatus(t.ctx, { organization, ticketNumber: 1, actor: staff, to: 'closed' });
    const reopened = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets/1/reopen',
      headers,
    });
    expect(reopened.json<TicketDetail>().status).toBe('open');

    await changeTicketStatus(t.ctx, {
      organization,
      ticketNumber: 1,
      actor: staff,
      to: 'closed',
      now: new Date(Date.now() - 31 * 86_400_000),
    });
    expect((await detail(headers, 1)).reopen.allowed).toBe(false);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets/1/reopen',
      headers,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().error.code).toBe('ticket_reopen_expired');
    const reply = await t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets/1/messages',
      headers,
      payload: { body: 'Проблема вернулась' },
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ number: 2, createdNewTicket: true, status: 'new' });
    expect((await detail(headers, 2)).continuesNumber).toBe(1);
    expect(await detail(headers, 1)).toMatchObject({ status: 'closed', continuedByNumber: 2 });
  });

  it('keeps the preference for non-essential emails', async () => {
    const { organization, staff, headers } = await setup();
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/helpdesk/preferences',
      headers,
      payload: { emailOnProgress: true, emailOnReply: false },
    });
    expect(saved.json()).toEqual({ emailOnProgress: true, emailOnReply: false });
    await create(headers);
    const base = {
      organization,
      ticketNumber: 1,
      author: staff,
      attachmentIds: [],
      internal: false,
    };
    await addStaffMessage(t.ctx, { ...base, action: 'reply', body: 'Смотрим' });
    expect(await emailsOf(organization, 'helpdesk_staff_reply')).toHaveLength(0);
    await addStaffMessage(t.ctx, { ...base, action: 'propose_solution', body: 'Обновите версию' });
    // A status change goes whatever the preferences say.
    expect(await emailsOf(organization, 'helpdesk_ticket_awaiting')).toHaveLength(1);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketListResponse } from '../../src/shared/contracts/helpdesk-tickets.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';

type Headers = { host: string; cookie: string };

/** The counters behind «Мои обращения» totals are kept by triggers; they must never drift. */
describe('help-desk per-customer ticket counters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function customerOf(organization: Organization, name: string) {
    const user = await createUser(t.ctx, organization, { role: null, name });
    return { user, headers: await signInAs(t.app, organization, user.email) };
  }
  async function setup() {
    const organization = await createOrganization(t.ctx);
    return { organization, ...(await customerOf(organization, 'Ольга Клиентова')) };
  }
  const create = (headers: Headers, body: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/tickets',
      headers,
      payload: {
        certificateId: null,
        type: 'question',
        subject: 'Не открывается отчёт',
        description: 'При открытии отчёта выходит ошибка 500.',
        ...body,
      },
    });

  it('keeps the per-customer counters equal to the tickets through bulk updates, moves and deletes', async () => {
    const { organization, user, headers } = await setup();
    const other = await customerOf(organization, 'Анна Другая');
    for (let i = 0; i < 5; i++) await create(headers, { subject: `Вопрос ${i}` });
    await create(other.headers);
    const counted = () =>
      rowsOf<{ counter: number; actual: number }>(
        t.ctx.db,
        sql`
          select coalesce(c.customer_id, t.customer_id) as customer, coalesce(c.status, t.status) as status,
                 coalesce(c.tickets, 0) as counter, coalesce(t.n, 0) as actual
          from (select * from helpdesk_customer_ticket_counts
                where customer_id in (${user.id}::uuid, ${other.user.id}::uuid)) c
          full join (select customer_id, status, count(*)::int as n from helpdesk_tickets
                     where organization_id = ${organization.id} group by 1, 2) t
            on t.customer_id = c.customer_id and t.status = c.status`,
      );
    const expectConsistent = async () => {
      const rows = await counted();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.counter).toBe(row.actual);
    };
    await expectConsistent();
    // One statement moving several rows between statuses, a no-op update and a customer move.
    await t.ctx.db.execute(
      sql`update helpdesk_tickets set status = case when number % 2 = 0 then 'closed' else 'resolved' end::ticket_status
          where organization_id = ${organization.id} and number <= 4`,
    );
    await t.ctx.db.execute(
      sql`update helpdesk_tickets set subject = subject || '!' where organization_id = ${organization.id}`,
    );
    await t.ctx.db.execute(
      sql`update helpdesk_tickets set customer_id = ${other.user.id} where organization_id = ${organization.id} and number = 5`,
    );
    await expectConsistent();
    await t.ctx.db.execute(
      sql`delete from helpdesk_tickets where organization_id = ${organization.id} and number in (1, 6)`,
    );
    await expectConsistent();
    const list = (
      await t.app.inject({ url: '/api/helpdesk/tickets', headers })
    ).json<TicketListResponse>();
    expect(list).toMatchObject({ total: 0, resolvedCount: 3 });
  });
});

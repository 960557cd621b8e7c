import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../../src/server/modules/notify/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import type { OutboxListResponse } from '../../src/shared/contracts/staff.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createOrganization,
  createSignedInStaff,
  createUser,
  hostOf,
  signInAs,
} from '../helpers/factories.js';

type ErrorBody = { error: { code: string } };

describe('tenancy: one organization never sees another', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Writes a welcome email for `organization` the way a service does: inside a transaction. */
  async function createOutboxMessage(organization: Organization, address: string) {
    return t.ctx.db.transaction((tx) =>
      enqueueEmail(t.ctx, tx, {
        organizationId: organization.id,
        to: { address, name: 'Получатель' },
        locale: 'ru',
        template: 'welcome_owner',
        data: {
          displayName: 'Получатель',
          organizationName: organization.name,
          consoleUrl: 'http://kabinet.test/console',
        },
      }),
    );
  }

  /** Moves every queued job of `organizationId` to `failed`, as if it exhausted its retries. */
  async function failJobsOf(organizationId: string) {
    await t.ctx.database.executor.executeSql(
      `update pgboss.job
          set state = 'failed', completed_on = now(), output = '{"message":"relay refused"}'
        where data->>'organizationId' = $1`,
      [organizationId],
    );
  }

  it("keeps another organization's email out of the outbox listing", async () => {
    const a = await createSignedInStaff(t.app, t.ctx);
    const b = await createOrganization(t.ctx, 'Чужой центр');
    const own = await createOutboxMessage(a.organization, 'own@example.com');
    const foreign = await createOutboxMessage(b, 'foreign@example.com');

    const response = await t.app.inject({ url: '/api/staff/outbox', headers: a.headers });
    expect(response.statusCode).toBe(200);
    const ids = response.json<OutboxListResponse>().messages.map((m) => m.id);
    expect(ids).toEqual([own.id]);
    expect(ids).not.toContain(foreign.id);
  });

  it("answers 404 for another organization's email opened by id", async () => {
    const a = await createSignedInStaff(t.app, t.ctx);
    const b = await createOrganization(t.ctx);
    const foreign = await createOutboxMessage(b, 'foreign@example.com');

    const response = await t.app.inject({
      url: `/api/staff/outbox/${foreign.id}`,
      headers: a.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().error.code).toBe('not_found');

    // The same message is readable by its own organization's staff.
    const bAdmin = await createUser(t.ctx, b, { role: 'admin' });
    const bHeaders = await signInAs(t.app, b, bAdmin.email);
    const own = await t.app.inject({ url: `/api/staff/outbox/${foreign.id}`, headers: bHeaders });
    expect(own.statusCode).toBe(200);
  });

  it("does not accept a session cookie on another organization's host", async () => {
    const a = await createSignedInStaff(t.app, t.ctx);
    const b = await createOrganization(t.ctx);
    const crossed = { ...a.headers, host: hostOf(b) };

    for (const url of ['/api/staff/outbox', '/api/staff/jobs/failed']) {
      const response = await t.app.inject({ url, headers: crossed });
      expect(response.statusCode).toBe(401);
      expect(response.json<ErrorBody>().error.code).toBe('unauthenticated');
    }
    const session = await t.app.inject({ url: '/api/auth/session', headers: crossed });
    expect(session.json()).toMatchObject({ organization: { id: b.id }, account: null });
    // …while on its own host the cookie still works.
    const home = await t.app.inject({ url: '/api/staff/outbox', headers: a.headers });
    expect(home.statusCode).toBe(200);
  });

  it("lists only the organization's own failed jobs", async () => {
    const a = await createSignedInStaff(t.app, t.ctx);
    const b = await createOrganization(t.ctx);
    await createOutboxMessage(a.organization, 'own@example.com');
    await createOutboxMessage(b, 'foreign@example.com');
    await failJobsOf(a.organization.id);
    await failJobsOf(b.id);

    const response = await t.app.inject({ url: '/api/staff/jobs/failed', headers: a.headers });
    expect(response.statusCode).toBe(200);
    const jobs = response.json<{ jobs: { name: string; data: { organizationId: string } }[] }>()
      .jobs;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      name: 'mail.deliver',
      data: { organizationId: a.organization.id },
    });
    expect(jobs.map((job) => job.data.organizationId)).not.toContain(b.id);
  });

  it("refuses to retry another organization's failed job", async () => {
    const a = await createSignedInStaff(t.app, t.ctx);
    const b = await createOrganization(t.ctx);
    await createOutboxMessage(b, 'foreign@example.com');
    await failJobsOf(b.id);
    const { rows } = await t.ctx.database.executor.executeSql(
      `select id from pgboss.job where data->>'organizationId' = $1`,
      [b.id],
    );
    const jobId = String(rows[0]?.id);

    const response = await t.app.inject({
      method: 'POST',
      url: `/api/staff/jobs/mail.deliver/${jobId}/retry`,
      headers: a.headers,
    });
    expect(response.statusCode).toBe(404);
    const { rows: after } = await t.ctx.database.executor.executeSql(
      'select state from pgboss.job where id = $1',
      [jobId],
    );
    expect(after[0]?.state).toBe('failed');
  });

  it('forbids staff routes to a signed-in customer', async () => {
    const organization = await createOrganization(t.ctx);
    const customer = await createUser(t.ctx, organization, { role: null });
    const headers = await signInAs(t.app, organization, customer.email);

    const session = await t.app.inject({ url: '/api/auth/session', headers });
    expect(session.json()).toMatchObject({ account: { id: customer.id, staffRole: null } });
    for (const url of ['/api/staff/outbox', '/api/staff/jobs/failed']) {
      const response = await t.app.inject({ url, headers });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().error.code).toBe('forbidden');
    }
  });

  it('asks for sign-in on staff routes without a session cookie', async () => {
    const organization = await createOrganization(t.ctx);
    for (const url of ['/api/staff/outbox', '/api/staff/jobs/failed']) {
      const response = await t.app.inject({ url, headers: { host: hostOf(organization) } });
      expect(response.statusCode).toBe(401);
      expect(response.json<ErrorBody>().error.code).toBe('unauthenticated');
    }
    const forged = await t.app.inject({
      url: '/api/staff/outbox',
      headers: { host: hostOf(organization), cookie: 'kabinet_session=forged-token' },
    });
    expect(forged.statusCode).toBe(401);
  });
});

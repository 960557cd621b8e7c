import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffAccountDetail, StaffBlock } from '../../src/shared/contracts/staff-accounts.js';
import { setBlock } from '../../src/server/modules/access/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { signInThrottles } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, TEST_PASSWORD } from '../helpers/factories.js';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
const HOUR = 3_600_000;

describe('blocks set by staff', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function signIn(organization: Organization, login: string) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: `10.${[...randomBytes(3)].join('.')}`,
      headers: { host: hostOf(organization) },
      payload: { login, password: TEST_PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'kabinet_session');
    return {
      response,
      headers: { host: hostOf(organization), cookie: `kabinet_session=${cookie?.value ?? ''}` },
    };
  }

  /** An organization with a signed-in admin and a customer. */
  async function setting() {
    const organization = await createOrganization(t.ctx);
    const admin = await createUser(t.ctx, organization, { role: 'admin' });
    const customer = await createUser(t.ctx, organization, { role: null });
    const { headers } = await signIn(organization, admin.email);
    const base = `/api/staff/accounts/${customer.id}/blocks`;
    const block = async (payload: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'POST', url: base, headers, payload });
      return { response, block: response.json<{ block: StaffBlock }>().block };
    };
    return { organization, admin, customer, headers, base, block };
  }

  it('blocks with a reason, ends every session, and tells the person why after the right password', async () => {
    const { organization, customer, block, headers } = await setting();
    const device = await signIn(organization, customer.email);
    const endsAt = new Date(Date.now() + 48 * HOUR).toISOString();
    const { response, block: set } = await block({
      reason: 'suspicious_activity',
      endsAt,
      note: 'Входы из трёх стран за час',
    });
    expect(response.statusCode).toBe(201);
    expect(set).toMatchObject({ reason: 'suspicious_activity', endsAt, active: true });

    const ended = await t.app.inject({ url: '/api/auth/session', headers: device.headers });
    expect(ended.statusCode).toBe(401);
    const refused = await signIn(organization, customer.email);
    expect(refused.response.statusCode).toBe(403);
    expect(refused.response.json<ErrorBody>().error.details?.reasons).toEqual([
      { code: 'suspicious_activity', until: endsAt },
    ]);

    const detail: StaffAccountDetail = (
      await t.app.inject({ url: `/api/staff/accounts/${customer.id}`, headers })
    ).json();
    expect(detail.account.status).toBe('blocked');
    expect(detail.blocks[0]?.createdBy?.displayName).toBe('Тестовый пользователь');
    expect(detail.audit[0]).toMatchObject({
      action: 'block.set',
      details: { reason: 'suspicious_activity', sessionsEnded: 1 },
    });
  });

  it('holds several blocks at once and lifts them one by one, with a note', async () => {
    const { organization, customer, block, base, headers } = await setting();
    const first = (await block({ reason: 'policy_violation' })).block;
    const second = (await block({ reason: 'staff_decision' })).block;
    const reasons = async () =>
      (await signIn(organization, customer.email)).response.json<ErrorBody>().error.details
        ?.reasons;
    expect(await reasons()).toEqual([
      { code: 'policy_violation', until: null },
      { code: 'staff_decision', until: null },
    ]);

    const lift = (id: string, query = '') =>
      t.app.inject({ method: 'DELETE', url: `${base}/${id}${query}`, headers });
    const lifted = await lift(first.id, `?note=${encodeURIComponent('Разобрались')}`);
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json<{ block: StaffBlock }>().block).toMatchObject({
      active: false,
      liftedBy: { displayName: 'Тестовый пользователь' },
    });
    expect(await reasons()).toEqual([{ code: 'staff_decision', until: null }]);
    expect((await lift(first.id)).json<ErrorBody>().error.code).toBe('invalid_state');
    expect((await lift(second.id)).statusCode).toBe(200);
    expect((await signIn(organization, customer.email)).response.statusCode).toBe(200);
  });

  it('shortens and extends a block in force, and refuses an end in the past', async () => {
    const { customer, block, base, headers } = await setting();
    const set = (await block({ reason: 'staff_decision', endsAt: null })).block;
    const change = (endsAt: string | null) =>
      t.app.inject({ method: 'PATCH', url: `${base}/${set.id}`, headers, payload: { endsAt } });
    const soon = new Date(Date.now() + HOUR).toISOString();
    expect((await change(soon)).json<{ block: StaffBlock }>().block.endsAt).toBe(soon);
    expect((await change(null)).json<{ block: StaffBlock }>().block.endsAt).toBeNull();
    const past = await change(new Date(Date.now() - HOUR).toISOString());
    expect(past.statusCode).toBe(400);
    const audit = await t.app.inject({
      url: `/api/staff/audit?subjectId=${customer.id}`,
      headers,
    });
    expect(audit.json<{ entries: { action: string }[] }>().entries.map((e) => e.action)).toEqual([
      'block.changed',
      'block.changed',
      'block.set',
    ]);
  });

  it('lets a block with an end lift itself when the end passes', async () => {
    const { organization, customer } = await setting();
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR);
    await setBlock(
      t.ctx,
      organization.id,
      customer.id,
      { reason: 'staff_decision', endsAt: new Date(Date.now() - HOUR).toISOString() },
      { kind: 'operator' },
      twoHoursAgo,
    );
    expect((await signIn(organization, customer.email)).response.statusCode).toBe(200);
  });

  it('clears the failure counter when a lockout block is lifted', async () => {
    const { organization, customer, block, base, headers } = await setting();
    await t.ctx.db.insert(signInThrottles).values({
      organizationId: organization.id,
      key: `account:${customer.id}`,
      failures: 12,
      lockedUntil: new Date(Date.now() + HOUR),
    });
    const set = (await block({ reason: 'too_many_failed_attempts' })).block;
    await t.app.inject({ method: 'DELETE', url: `${base}/${set.id}`, headers });
    const throttles = await t.ctx.db
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.organizationId, organization.id));
    expect(throttles.filter((row) => row.key === `account:${customer.id}`)).toEqual([]);
  });

  it("cannot touch another organization's account or block", async () => {
    const { headers, block } = await setting();
    const other = await setting();
    const theirs = (await other.block({ reason: 'staff_decision' })).block;
    const response = await t.app.inject({
      method: 'DELETE',
      url: `/api/staff/accounts/${other.customer.id}/blocks/${theirs.id}`,
      headers,
    });
    expect(response.statusCode).toBe(404);
    expect((await block({ reason: 'no_such_reason' })).response.statusCode).toBe(400);
  });
});

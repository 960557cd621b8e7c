import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset } from '../../src/server/modules/access/password-reset.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { mailOutbox, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { quickCaptcha } from '../helpers/captcha.js';
import { createOrganization, createUser, hostOf } from '../helpers/factories.js';

type ErrorBody = { error: { code: string } };

describe('password-reset requests: a captcha after three from one address in an hour', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  // Each test asks from addresses of its own, so counts never leak between tests.
  let nextAddress = 0;
  const newAddress = () => {
    nextAddress++;
    return `10.30.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
  };
  const ask = (organization: Organization, from: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: { host: hostOf(organization) },
      remoteAddress: from,
      payload,
    });

  async function createCustomer(organization: Organization) {
    const user = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db.update(users).set({ accessOpenedAt: new Date() }).where(eq(users.id, user.id));
    return user;
  }
  const resetMailsTo = async (organization: Organization, address: string) =>
    t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.organizationId, organization.id),
          eq(mailOutbox.template, 'password_reset'),
          eq(mailOutbox.toAddress, address),
        ),
      );

  it('answers 202 three times, then needs a solved captcha that works once', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    const from = newAddress();
    for (let i = 0; i < 3; i++) {
      expect((await ask(organization, from, { login: user.email })).statusCode).toBe(202);
    }
    expect(await resetMailsTo(organization, user.email)).toHaveLength(3);

    const missing = await ask(organization, from, { login: user.email });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.code).toBe('captcha_required');
    const garbage = await ask(organization, from, {
      login: user.email,
      captcha: 'bm90IGEgc29sdXRpb24=',
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json<ErrorBody>().error.code).toBe('captcha_invalid');
    expect(await resetMailsTo(organization, user.email)).toHaveLength(3);

    const captcha = await quickCaptcha(t.ctx);
    const solved = await ask(organization, from, { login: user.email, captcha });
    expect(solved.statusCode).toBe(202);
    expect(await resetMailsTo(organization, user.email)).toHaveLength(4);
    const replayed = await ask(organization, from, { login: user.email, captcha });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json<ErrorBody>().error.code).toBe('captcha_invalid');

    // Another address is not affected, nor is another organization from the same address.
    expect((await ask(organization, newAddress(), { login: user.email })).statusCode).toBe(202);
    const other = await createOrganization(t.ctx);
    expect((await ask(other, from, { login: user.email })).statusCode).toBe(202);
  });

  it('asks for the captcha whatever the login, so it reveals nothing about accounts', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    const from = newAddress();
    for (let i = 0; i < 3; i++) await ask(organization, from, { login: user.email });
    for (const login of [user.email, 'nobody@example.com', '+79995550000', 'не логин']) {
      const response = await ask(organization, from, { login });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error.code).toBe('captcha_required');
    }
  });

  it('forgets the count an hour after the first request', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    const from = newAddress();
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (let i = 0; i < 3; i++) {
      await requestPasswordReset(
        t.ctx,
        organization,
        user.email,
        { ip: from, locale: 'ru' },
        twoHoursAgo,
      );
    }
    await expect(
      requestPasswordReset(
        t.ctx,
        organization,
        user.email,
        { ip: from, locale: 'ru' },
        twoHoursAgo,
      ),
    ).rejects.toMatchObject({ code: 'captcha_required' });
    for (let i = 0; i < 3; i++) {
      expect((await ask(organization, from, { login: user.email })).statusCode).toBe(202);
    }
    expect((await ask(organization, from, { login: user.email })).statusCode).toBe(400);
  });
});

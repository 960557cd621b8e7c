import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFirstAdminLink } from '../../src/server/modules/access/index.js';
import { requestPasswordReset } from '../../src/server/modules/access/password-reset.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import {
  mailOutbox,
  securityAudit,
  sessions,
  signInThrottles,
  smsCodes,
  smsOutbox,
  users,
} from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, signInAs } from '../helpers/factories.js';

type ErrorBody = { error: { code: string; details?: { problems?: string[] } } };

const NEW_PASSWORD = 'новый надёжный пароль';

describe('password reset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  // Reset routes are rate-limited per client address; every request gets an address of its own.
  let nextAddress = 0;
  const address = () => {
    nextAddress++;
    return `10.20.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
  };
  const post = (organization: Organization, url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { host: hostOf(organization) },
      remoteAddress: address(),
      payload,
    });
  const get = (organization: Organization, url: string) =>
    t.app.inject({ url, headers: { host: hostOf(organization) }, remoteAddress: address() });

  /** A customer whose access is open, optionally with a phone. */
  async function createCustomer(organization: Organization, phone?: string) {
    const user = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db
      .update(users)
      .set({ accessOpenedAt: new Date(), phone: phone ?? null })
      .where(eq(users.id, user.id));
    return user;
  }

  const mailsOf = (organization: Organization) =>
    t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.organizationId, organization.id));
  const smsOf = (organization: Organization) =>
    t.ctx.db.select().from(smsOutbox).where(eq(smsOutbox.organizationId, organization.id));

  async function resetTokenFor(organization: Organization, email: string) {
    const response = await post(organization, '/api/auth/password-reset/request', { login: email });
    expect(response.statusCode).toBe(202);
    const mails = await mailsOf(organization);
    const mail = mails.filter((m) => m.template === 'password_reset').at(-1);
    const token = /reset-password\?token=([\w-]+)/.exec(mail?.textBody ?? '')?.[1];
    if (!token) throw new Error('no reset link in the outbox');
    return token;
  }

  it('emails a single-use link that sets a new password and ends every session', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    await signInAs(t.app, organization, user.email);
    await signInAs(t.app, organization, user.email);

    const token = await resetTokenFor(organization, `  ${user.email.toUpperCase()} `);
    const [mail] = await mailsOf(organization);
    expect(mail?.toAddress).toBe(user.email);
    expect(mail?.textBody).toContain(`http://kabinet.test/reset-password?token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(22); // ≥ 128 bits in base64url

    const status = await get(organization, `/api/auth/password-reset/${token}`);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toEqual({ login: user.email });

    const confirm = await post(organization, '/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.cookies).toEqual([]);

    const ended = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(ended).toHaveLength(2);
    expect(ended.every((s) => s.endedReason === 'password_changed')).toBe(true);
    await expect(signInAs(t.app, organization, user.email)).rejects.toThrow('invalid_credentials');
    await signInAs(t.app, organization, user.email, NEW_PASSWORD);

    const audit = await t.ctx.db
      .select()
      .from(securityAudit)
      .where(and(eq(securityAudit.subjectId, user.id), eq(securityAudit.action, 'password.reset')));
    expect(audit).toHaveLength(1);

    const again = await post(organization, '/api/auth/password-reset/confirm', {
      token,
      newPassword: 'ещё один новый пароль',
    });
    expect(again.statusCode).toBe(410);
    expect(again.json<ErrorBody>().error.code).toBe('link_invalid');
    expect((await get(organization, `/api/auth/password-reset/${token}`)).statusCode).toBe(410);
  });

  it('answers an unknown address the same, and emails it a notice without account data', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    const known = await post(organization, '/api/auth/password-reset/request', {
      login: user.email,
    });
    const unknown = await post(organization, '/api/auth/password-reset/request', {
      login: 'stranger@example.com',
    });
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.json()).toEqual({ accepted: true });

    const notice = (await mailsOf(organization)).find(
      (m) => m.toAddress === 'stranger@example.com',
    );
    expect(notice?.template).toBe('password_reset_no_account');
    expect(notice?.textBody).toContain('открыть вам доступ');
    expect(notice?.textBody).not.toContain('token=');
    expect(notice?.textBody).not.toContain(user.email);
    expect(notice?.textBody).not.toContain(user.displayName);
  });

  it('sends at most one "no account" notice per address per hour', async () => {
    const organization = await createOrganization(t.ctx);
    for (let i = 0; i < 3; i++) {
      const response = await post(organization, '/api/auth/password-reset/request', {
        login: 'Spam.Target@example.com',
      });
      expect(response.statusCode).toBe(202);
    }
    expect(await mailsOf(organization)).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await requestPasswordReset(
      t.ctx,
      organization,
      user.email,
      { ip: '127.0.0.1', locale: 'ru' },
      twoHoursAgo,
    );
    const [mail] = await mailsOf(organization);
    const token = /token=([\w-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
    expect((await get(organization, `/api/auth/password-reset/${token}`)).statusCode).toBe(410);
    const confirm = await post(organization, '/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(confirm.statusCode).toBe(410);
  });

  it('refuses a wrong token', async () => {
    const organization = await createOrganization(t.ctx);
    const confirm = await post(organization, '/api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      newPassword: NEW_PASSWORD,
    });
    expect(confirm.statusCode).toBe(410);
    expect(confirm.json<ErrorBody>().error.code).toBe('link_invalid');
  });

  it('lets exactly one of two concurrent uses of a link succeed', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    const token = await resetTokenFor(organization, user.email);
    const results = await Promise.all([
      post(organization, '/api/auth/password-reset/confirm', { token, newPassword: NEW_PASSWORD }),
      post(organization, '/api/auth/password-reset/confirm', {
        token,
        newPassword: 'другой новый пароль',
      }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
  });

  it('refuses a weak new password and keeps the link usable', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    const token = await resetTokenFor(organization, user.email);
    const weak = await post(organization, '/api/auth/password-reset/confirm', {
      token,
      newPassword: 'qwerty123456',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ErrorBody>().error).toMatchObject({
      code: 'password_rejected',
      details: { problems: ['too_common'] },
    });
    const good = await post(organization, '/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(good.statusCode).toBe(200);
  });

  it('works while the account is locked out, and lifts the lock', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createCustomer(organization);
    await t.ctx.db.insert(signInThrottles).values({
      organizationId: organization.id,
      key: `account:${user.id}`,
      failures: 12,
      lockLevel: 2,
      lockedUntil: new Date(Date.now() + 3600_000),
    });
    const token = await resetTokenFor(organization, user.email);
    const confirm = await post(organization, '/api/auth/password-reset/confirm', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(confirm.statusCode).toBe(200);
    const locks = await t.ctx.db
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.key, `account:${user.id}`));
    expect(locks).toEqual([]);
    await signInAs(t.app, organization, user.email, NEW_PASSWORD);
  });

  describe('by phone', () => {
    const codeIn = (body: string | undefined) => /\b(\d{6})\b/.exec(body ?? '')?.[1] ?? '';

    it('sends a 6-digit SMS code that sets a new password once', async () => {
      const organization = await createOrganization(t.ctx);
      const user = await createCustomer(organization, '+79991234567');
      const request = await post(organization, '/api/auth/password-reset/request', {
        login: '8 (999) 123-45-67',
      });
      expect(request.statusCode).toBe(202);
      const [sms] = await smsOf(organization);
      expect(sms?.toPhone).toBe('+79991234567');
      const code = codeIn(sms?.body);
      expect(code).toMatch(/^\d{6}$/);
      const [stored] = await t.ctx.db
        .select()
        .from(smsCodes)
        .where(eq(smsCodes.organizationId, organization.id));
      expect(stored?.codeHash).not.toContain(code);

      const wrongCode = code === '000000' ? '111111' : '000000';
      const wrong = await post(organization, '/api/auth/password-reset/confirm', {
        phone: '+7 999 123 45 67',
        code: wrongCode,
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<ErrorBody>().error.code).toBe('code_invalid');

      const right = await post(organization, '/api/auth/password-reset/confirm', {
        phone: '+7 999 123 45 67',
        code,
        newPassword: NEW_PASSWORD,
      });
      expect(right.statusCode).toBe(200);
      await signInAs(t.app, organization, user.email, NEW_PASSWORD);

      const reused = await post(organization, '/api/auth/password-reset/confirm', {
        phone: '+79991234567',
        code,
        newPassword: 'ещё один новый пароль',
      });
      expect(reused.statusCode).toBe(410);
      expect(reused.json<ErrorBody>().error.code).toBe('code_expired');
    });

    it('stops accepting a code after five wrong tries', async () => {
      const organization = await createOrganization(t.ctx);
      await createCustomer(organization, '+79990000001');
      await post(organization, '/api/auth/password-reset/request', { login: '+79990000001' });
      const code = codeIn((await smsOf(organization))[0]?.body);
      const wrongCode = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) {
        const wrong = await post(organization, '/api/auth/password-reset/confirm', {
          phone: '+79990000001',
          code: wrongCode,
          newPassword: NEW_PASSWORD,
        });
        expect(wrong.statusCode).toBe(400);
      }
      const right = await post(organization, '/api/auth/password-reset/confirm', {
        phone: '+79990000001',
        code,
        newPassword: NEW_PASSWORD,
      });
      expect(right.statusCode).toBe(410);
      expect(right.json<ErrorBody>().error.code).toBe('code_expired');
    });

    it('refuses a code older than ten minutes', async () => {
      const organization = await createOrganization(t.ctx);
      await createCustomer(organization, '+79990000002');
      const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000);
      await requestPasswordReset(
        t.ctx,
        organization,
        '+79990000002',
        { ip: '127.0.0.1', locale: 'ru' },
        elevenMinutesAgo,
      );
      const code = codeIn((await smsOf(organization))[0]?.body);
      const late = await post(organization, '/api/auth/password-reset/confirm', {
        phone: '+79990000002',
        code,
        newPassword: NEW_PASSWORD,
      });
      expect(late.statusCode).toBe(410);
    });

    it('sends nothing to an unknown number and limits codes per number', async () => {
      const organization = await createOrganization(t.ctx);
      await createCustomer(organization, '+79990000003');
      const unknown = await post(organization, '/api/auth/password-reset/request', {
        login: '+79995550000',
      });
      expect(unknown.statusCode).toBe(202);
      expect(await smsOf(organization)).toEqual([]);

      for (let i = 0; i < 3; i++) {
        const response = await post(organization, '/api/auth/password-reset/request', {
          login: '+79990000003',
        });
        expect(response.statusCode).toBe(202);
      }
      // One code a minute per number.
      expect(await smsOf(organization)).toHaveLength(1);
    });
  });

  it('the first-administrator form uses the same policy', async () => {
    const organization = await createOrganization(t.ctx);
    const link = await issueFirstAdminLink(t.ctx, organization.id);
    const token = link?.split('/setup/')[1] ?? '';
    const response = await post(organization, `/api/setup/${token}`, {
      displayName: 'Владелец',
      email: 'owner@example.com',
      password: 'qwerty123456',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'password_rejected',
      details: { problems: ['too_common'] },
    });
  });

  describe('live password check', () => {
    it("lists the rules a password breaks, with the organization's minimum length", async () => {
      const organization = await createOrganization(t.ctx);
      const check = (password: string, login?: string) =>
        post(organization, '/api/auth/password-check', { password, login });
      expect((await check('корова пасётся на лугу')).json()).toEqual({ ok: true, problems: [] });
      expect((await check('short')).json()).toEqual({ ok: false, problems: ['too_short'] });
      expect((await check('1q2w3e4r5t')).json()).toEqual({ ok: false, problems: ['too_common'] });
      expect((await check(' padded password ')).json()).toEqual({
        ok: false,
        problems: ['surrounding_whitespace'],
      });
      expect(
        (await check('anna.smirnova@example.com', 'Anna.Smirnova@example.com')).json(),
      ).toEqual({ ok: false, problems: ['contains_login'] });
    });
  });
});

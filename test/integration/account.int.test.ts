import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import {
  mailOutbox,
  securityAudit,
  sessions,
  signInEvents,
  smsOutbox,
  users,
} from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  createOrganization,
  createUser,
  hostOf,
  signInAs,
  TEST_PASSWORD,
} from '../helpers/factories.js';

type ErrorBody = { error: { code: string; details?: unknown } };
type Headers = Awaited<ReturnType<typeof signInAs>>;

const NEW_PASSWORD = 'совсем другой пароль';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('profile and settings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  let nextAddress = 0;
  const address = () => {
    nextAddress++;
    return `10.40.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
  };
  const send = (
    method: 'POST' | 'PUT' | 'GET',
    url: string,
    headers: Headers | { host: string },
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      headers,
      remoteAddress: address(),
      ...(payload ? { payload } : {}),
    });

  async function signedInCustomer(organization?: Organization) {
    const org = organization ?? (await createOrganization(t.ctx));
    const user = await createUser(t.ctx, org, { role: null });
    await t.ctx.db.update(users).set({ accessOpenedAt: new Date() }).where(eq(users.id, user.id));
    const headers = await signInAs(t.app, org, user.email);
    return { organization: org, user, headers };
  }
  const auditOf = (userId: string, action: string) =>
    t.ctx.db
      .select()
      .from(securityAudit)
      .where(and(eq(securityAudit.subjectId, userId), eq(securityAudit.action, action)));
  const userRow = async (id: string) => {
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, id));
    return row;
  };

  describe('change password', () => {
    it('needs the current password', async () => {
      const { headers } = await signedInCustomer();
      const response = await send('POST', '/api/account/password', headers, {
        currentPassword: 'not my password',
        newPassword: NEW_PASSWORD,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().error.code).toBe('invalid_current_password');
    });

    it('refuses a new password that breaks the policy', async () => {
      const { headers } = await signedInCustomer();
      const response = await send('POST', '/api/account/password', headers, {
        currentPassword: TEST_PASSWORD,
        newPassword: 'йцукенгшщз',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<ErrorBody>().error).toMatchObject({
        code: 'password_rejected',
        details: { problems: ['too_common'] },
      });
    });

    it('signs out the other devices by default and keeps this one', async () => {
      const { organization, user, headers } = await signedInCustomer();
      await signInAs(t.app, organization, user.email);
      const response = await send('POST', '/api/account/password', headers, {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ signedOutSessions: 1 });
      const rows = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
      expect(rows).toHaveLength(2);
      expect(rows.filter((s) => s.endedReason === 'password_changed')).toHaveLength(1);
      expect(rows.filter((s) => s.endedAt === null)).toHaveLength(1);
      expect((await send('GET', '/api/account/sign-ins', headers)).statusCode).toBe(200);
      await signInAs(t.app, organization, user.email, NEW_PASSWORD);
      expect(await auditOf(user.id, 'password.changed')).toHaveLength(1);
    });

    it('keeps the other devices when asked to', async () => {
      const { organization, user, headers } = await signedInCustomer();
      await signInAs(t.app, organization, user.email);
      const response = await send('POST', '/api/account/password', headers, {
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        signOutOtherDevices: false,
      });
      expect(response.json()).toEqual({ signedOutSessions: 0 });
    });

    it('needs a signed-in person', async () => {
      const organization = await createOrganization(t.ctx);
      const response = await send(
        'POST',
        '/api/account/password',
        { host: hostOf(organization) },
        { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      );
      expect(response.statusCode).toBe(401);
    });
  });

  describe('change email', () => {
    it('confirms the new address by link, tells the old one, and keeps the same account', async () => {
      const { organization, user, headers } = await signedInCustomer();
      const response = await send('POST', '/api/account/email', headers, {
        currentPassword: TEST_PASSWORD,
        newEmail: ' New.Address@Example.com ',
      });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ sentTo: 'new.address@example.com' });

      const mails = await t.ctx.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.organizationId, organization.id));
      const confirm = mails.find((m) => m.template === 'email_change_confirm');
      const notice = mails.find((m) => m.template === 'email_change_notice');
      expect(confirm?.toAddress).toBe('new.address@example.com');
      expect(notice?.toAddress).toBe(user.email);
      expect(notice?.textBody).toContain('new.address@example.com');
      expect(notice?.textBody).not.toContain('token=');
      const token = /confirm-email\?token=([\w-]+)/.exec(confirm?.textBody ?? '')?.[1] ?? '';
      expect((await userRow(user.id))?.email).toBe(user.email);

      const confirmed = await send(
        'POST',
        '/api/account/email/confirm',
        { host: hostOf(organization) },
        { token },
      );
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toEqual({ email: 'new.address@example.com' });
      expect((await userRow(user.id))?.email).toBe('new.address@example.com');
      await signInAs(t.app, organization, 'new.address@example.com');
      await expect(signInAs(t.app, organization, user.email)).rejects.toThrow();
      expect(await auditOf(user.id, 'email.changed')).toHaveLength(1);

      const reused = await send(
        'POST',
        '/api/account/email/confirm',
        { host: hostOf(organization) },
        { token },
      );
      expect(reused.statusCode).toBe(410);
    });

    it('refuses an address another account uses, and a wrong current password', async () => {
      const { organization, headers } = await signedInCustomer();
      const other = await createUser(t.ctx, organization, { role: null });
      const taken = await send('POST', '/api/account/email', headers, {
        currentPassword: TEST_PASSWORD,
        newEmail: other.email,
      });
      expect(taken.statusCode).toBe(409);
      expect(taken.json<ErrorBody>().error.code).toBe('email_taken');
      const wrong = await send('POST', '/api/account/email', headers, {
        currentPassword: 'wrong password here',
        newEmail: 'free@example.com',
      });
      expect(wrong.statusCode).toBe(403);
    });
  });

  describe('change phone', () => {
    it('confirms the new number with an SMS code', async () => {
      const { organization, user, headers } = await signedInCustomer();
      const response = await send('POST', '/api/account/phone', headers, {
        currentPassword: TEST_PASSWORD,
        newPhone: '8 912 345-67-89',
      });
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ sentTo: '+79123456789' });
      const [sms] = await t.ctx.db
        .select()
        .from(smsOutbox)
        .where(eq(smsOutbox.organizationId, organization.id));
      expect(sms?.toPhone).toBe('+79123456789');
      const code = /\b(\d{6})\b/.exec(sms?.body ?? '')?.[1] ?? '';

      const wrong = await send('POST', '/api/account/phone/confirm', headers, {
        phone: '+79123456789',
        code: code === '000000' ? '111111' : '000000',
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json<ErrorBody>().error.code).toBe('code_invalid');

      const right = await send('POST', '/api/account/phone/confirm', headers, {
        phone: '+7 912 345 67 89',
        code,
      });
      expect(right.statusCode).toBe(200);
      expect(right.json()).toEqual({ phone: '+79123456789' });
      expect((await userRow(user.id))?.phone).toBe('+79123456789');
      expect(await auditOf(user.id, 'phone.changed')).toHaveLength(1);
    });

    it('refuses a number another account uses', async () => {
      const { organization, headers } = await signedInCustomer();
      const other = await createUser(t.ctx, organization, { role: null });
      await t.ctx.db.update(users).set({ phone: '+79120000000' }).where(eq(users.id, other.id));
      const response = await send('POST', '/api/account/phone', headers, {
        currentPassword: TEST_PASSWORD,
        newPhone: '+79120000000',
      });
      expect(response.statusCode).toBe(409);
      expect(response.json<ErrorBody>().error.code).toBe('phone_taken');
    });
  });

  it('sets the language', async () => {
    const { user, headers } = await signedInCustomer();
    const response = await send('PUT', '/api/account/locale', headers, { locale: 'en' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ locale: 'en' });
    expect((await userRow(user.id))?.locale).toBe('en');
    expect(await auditOf(user.id, 'locale.changed')).toHaveLength(1);
  });

  it("lists the account's own sign-in history with devices, newest first", async () => {
    const { organization, user, headers } = await signedInCustomer();
    const other = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db.insert(signInEvents).values([
      {
        organizationId: organization.id,
        userId: user.id,
        result: 'invalid_credentials',
        ip: '203.0.113.7',
        userAgent: CHROME_WINDOWS,
        createdAt: new Date(Date.now() + 60_000),
      },
      {
        organizationId: organization.id,
        userId: other.id,
        result: 'success',
        ip: '203.0.113.8',
        userAgent: CHROME_WINDOWS,
      },
    ]);
    const response = await send('GET', '/api/account/sign-ins?limit=10', headers);
    expect(response.statusCode).toBe(200);
    const { events } = response.json<{
      events: { result: string; ip: string; device: string; at: string }[];
    }>();
    expect(events[0]).toMatchObject({
      result: 'invalid_credentials',
      ip: '203.0.113.7',
      device: 'Chrome 131 · Windows 10',
    });
    expect(events.some((e) => e.ip === '203.0.113.8')).toBe(false);
  });
});

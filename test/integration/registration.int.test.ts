import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { invalidateOrganizationDirectory } from '../../src/server/modules/orgs/orgs.service.js';
import { mailOutbox, organizations, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { quickCaptcha } from '../helpers/captcha.js';
import {
  createOrganization,
  createUser,
  hostOf,
  signInAs,
  TEST_PASSWORD,
} from '../helpers/factories.js';

type ErrorBody = { error: { code: string; details?: unknown } };

const PASSWORD = 'пароль для регистрации';

describe('self-registration', () => {
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
    return `10.50.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
  };
  const post = (organization: Organization, url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { host: hostOf(organization) },
      remoteAddress: address(),
      payload,
    });

  async function openOrganization() {
    const organization = await createOrganization(t.ctx);
    await t.ctx.db
      .update(organizations)
      .set({ selfRegistration: true })
      .where(eq(organizations.id, organization.id));
    invalidateOrganizationDirectory();
    return organization;
  }
  const registration = async (email: string, password = PASSWORD) => ({
    displayName: 'Анна Кузнецова',
    email,
    password,
    captcha: await quickCaptcha(t.ctx),
  });
  const mailsTo = (organization: Organization, address: string) =>
    t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.organizationId, organization.id), eq(mailOutbox.toAddress, address)),
      );
  const usersWith = (organization: Organization, email: string) =>
    t.ctx.db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, organization.id), eq(users.email, email)));

  it('is closed unless the organization switches it on', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await post(
      organization,
      '/api/auth/register',
      await registration('anna@example.com'),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json<ErrorBody>().error.code).toBe('registration_closed');
    expect(await usersWith(organization, 'anna@example.com')).toEqual([]);
  });

  it('needs a captcha', async () => {
    const organization = await openOrganization();
    const body: Partial<Awaited<ReturnType<typeof registration>>> =
      await registration('anna@example.com');
    delete body.captcha;
    const response = await post(organization, '/api/auth/register', body);
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error.code).toBe('captcha_required');
  });

  it('opens access once the address is confirmed by the emailed link', async () => {
    const organization = await openOrganization();
    const response = await post(
      organization,
      '/api/auth/register',
      await registration(' Anna@Example.com'),
    );
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ accepted: true });
    const [user] = await usersWith(organization, 'anna@example.com');
    expect(user).toMatchObject({ displayName: 'Анна Кузнецова', staffRole: null });
    expect(user?.accessOpenedAt).toBeNull();
    await expect(signInAs(t.app, organization, 'anna@example.com', PASSWORD)).rejects.toThrow(
      'access_not_opened',
    );

    const [mail] = await mailsTo(organization, 'anna@example.com');
    expect(mail?.template).toBe('registration_confirm');
    const token = /confirm-registration\?token=([\w-]+)/.exec(mail?.textBody ?? '')?.[1] ?? '';
    const confirmed = await post(organization, '/api/auth/register/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ login: 'anna@example.com' });
    await signInAs(t.app, organization, 'anna@example.com', PASSWORD);

    const again = await post(organization, '/api/auth/register/confirm', { token });
    expect(again.statusCode).toBe(410);
  });

  it('answers the same for an address with an account, and emails that address a notice', async () => {
    const organization = await openOrganization();
    const existing = await createUser(t.ctx, organization, { role: null });
    const fresh = await post(
      organization,
      '/api/auth/register',
      await registration('someone.new@example.com'),
    );
    const taken = await post(
      organization,
      '/api/auth/register',
      await registration(existing.email),
    );
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(await usersWith(organization, existing.email)).toHaveLength(1);
    const [notice] = await mailsTo(organization, existing.email);
    expect(notice?.template).toBe('registration_exists');
    expect(notice?.textBody).not.toContain('token=');
    // The existing password still works; the one typed in the form does not.
    await t.ctx.db
      .update(users)
      .set({ accessOpenedAt: new Date() })
      .where(eq(users.id, existing.id));
    await signInAs(t.app, organization, existing.email, TEST_PASSWORD);
    await expect(signInAs(t.app, organization, existing.email, PASSWORD)).rejects.toThrow();
  });

  it('refuses a password that breaks the policy', async () => {
    const organization = await openOrganization();
    const response = await post(
      organization,
      '/api/auth/register',
      await registration('weak@example.com', 'password123'),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'password_rejected',
      details: { problems: ['too_common'] },
    });
  });

  it('lets the owner of an address take back a registration someone else started', async () => {
    const organization = await openOrganization();
    await post(organization, '/api/auth/register', await registration('victim@example.com'));
    const reset = await post(organization, '/api/auth/password-reset/request', {
      login: 'victim@example.com',
    });
    expect(reset.statusCode).toBe(202);
    const mails = await mailsTo(organization, 'victim@example.com');
    const link = mails.find((m) => m.template === 'password_reset');
    const token = /reset-password\?token=([\w-]+)/.exec(link?.textBody ?? '')?.[1] ?? '';
    const confirm = await post(organization, '/api/auth/password-reset/confirm', {
      token,
      newPassword: 'пароль настоящего владельца',
    });
    expect(confirm.statusCode).toBe(200);
    await signInAs(t.app, organization, 'victim@example.com', 'пароль настоящего владельца');
    await expect(signInAs(t.app, organization, 'victim@example.com', PASSWORD)).rejects.toThrow();
  });
});

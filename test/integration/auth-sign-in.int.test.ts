import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { accountBlocks, signInEvents, users } from '../../src/server/schema.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { organizations } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, TEST_PASSWORD } from '../helpers/factories.js';

const randomIp = () => `10.${[...randomBytes(3)].join('.')}`;
type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

describe('sign-in by login', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const signIn = (
    organization: Organization,
    login: string,
    password: string,
    options: {
      ip?: string;
      signOutOtherDevices?: boolean;
      remember?: boolean;
      headers?: Record<string, string>;
    } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: options.ip ?? randomIp(),
      headers: { host: hostOf(organization), ...options.headers },
      payload: {
        login,
        password,
        signOutOtherDevices: options.signOutOtherDevices ?? false,
        remember: options.remember ?? false,
      },
    });
  const cookieOf = (response: Awaited<ReturnType<typeof signIn>>) =>
    `kabinet_session=${response.cookies.find((c) => c.name === 'kabinet_session')?.value ?? ''}`;

  it('accepts a phone in any notation and a personal code typed with a dash in lower case', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db
      .update(users)
      .set({ phone: '+79161234567', personalCode: 'K7QX4MPT' })
      .where(eq(users.id, user.id));
    for (const login of ['8 (916) 123-45-67', '+7 916 123 45 67', 'k7qx-4mpt', '  K7QX4MPT ']) {
      const response = await signIn(organization, login, TEST_PASSWORD);
      expect(response.statusCode, login).toBe(200);
      expect(response.json()).toMatchObject({ account: { id: user.id, personalCode: 'K7QX4MPT' } });
    }
  });

  it('locks a login after 10 failures for a minute, counting case and spacing variants together', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization, { email: 'locked@example.com' });
    const variants = [
      'locked@example.com',
      'LOCKED@example.com',
      ' locked@example.com ',
      'locked@EXAMPLE.com',
    ];
    for (let i = 0; i < 10; i++) {
      const response = await signIn(
        organization,
        variants[i % variants.length] ?? '',
        'wrong password',
      );
      expect(response.statusCode).toBe(401);
    }
    // Even the right password is refused now, from any address: the lock is the account's.
    const locked = await signIn(organization, user.email, TEST_PASSWORD, {
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json<ErrorBody>().error.code).toBe('too_many_attempts');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    expect((await signIn(organization, user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('doubles the lock after it expires, and a success resets the count', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization);
    for (let i = 0; i < 9; i++) await signIn(organization, user.email, 'wrong');
    expect((await signIn(organization, user.email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) await signIn(organization, user.email, 'wrong');
    expect((await signIn(organization, user.email, 'wrong')).statusCode).toBe(401);
    expect((await signIn(organization, user.email, TEST_PASSWORD)).statusCode).toBe(429);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    expect((await signIn(organization, user.email, 'wrong')).statusCode).toBe(401);
    const second = await signIn(organization, user.email, TEST_PASSWORD);
    expect(second.statusCode).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(60);
  });

  it('locks an unknown login the same way, so a lockout reveals nothing', async () => {
    const organization = await createOrganization(t.ctx);
    for (let i = 0; i < 10; i++) await signIn(organization, 'nobody@example.com', 'wrong');
    const response = await signIn(organization, 'nobody@example.com', 'wrong');
    expect(response.statusCode).toBe(429);
  });

  it('asks for a captcha after repeated failures from one address, whatever the login', async () => {
    const organization = await createOrganization(t.ctx);
    const ip = randomIp();
    for (let i = 0; i < 4; i++) {
      const early = await signIn(organization, `guess${i}@example.com`, 'wrong', { ip });
      expect(early.json<ErrorBody>().error.details).toBeUndefined();
    }
    // The fifth failure already tells the form to show the captcha.
    const fifth = await signIn(organization, 'guess4@example.com', 'wrong', { ip });
    expect(fifth.json<ErrorBody>().error).toMatchObject({
      code: 'invalid_credentials',
      details: { captchaRequired: true },
    });
    const response = await signIn(organization, 'guess9@example.com', 'wrong', { ip });
    expect(response.json<ErrorBody>().error.code).toBe('captcha_required');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: ip,
      headers: { host: hostOf(organization) },
      payload: { login: 'guess9@example.com', password: 'wrong', captcha: 'bm90IGEgc29sdXRpb24=' },
    });
    expect(forged.json<ErrorBody>().error.code).toBe('captcha_invalid');
  });

  it('tells the block reasons only after the right password, and lifts an expired block', async () => {
    const organization = await createOrganization(t.ctx);
    await t.ctx.db
      .update(organizations)
      .set({ supportEmail: 'help@club.example' })
      .where(eq(organizations.id, organization.id));
    const user = await createUser(t.ctx, organization, { role: null });
    const until = new Date(Date.now() + 86_400_000);
    await t.ctx.db.insert(accountBlocks).values([
      {
        organizationId: organization.id,
        userId: user.id,
        reason: 'suspicious_activity',
        endsAt: until,
      },
      {
        organizationId: organization.id,
        userId: user.id,
        reason: 'staff_decision',
        endsAt: new Date(Date.now() - 1000),
      },
    ]);
    const wrong = await signIn(organization, user.email, 'wrong');
    expect(wrong.json<ErrorBody>().error.code).toBe('invalid_credentials');
    const right = await signIn(organization, user.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json<ErrorBody>().error).toMatchObject({
      code: 'account_blocked',
      details: {
        reasons: [{ code: 'suspicious_activity', until: until.toISOString() }],
        login: user.email,
        support: { email: 'help@club.example', phone: null },
      },
    });
  });

  it('stops an open session the moment its access period ends', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization, { role: null });
    const signedIn = await signIn(organization, user.email, TEST_PASSWORD);
    const headers = { host: hostOf(organization), cookie: cookieOf(signedIn) };
    expect((await t.app.inject({ url: '/api/auth/sessions', headers })).statusCode).toBe(200);
    await t.ctx.db
      .update(users)
      .set({ accessValidUntil: new Date(Date.now() - 1) })
      .where(eq(users.id, user.id));
    const after = await t.app.inject({ url: '/api/auth/sessions', headers });
    expect(after.statusCode).toBe(403);
    expect(after.json<ErrorBody>().error.details).toMatchObject({
      reasons: [{ code: 'access_period_ended' }],
    });
  });

  it('lists my devices, ends one, and ends all the others', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization);
    const phone = await signIn(organization, user.email, TEST_PASSWORD, {
      headers: {
        'user-agent':
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      },
    });
    const laptop = await signIn(organization, user.email, TEST_PASSWORD);
    const tablet = await signIn(organization, user.email, TEST_PASSWORD);
    const headers = { host: hostOf(organization), cookie: cookieOf(laptop) };
    const listed = (await t.app.inject({ url: '/api/auth/sessions', headers })).json<{
      sessions: { id: string; current: boolean; device: string }[];
    }>();
    expect(listed.sessions).toHaveLength(3);
    expect(listed.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(listed.sessions.map((s) => s.device)).toContain('Mobile Safari 17 · Apple iPhone');

    const phoneId = phone.json<{ session: { id: string } }>().session.id;
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${phoneId}`, headers }))
        .statusCode,
    ).toBe(204);
    const phoneAfter = await t.app.inject({
      url: '/api/auth/sessions',
      headers: { host: hostOf(organization), cookie: cookieOf(phone) },
    });
    expect(phoneAfter.json<ErrorBody>().error.code).toBe('session_ended');

    const revoked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sessions/revoke-others',
      headers,
    });
    expect(revoked.json()).toEqual({ ended: 1 });
    expect(
      (
        await t.app.inject({
          url: '/api/auth/sessions',
          headers: { host: hostOf(organization), cookie: cookieOf(tablet) },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ url: '/api/auth/sessions', headers })).json<{ sessions: unknown[] }>()
        .sessions,
    ).toHaveLength(1);
  });

  it('with a session limit of 1, lists the other device and signs in after signing it out', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db.update(users).set({ sessionLimit: 1 }).where(eq(users.id, user.id));
    const first = await signIn(organization, user.email, TEST_PASSWORD);
    const refused = await signIn(organization, user.email, TEST_PASSWORD);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error).toMatchObject({
      code: 'session_limit_reached',
      details: { limit: 1 },
    });
    expect(
      (refused.json<ErrorBody>().error.details as { sessions: unknown[] }).sessions,
    ).toHaveLength(1);
    const wrongPassword = await signIn(organization, user.email, 'wrong', {
      signOutOtherDevices: true,
    });
    expect(wrongPassword.statusCode).toBe(401);

    const second = await signIn(organization, user.email, TEST_PASSWORD, {
      signOutOtherDevices: true,
    });
    expect(second.statusCode).toBe(200);
    const firstAfter = await t.app.inject({
      url: '/api/auth/session',
      headers: { host: hostOf(organization), cookie: cookieOf(first) },
    });
    expect(firstAfter.statusCode).toBe(401);
    expect(firstAfter.json<ErrorBody>().error.code).toBe('signed_out_elsewhere');
  });

  it('keeps a "remember me" cookie across browser restarts and a plain one for the browser session', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization);
    const plain = await signIn(organization, user.email, TEST_PASSWORD);
    expect(plain.cookies.find((c) => c.name === 'kabinet_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    expect(plain.cookies.find((c) => c.name === 'kabinet_session')?.maxAge).toBeUndefined();
    const remembered = await signIn(organization, user.email, TEST_PASSWORD, { remember: true });
    expect(remembered.cookies.find((c) => c.name === 'kabinet_session')?.maxAge).toBe(30 * 86_400);
  });

  it('records each attempt in the account sign-in history', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization);
    await signIn(organization, user.email, 'wrong');
    await signIn(organization, user.email, TEST_PASSWORD);
    const events = await t.ctx.db
      .select()
      .from(signInEvents)
      .where(eq(signInEvents.userId, user.id));
    expect(events.map((e) => e.result).sort()).toEqual(['invalid_credentials', 'success']);
  });
});

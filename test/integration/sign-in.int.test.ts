import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, TEST_PASSWORD } from '../helpers/factories.js';

describe('sign-in and sign-out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (organization: Organization, email: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { host: hostOf(organization) },
      payload: { login: email, password },
    });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization);

    const wrongPassword = await signIn(organization, user.email, 'not the password');
    const unknownEmail = await signIn(organization, 'nobody@example.com', TEST_PASSWORD);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Неверный логин или пароль.' },
    });
    expect(unknownEmail.body).toBe(wrongPassword.body);
    expect(wrongPassword.cookies.find((c) => c.name === 'kabinet_session')).toBeUndefined();
  });

  it('matches the email ignoring case, pasted invisible characters and surrounding spaces', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization, { email: 'Irina.Volkova@Example.com' });
    expect(user.email).toBe('irina.volkova@example.com');

    for (const typed of [
      'IRINA.VOLKOVA@EXAMPLE.COM',
      '  irina.volkova@example.com\t',
      '\u200Birina.volkova@exam\u200Dple.com\u2060',
      '\uFEFFirina.volkova@example.com\u00A0',
      'ｉｒｉｎａ.volkova@example.com',
    ]) {
      const response = await signIn(organization, typed, TEST_PASSWORD);
      expect(response.statusCode, JSON.stringify(typed)).toBe(200);
      expect(response.json()).toMatchObject({ account: { id: user.id } });
    }
  });

  it('does not sign in to an account of another organization', async () => {
    const organization = await createOrganization(t.ctx);
    const other = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization);
    const response = await signIn(other, user.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(401);
  });

  it('ends the session on sign-out, so the cookie no longer works', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await createUser(t.ctx, organization);
    const response = await signIn(organization, user.email, TEST_PASSWORD);
    const token = response.cookies.find((c) => c.name === 'kabinet_session')?.value;
    expect(token).toBeTruthy();
    const headers = { host: hostOf(organization), cookie: `kabinet_session=${token ?? ''}` };
    expect((await t.app.inject({ url: '/api/staff/outbox', headers })).statusCode).toBe(200);

    const signOut = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(signOut.statusCode).toBe(204);
    const cleared = signOut.cookies.find((c) => c.name === 'kabinet_session');
    expect(cleared?.value).toBe('');

    expect((await t.app.inject({ url: '/api/staff/outbox', headers })).statusCode).toBe(401);
    const session = await t.app.inject({ url: '/api/auth/session', headers });
    expect(session.json()).toMatchObject({ account: null });
  });
});

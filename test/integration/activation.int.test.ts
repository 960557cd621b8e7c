import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  issueAccessSheet,
  issueActivationLink,
} from '../../src/server/modules/access/invitations.service.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { securityAudit, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, signInAs } from '../helpers/factories.js';

type ErrorBody = { error: { code: string; details?: { problems?: string[] } } };

const NEW_PASSWORD = 'мой собственный пароль';

describe('activation (invitations and access sheets)', () => {
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
    return `10.30.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
  };
  const activate = (organization: Organization, token: string, newPassword = NEW_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/activate',
      headers: { host: hostOf(organization) },
      remoteAddress: address(),
      payload: { token, newPassword },
    });
  const status = (organization: Organization, token: string) =>
    t.app.inject({
      url: `/api/auth/activate/${encodeURIComponent(token)}`,
      headers: { host: hostOf(organization) },
      remoteAddress: address(),
    });

  /** A customer staff created: no access opened yet, and a password nobody knows. */
  async function invitee(organization: Organization) {
    const user = await createUser(t.ctx, organization, { role: null, name: 'Пётр Сергеевич' });
    const [row] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
    if (!row) throw new Error('no user');
    return row;
  }

  async function linkFor(user: typeof users.$inferSelect, now = new Date()) {
    const { link } = await t.ctx.db.transaction((tx) => issueActivationLink(t.ctx, tx, user, now));
    const token = new URL(link).searchParams.get('token');
    if (!token) throw new Error(`no token in ${link}`);
    return token;
  }

  it('turns an invitation link into the person’s own password, without signing in', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await invitee(organization);
    const token = await linkFor(user);

    const check = await status(organization, token);
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({ displayName: 'Пётр Сергеевич', login: user.email });

    const response = await activate(organization, token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ login: user.email });
    expect(response.cookies).toEqual([]);

    const [after] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.accessOpenedAt).toBeInstanceOf(Date);
    await signInAs(t.app, organization, user.email ?? '', NEW_PASSWORD);
    const audit = await t.ctx.db
      .select()
      .from(securityAudit)
      .where(
        and(eq(securityAudit.subjectId, user.id), eq(securityAudit.action, 'account.activated')),
      );
    expect(audit).toHaveLength(1);

    const again = await activate(organization, token, 'другой пароль для проверки');
    expect(again.statusCode).toBe(410);
    expect(again.json<ErrorBody>().error.code).toBe('link_invalid');
    expect((await status(organization, token)).statusCode).toBe(410);
  });

  it('accepts an access-sheet code as people type it, and spends the emailed link too', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await invitee(organization);
    const token = await linkFor(user);
    const sheet = await t.ctx.db.transaction((tx) =>
      issueAccessSheet(t.ctx, tx, user, organization, new Date()),
    );
    expect(sheet.activationCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const typed = ` ${sheet.activationCode.toLowerCase().replace('-', ' - ')} `;

    expect((await status(organization, typed)).json()).toEqual({
      displayName: 'Пётр Сергеевич',
      login: user.email,
    });
    expect((await activate(organization, typed)).statusCode).toBe(200);
    expect((await activate(organization, token)).statusCode).toBe(410);
  });

  it('refuses a link older than seven days and a link of another organization', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await invitee(organization);
    const old = await linkFor(user, new Date(Date.now() - 8 * 86_400_000));
    expect((await activate(organization, old)).statusCode).toBe(410);

    const fresh = await linkFor(user);
    const other = await createOrganization(t.ctx);
    expect((await activate(other, fresh)).statusCode).toBe(410);
    expect((await status(other, fresh)).statusCode).toBe(410);
  });

  it('refuses a password that breaks the policy and keeps the link usable', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await invitee(organization);
    const token = await linkFor(user);
    const weak = await activate(organization, token, user.email ?? '');
    expect(weak.statusCode).toBe(400);
    expect(weak.json<ErrorBody>().error).toMatchObject({
      code: 'password_rejected',
      details: { problems: expect.arrayContaining(['contains_login']) as unknown },
    });
    expect((await activate(organization, token)).statusCode).toBe(200);
  });

  it('lets exactly one of two concurrent activations succeed', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await invitee(organization);
    const token = await linkFor(user);
    const results = await Promise.all([
      activate(organization, token),
      activate(organization, token, 'второй пароль для гонки'),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
  });

  it('keeps the date staff opened access', async () => {
    const organization = await createOrganization(t.ctx);
    const user = await invitee(organization);
    const opened = new Date('2026-01-15T09:00:00Z');
    await t.ctx.db.update(users).set({ accessOpenedAt: opened }).where(eq(users.id, user.id));
    expect((await activate(organization, await linkFor(user))).statusCode).toBe(200);
    const [after] = await t.ctx.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.accessOpenedAt?.toISOString()).toBe(opened.toISOString());
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFirstAdminLink } from '../../src/server/modules/access/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { mailOutbox, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, hostOf } from '../helpers/factories.js';

type ErrorBody = { error: { code: string } };

const OWNER = {
  displayName: 'Ольга Николаевна Петрова',
  email: 'olga@example.com',
  password: 'длинный пароль владельца',
};

describe('first-administrator setup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function issueToken(organization: Organization) {
    const link = await issueFirstAdminLink(t.ctx, organization.id);
    if (!link) throw new Error('no link issued');
    const [, token] = link.split('/setup/');
    if (!token) throw new Error(`unexpected link ${link}`);
    return { link, token };
  }

  // Setup is rate-limited per client address; each organization posts from its own address.
  const addresses = new Map<string, string>();
  const addressOf = (organization: Organization) => {
    let address = addresses.get(organization.id);
    if (!address) {
      address = `10.0.${Math.floor(addresses.size / 250)}.${(addresses.size % 250) + 1}`;
      addresses.set(organization.id, address);
    }
    return address;
  };

  const postSetup = (
    organization: Organization,
    token: string,
    payload: Record<string, string> = OWNER,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/setup/${token}`,
      headers: { host: hostOf(organization), ...headers },
      remoteAddress: addressOf(organization),
      payload,
    });

  const usersOf = (organization: Organization) =>
    t.ctx.db.select().from(users).where(eq(users.organizationId, organization.id));
  const outboxOf = (organization: Organization) =>
    t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.organizationId, organization.id));

  it('issues a link under the public URL that names the organization', async () => {
    const organization = await createOrganization(t.ctx, 'Школа танцев «Ритм»');
    const { link, token } = await issueToken(organization);
    expect(link).toBe(`http://kabinet.test/setup/${token}`);

    const response = await t.app.inject({
      url: `/api/setup/${token}`,
      headers: { host: hostOf(organization) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ organization: { name: 'Школа танцев «Ритм»' } });
  });

  it('creates the owner, signs them in and refuses the same link afterwards', async () => {
    const organization = await createOrganization(t.ctx);
    const { token } = await issueToken(organization);

    const response = await postSetup(organization, token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      organization: { id: organization.id },
      user: { email: OWNER.email, displayName: OWNER.displayName, staffRole: 'owner' },
    });
    const cookie = response.cookies.find((c) => c.name === 'kabinet_session');
    expect(cookie?.httpOnly).toBe(true);

    const session = await t.app.inject({
      url: '/api/auth/session',
      headers: { host: hostOf(organization), cookie: `kabinet_session=${cookie?.value ?? ''}` },
    });
    expect(session.json()).toMatchObject({ account: { email: OWNER.email, staffRole: 'owner' } });

    const again = await postSetup(organization, token, { ...OWNER, email: 'second@example.com' });
    expect(again.statusCode).toBe(410);
    expect(again.json<ErrorBody>().error.code).toBe('link_invalid');
    const check = await t.app.inject({
      url: `/api/setup/${token}`,
      headers: { host: hostOf(organization) },
    });
    expect(check.statusCode).toBe(410);
    expect(await usersOf(organization)).toHaveLength(1);
  });

  it('invalidates the previous link when a new one is issued', async () => {
    const organization = await createOrganization(t.ctx);
    const first = await issueToken(organization);
    const second = await issueToken(organization);
    expect(second.token).not.toBe(first.token);

    const old = await postSetup(organization, first.token);
    expect(old.statusCode).toBe(410);
    expect(old.json<ErrorBody>().error.code).toBe('link_invalid');
    expect((await postSetup(organization, second.token)).statusCode).toBe(200);
  });

  it('issues no link once the organization has an owner', async () => {
    const organization = await createOrganization(t.ctx);
    const { token } = await issueToken(organization);
    expect((await postSetup(organization, token)).statusCode).toBe(200);
    expect(await issueFirstAdminLink(t.ctx, organization.id)).toBeNull();
  });

  it('refuses a link of another organization', async () => {
    const organization = await createOrganization(t.ctx);
    const other = await createOrganization(t.ctx);
    const { token } = await issueToken(organization);
    const response = await postSetup(other, token);
    expect(response.statusCode).toBe(410);
    expect(await usersOf(other)).toHaveLength(0);
  });

  it('writes the welcome email in the language of the request, with its delivery job', async () => {
    const organization = await createOrganization(t.ctx, 'Robotics Club');
    const { token } = await issueToken(organization);
    const response = await postSetup(organization, token, OWNER, {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(response.statusCode).toBe(200);

    const [message, ...rest] = await outboxOf(organization);
    expect(rest).toHaveLength(0);
    expect(message).toMatchObject({
      toAddress: OWNER.email,
      toName: OWNER.displayName,
      template: 'welcome_owner',
      locale: 'en',
      status: 'pending',
      subject: 'Your "Robotics Club" portal is ready',
    });
    const { rows } = await t.ctx.database.executor.executeSql(
      `select name from pgboss.job where data->>'outboxId' = $1`,
      [message?.id],
    );
    expect(rows).toEqual([{ name: 'mail.deliver' }]);
  });

  it('writes nothing when the form is invalid, and the link stays usable', async () => {
    const organization = await createOrganization(t.ctx);
    const { token } = await issueToken(organization);

    const invalid = await postSetup(organization, token, { ...OWNER, password: 'short' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<ErrorBody>().error).toMatchObject({
      code: 'password_rejected',
      details: { problems: ['too_short'] },
    });
    expect(await usersOf(organization)).toHaveLength(0);
    expect(await outboxOf(organization)).toHaveLength(0);

    expect((await postSetup(organization, token)).statusCode).toBe(200);
  });

  it('rolls everything back when the email is taken, and the link stays usable', async () => {
    const organization = await createOrganization(t.ctx);
    const { token } = await issueToken(organization);
    await t.ctx.db.insert(users).values({
      organizationId: organization.id,
      email: OWNER.email,
      displayName: 'Клиент с тем же адресом',
    });

    const taken = await postSetup(organization, token);
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().error.code).toBe('email_taken');
    expect(await outboxOf(organization)).toHaveLength(0);
    const { rows } = await t.ctx.database.executor.executeSql(
      `select count(*)::int as sessions from sessions where organization_id = $1`,
      [organization.id],
    );
    expect(rows[0]?.sessions).toBe(0);

    const retried = await postSetup(organization, token, { ...OWNER, email: 'other@example.com' });
    expect(retried.statusCode).toBe(200);
    expect(await outboxOf(organization)).toHaveLength(1);
  });

  it('creates exactly one owner when the same link is submitted twice at once', async () => {
    const organization = await createOrganization(t.ctx);
    const { token } = await issueToken(organization);
    const responses = await Promise.all([
      postSetup(organization, token, { ...OWNER, email: 'first@example.com' }),
      postSetup(organization, token, { ...OWNER, email: 'second@example.com' }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    const owners = await usersOf(organization);
    expect(owners).toHaveLength(1);
    expect(await outboxOf(organization)).toHaveLength(1);
  });
});

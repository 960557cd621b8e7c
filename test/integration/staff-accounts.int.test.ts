import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/shared/contracts/session.js';
import type {
  AuditListResponse,
  OpenAccessResponse,
  StaffAccountDetail,
  StaffAccountListResponse,
  StaffAccountSummary,
} from '../../src/shared/contracts/staff-accounts.js';
import { normalizePersonalCode } from '../../src/shared/login.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { mailOutbox, oneTimeTokens, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, TEST_PASSWORD } from '../helpers/factories.js';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
const NEW_PASSWORD = 'a long and quite unusual pass phrase 42';

describe('staff-opened access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const randomIp = () => `10.${[...randomBytes(3)].join('.')}`;

  /** Signs `login` in through the API; returns the headers of that person's later requests. */
  async function signIn(organization: Organization, login: string, password = TEST_PASSWORD) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: randomIp(),
      headers: { host: hostOf(organization) },
      payload: { login, password },
    });
    const cookie = response.cookies.find((c) => c.name === 'kabinet_session');
    return {
      response,
      headers: { host: hostOf(organization), cookie: `kabinet_session=${cookie?.value ?? ''}` },
    };
  }

  async function staffOf(role: StaffRole = 'admin', organization?: Organization) {
    const org = organization ?? (await createOrganization(t.ctx));
    const user = await createUser(t.ctx, org, { role });
    const { response, headers } = await signIn(org, user.email);
    expect(response.statusCode).toBe(200);
    return { organization: org, user, headers };
  }

  const open = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/staff/accounts', headers, payload });

  const activate = (organization: Organization, token: string, newPassword = NEW_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/activate',
      remoteAddress: randomIp(),
      headers: { host: hostOf(organization) },
      payload: { token, newPassword },
    });

  const tokenOf = (link: string) => new URL(link).searchParams.get('token') ?? '';

  it('creates an account, emails a single-use activation link (never a password) and lets the person set their own', async () => {
    const { organization, headers } = await staffOf();
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const response = await open(headers, {
      displayName: 'Мария Иванова',
      email: ' Maria@Example.COM ',
      phone: '8 (900) 123-45-67',
      accessValidUntil: until,
      accessGrantedBy: 'employer',
      sessionLimit: 1,
    });
    expect(response.statusCode).toBe(201);
    const body: OpenAccessResponse = response.json();
    expect(body.created).toBe(true);
    expect(body.account).toMatchObject({
      email: 'maria@example.com',
      phone: '+79001234567',
      status: 'invited',
      activated: false,
      accessGrantedBy: 'employer',
      sessionLimit: 1,
      accessValidUntil: until,
    });
    expect(body.activationLink).toMatch(/^http:\/\/kabinet\.test\/activate\?token=[\w-]{40,}$/);
    expect(body.accessSheet).toBeNull();

    const [mail] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.organizationId, organization.id));
    expect(mail).toMatchObject({ template: 'invitation', toAddress: 'maria@example.com' });
    expect(mail?.id).toBe(body.invitation?.outboxId);
    expect(mail?.textBody).toContain(body.activationLink);
    expect(mail?.subject).toBe('Доступ к личному кабинету «Тестовый центр»');
    expect(mail?.textBody).toContain('Ваш логин: maria@example.com.');

    // Only the hash is stored.
    const tokens = await t.ctx.db
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.userId, body.account.id));
    expect(tokens.map((row) => row.tokenHash)).not.toContain(tokenOf(body.activationLink ?? ''));

    expect((await activate(organization, tokenOf(body.activationLink ?? ''))).statusCode).toBe(200);
    expect((await activate(organization, tokenOf(body.activationLink ?? ''))).statusCode).toBe(410);
    expect(
      (await signIn(organization, 'maria@example.com', NEW_PASSWORD)).response.statusCode,
    ).toBe(200);
  });

  it('generates a personal code and a printed access sheet whose one-time code activates the account', async () => {
    const { organization, headers } = await staffOf();
    const response = await open(headers, {
      displayName: 'Пётр Сидоров',
      phone: '+7 900 555 00 11',
      generatePersonalCode: true,
      accessSheet: true,
    });
    expect(response.statusCode).toBe(201);
    const body: OpenAccessResponse = response.json();
    expect(body.invitation).toBeNull();
    const code = body.account.personalCode ?? '';
    expect(normalizePersonalCode(code)).toBe(code);
    expect(body.accessSheet).toMatchObject({
      displayName: 'Пётр Сидоров',
      personalCode: `${code.slice(0, 4)}-${code.slice(4)}`,
      login: `${code.slice(0, 4)}-${code.slice(4)}`,
      activationUrl: 'http://kabinet.test/activate',
    });
    const firstCode = body.accessSheet?.activationCode ?? '';

    // A reprinted sheet replaces the first code.
    const reprint = await t.app.inject({
      method: 'POST',
      url: `/api/staff/accounts/${body.account.id}/access-sheet`,
      headers,
    });
    expect(reprint.statusCode).toBe(200);
    const secondCode: string = reprint.json<{ accessSheet: { activationCode: string } }>()
      .accessSheet.activationCode;
    expect(secondCode).not.toBe(firstCode);
    expect((await activate(organization, firstCode)).statusCode).toBe(410);
    expect((await activate(organization, secondCode.toLowerCase())).statusCode).toBe(200);
    expect((await signIn(organization, code.toLowerCase(), NEW_PASSWORD)).response.statusCode).toBe(
      200,
    );
  });

  it('opens access for an existing contact instead of creating a second account', async () => {
    const { organization, headers } = await staffOf();
    const first: OpenAccessResponse = (
      await open(headers, { displayName: 'Анна', phone: '+79001112233' })
    ).json();
    const second = await open(headers, {
      displayName: 'Анна Петровна',
      email: 'anna@example.com',
      phone: '89001112233',
    });
    expect(second.statusCode).toBe(201);
    const body: OpenAccessResponse = second.json();
    expect(body.created).toBe(false);
    expect(body.account.id).toBe(first.account.id);
    expect(body.account).toMatchObject({ displayName: 'Анна Петровна', email: 'anna@example.com' });
    expect(body.invitation?.sentTo).toBe('anna@example.com');
    // The first link was replaced by the second.
    expect((await activate(organization, tokenOf(first.activationLink ?? ''))).statusCode).toBe(
      410,
    );
  });

  it('refuses an account that already has access, contacts of two people, and a request without contacts', async () => {
    const { organization, headers } = await staffOf();
    const active = await createUser(t.ctx, organization, { role: null });
    const again = await open(headers, { displayName: 'X', email: active.email });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error).toMatchObject({
      code: 'access_already_open',
      details: { accountId: active.id },
    });

    await open(headers, { displayName: 'Y', phone: '+79005550000' });
    const split = await open(headers, {
      displayName: 'Z',
      email: active.email,
      phone: '+79005550000',
    });
    expect(split.statusCode).toBe(409);
    expect(split.json<ErrorBody>().error.code).toBe('phone_taken');

    const none = await open(headers, { displayName: 'Никто' });
    expect(none.statusCode).toBe(400);
    expect(none.json<ErrorBody>().error.code).toBe('validation_failed');

    const taken = await open(headers, {
      displayName: 'A',
      email: 'a@example.com',
      personalCode: 'DEMA-7946',
    });
    expect(taken.statusCode).toBe(201);
    const clash = await open(headers, {
      displayName: 'B',
      email: 'b@example.com',
      personalCode: 'dema7946',
    });
    expect(clash.json<ErrorBody>().error.code).toBe('personal_code_taken');
  });

  it('lists accounts newest first with search, status filter and pages that neither skip nor repeat', async () => {
    const { headers } = await staffOf();
    const opened: StaffAccountSummary[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      const response = await open(headers, {
        displayName: `Ученик Номер${n}`,
        email: `pupil${n}@example.com`,
        ...(n === 3 ? { phone: '+79007770003', generatePersonalCode: true } : {}),
      });
      opened.push(response.json<OpenAccessResponse>().account);
    }
    const list = async (query: string) =>
      (
        await t.app.inject({ url: `/api/staff/accounts?${query}`, headers })
      ).json<StaffAccountListResponse>();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: StaffAccountListResponse = await list(
        new URLSearchParams({
          limit: '2',
          status: 'invited',
          ...(cursor ? { cursor } : {}),
        }).toString(),
      );
      seen.push(...page.accounts.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 20);
    expect(seen).toEqual(opened.map((a) => a.id).reverse());

    const only = (query: string) => list(query).then((r) => r.accounts.map((a) => a.displayName));
    expect(await only('query=номер3')).toEqual(['Ученик Номер3']);
    expect(await only('query=PUPIL4%40example.com')).toEqual(['Ученик Номер4']);
    expect(await only('query=8%20900%20777-00-03')).toEqual(['Ученик Номер3']);
    expect(await only(`query=${opened[2]?.personalCode?.toLowerCase() ?? ''}`)).toEqual([
      'Ученик Номер3',
    ]);
    expect(await only('query=100%25')).toEqual([]);
    expect(await only('status=active')).toHaveLength(1); // the staff member
    const bad = await t.app.inject({ url: '/api/staff/accounts?cursor=garbage', headers });
    expect(bad.statusCode).toBe(400);
  });

  it('shows an account with its sessions, sign-ins, blocks and audit, and ends its sessions on request', async () => {
    const { organization, headers } = await staffOf();
    const customer = await createUser(t.ctx, organization, { role: null });
    const device = await signIn(organization, customer.email);
    await signIn(organization, customer.email, 'wrong password');

    const detail = async () =>
      (
        await t.app.inject({ url: `/api/staff/accounts/${customer.id}`, headers })
      ).json<StaffAccountDetail>();
    const before = await detail();
    expect(before.account.status).toBe('active');
    expect(before.sessions).toHaveLength(1);
    expect(before.signIns.map((e) => e.result)).toEqual(['invalid_credentials', 'success']);

    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/staff/accounts/${customer.id}/sessions/revoke`,
      headers,
    });
    expect(revoked.json()).toEqual({ ended: 1 });
    const after = await t.app.inject({ url: '/api/auth/session', headers: device.headers });
    expect(after.statusCode).toBe(401);
    const later = await detail();
    expect(later.sessions).toHaveLength(0);
    expect(later.audit.map((a) => a.action)).toContain('sessions.revoked');

    const elsewhere = await createOrganization(t.ctx);
    const stranger = await createUser(t.ctx, elsewhere, { role: null });
    const foreign = await t.app.inject({ url: `/api/staff/accounts/${stranger.id}`, headers });
    expect(foreign.statusCode).toBe(404);
  });

  it('extends and ends the access period, audited, and an ended period closes sign-in', async () => {
    const { organization, headers } = await staffOf();
    const customer = await createUser(t.ctx, organization, { role: null });
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/staff/accounts/${customer.id}`,
        headers,
        payload,
      });
    const until = new Date(Date.now() + 90 * 86_400_000).toISOString();
    const extended = await patch({ accessValidUntil: until, sessionLimit: 2 });
    expect(extended.json<StaffAccountSummary>()).toMatchObject({
      accessValidUntil: until,
      sessionLimit: 2,
    });

    const ended = await patch({ endAccessNow: true, accessGrantedBy: 'employer' });
    expect(ended.json<StaffAccountSummary>().status).toBe('access_ended');
    const refused = await signIn(organization, customer.email);
    expect(refused.response.statusCode).toBe(403);
    expect(refused.response.json<ErrorBody>().error.details?.reasons).toEqual([
      { code: 'employer_access_ended', until: null },
    ]);

    const audit: AuditListResponse = (
      await t.app.inject({ url: `/api/staff/audit?subjectId=${customer.id}&limit=1`, headers })
    ).json();
    expect(audit.entries.map((e) => e.action)).toEqual(['access_period.changed']);
    expect(audit.entries[0]?.details).toMatchObject({ from: until, grantedBy: 'employer' });
    expect(audit.entries[0]?.actor?.displayName).toBe('Тестовый пользователь');
    expect(audit.nextCursor).not.toBeNull();
    const rest: AuditListResponse = (
      await t.app.inject({
        url: `/api/staff/audit?subjectId=${customer.id}&cursor=${audit.nextCursor ?? ''}`,
        headers,
      })
    ).json();
    // The first PATCH wrote both entries in one transaction, so they share a time.
    expect(rest.entries.map((e) => e.action).sort()).toEqual([
      'access_period.changed',
      'account.updated',
    ]);
  });

  it('resends an invitation with a fresh link and refuses it for an activated account', async () => {
    const { organization, headers } = await staffOf();
    const first: OpenAccessResponse = (
      await open(headers, { displayName: 'Олег', email: 'oleg@example.com' })
    ).json();
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/staff/accounts/${first.account.id}/invitation`,
      headers,
    });
    expect(resend.statusCode).toBe(200);
    const { invitation, activationLink } = resend.json<{
      invitation: { outboxId: string };
      activationLink: string;
    }>();
    expect(invitation.outboxId).not.toBe(first.invitation?.outboxId);
    expect((await activate(organization, tokenOf(first.activationLink ?? ''))).statusCode).toBe(
      410,
    );
    expect((await activate(organization, tokenOf(activationLink))).statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/staff/accounts/${first.account.id}/invitation`,
      headers,
    });
    expect(again.json<ErrorBody>().error.code).toBe('invalid_state');
    const sent = await t.ctx.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(eq(mailOutbox.organizationId, organization.id), eq(mailOutbox.template, 'invitation')),
      )
      .orderBy(desc(mailOutbox.createdAt));
    expect(sent).toHaveLength(2);
  });

  it('lets support agents look but not change, keeps teachers out, and guards staff and own accounts', async () => {
    const { organization, headers: admin, user: adminUser } = await staffOf('admin');
    const { headers: agent } = await staffOf('support_agent', organization);
    const { headers: teacher } = await staffOf('teacher', organization);
    const { headers: manager } = await staffOf('manager', organization);
    expect((await t.app.inject({ url: '/api/staff/accounts', headers: agent })).statusCode).toBe(
      200,
    );
    expect((await open(agent, { displayName: 'X', email: 'x@example.com' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/staff/accounts', headers: teacher })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/api/staff/audit', headers: teacher })).statusCode).toBe(
      403,
    );

    const block = (headers: Record<string, string>, id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/staff/accounts/${id}/blocks`,
        headers,
        payload: { reason: 'staff_decision' },
      });
    expect((await block(manager, adminUser.id)).statusCode).toBe(403);
    expect((await block(admin, adminUser.id)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      url: '/api/staff/accounts',
      headers: { host: hostOf(organization) },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('reads and changes the organization settings (owners and admins only)', async () => {
    const { organization, headers } = await staffOf('admin');
    const { headers: manager } = await staffOf('manager', organization);
    const url = '/api/staff/organization/settings';
    expect((await t.app.inject({ url, headers: manager })).statusCode).toBe(403);
    expect((await t.app.inject({ url, headers })).json()).toEqual({
      sessionLimit: null,
      inactivityBlockDays: null,
      accessWarningDays: 7,
      selfRegistration: false,
      passwordMinLength: 10,
      supportEmail: null,
      supportPhone: null,
    });
    const changed = await t.app.inject({
      method: 'PATCH',
      url,
      headers,
      payload: { sessionLimit: 1, inactivityBlockDays: 180, supportEmail: 'Help@Example.com' },
    });
    expect(changed.json()).toMatchObject({
      sessionLimit: 1,
      inactivityBlockDays: 180,
      supportEmail: 'help@example.com',
    });
    const weak = await t.app.inject({
      method: 'PATCH',
      url,
      headers,
      payload: { passwordMinLength: 7 },
    });
    expect(weak.statusCode).toBe(400);
    const [row] = await t.ctx.db
      .select()
      .from(users)
      .where(eq(users.organizationId, organization.id))
      .limit(1);
    expect(row).toBeDefined();
  });
});

import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandEnv } from '../../src/server/cli/commands.js';
import { DEMO_PERSONAL_CODE } from '../../src/server/cli/demo.js';
import { ensureDefaultOrganization } from '../../src/server/modules/orgs/index.js';
import { accountBlocks, mailOutbox, organizations, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

type ErrorBody = { error: { code: string; details?: { reasons?: { code: string }[] } } };
const DEMO_PASSWORD = 'demo password for the tests';

describe('kabinet accounts and demo', () => {
  let t: TestApp;
  let env: CommandEnv;
  beforeAll(async () => {
    t = await createTestApp();
    const { organization } = await ensureDefaultOrganization(t.ctx.db);
    env = { ctx: t.ctx, defaultOrganizationId: organization.id };
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (login: string, password = DEMO_PASSWORD) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: `10.${[...randomBytes(3)].join('.')}`,
      headers: { host: 'localhost' },
      payload: { login, password },
    });

  const userByEmail = async (email: string) => {
    const [row] = await t.ctx.db
      .select()
      .from(users)
      .where(and(eq(users.organizationId, env.defaultOrganizationId), eq(users.email, email)));
    return row;
  };

  it('opens access and prints the activation link, which sets the password', async () => {
    const result = await runCommand(env, [
      'accounts',
      'open',
      '--email',
      'Student@Example.com',
      '--phone',
      '+7 900 111-22-33',
      '--name',
      'Студент Тестов',
      '--access-until',
      '2030-09-01',
      '--session-limit',
      '1',
      '--personal-code',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.output).toMatch(/^Created Студент Тестов \(student@example\.com\)\n/);
    expect(result.output).toMatch(/Personal code: [A-Z0-9]{4}-[A-Z0-9]{4}\n/);
    const link = /Activation link \(shown once\): (\S+)/.exec(result.output)?.[1] ?? '';
    expect(link).toMatch(/^http:\/\/kabinet\.test\/activate\?token=/);

    const user = await userByEmail('student@example.com');
    // The end of 1 September in Moscow.
    expect(user?.accessValidUntil?.toISOString()).toBe('2030-09-01T20:59:59.999Z');
    expect(user).toMatchObject({ sessionLimit: 1, phone: '+79001112233' });
    const [mail] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'student@example.com'));
    expect(mail?.textBody).toContain(link);

    const activated = await t.app.inject({
      method: 'POST',
      url: '/api/auth/activate',
      headers: { host: 'localhost' },
      payload: { token: new URL(link).searchParams.get('token'), newPassword: DEMO_PASSWORD },
    });
    expect(activated.statusCode).toBe(200);
    expect((await signIn('student@example.com')).statusCode).toBe(200);
  });

  it('refuses bad input with exit code 2 and a message', async () => {
    const noContact = await runCommand(env, ['accounts', 'open', '--name', 'Никто']);
    expect(noContact.exitCode).toBe(2);
    expect(noContact.output).toContain('Give an email or a phone');
    const badDate = await runCommand(env, [
      'accounts',
      'open',
      '--email',
      'x@example.com',
      '--access-until',
      'tomorrow',
    ]);
    expect(badDate).toEqual({
      exitCode: 2,
      output: '--access-until must be a date (YYYY-MM-DD) or ISO time\n',
    });
    const badReason = await runCommand(env, [
      'accounts',
      'block',
      '--email',
      'x@example.com',
      '--reason',
      'whim',
    ]);
    expect(badReason.exitCode).toBe(2);
    expect(badReason.output).toContain('--reason must be one of: access_period_ended');
    const unknown = await runCommand(env, [
      'accounts',
      'block',
      '--email',
      'nobody@example.com',
      '--reason',
      'staff_decision',
    ]);
    expect(unknown).toEqual({ exitCode: 2, output: 'Error: not_found: Not found.\n' });
  });

  it('blocks with a reason until a date and unblocks by reason', async () => {
    await runCommand(env, ['accounts', 'open', '--email', 'blockme@example.com']);
    const blocked = await runCommand(env, [
      'accounts',
      'block',
      '--email',
      'blockme@example.com',
      '--reason',
      'policy_violation',
      '--until',
      '2031-01-10',
    ]);
    expect(blocked).toEqual({
      exitCode: 0,
      output: 'Blocked blockme@example.com: policy_violation until 2031-01-10T20:59:59.999Z\n',
    });
    await runCommand(env, [
      'accounts',
      'block',
      '--email',
      'blockme@example.com',
      '--reason',
      'staff_decision',
    ]);
    const user = await userByEmail('blockme@example.com');
    const inForce = async () =>
      (
        await t.ctx.db
          .select()
          .from(accountBlocks)
          .where(eq(accountBlocks.userId, user?.id ?? ''))
      )
        .filter((block) => block.liftedAt === null)
        .map((block) => block.reason);
    expect((await inForce()).sort()).toEqual(['policy_violation', 'staff_decision']);

    const one = await runCommand(env, [
      'accounts',
      'unblock',
      '--email',
      'blockme@example.com',
      '--reason',
      'staff_decision',
    ]);
    expect(one.output).toBe('Lifted 1 block(s) of blockme@example.com\n');
    expect(await inForce()).toEqual(['policy_violation']);
    const all = await runCommand(env, ['accounts', 'unblock', '--email', 'blockme@example.com']);
    expect(all.output).toBe('Lifted 1 block(s) of blockme@example.com\n');
    expect(await inForce()).toEqual([]);
  });

  it('loads demo accounts in every state, and loading again changes nothing', async () => {
    const first = await runCommand(env, ['demo', '--password', DEMO_PASSWORD]);
    expect(first.exitCode).toBe(0);
    expect(first.output).toMatch(/created +blocked\.staff@example\.com +blocked: staff_decision/);
    expect(first.output).toContain('Activation link of invited.pending@example.com (shown once)');

    for (const login of [
      'admin@example.com',
      'teacher@example.com',
      'parent@example.com',
      'customer@example.com',
      'ending.soon@example.com',
      DEMO_PERSONAL_CODE,
      '8 900 000-00-01',
    ]) {
      expect((await signIn(login)).statusCode, login).toBe(200);
    }
    const reasonOf = async (login: string) =>
      (await signIn(login)).json<ErrorBody>().error.details?.reasons?.map((r) => r.code);
    expect(await reasonOf('blocked.period@example.com')).toEqual(['access_period_ended']);
    expect(await reasonOf('blocked.employer@example.com')).toEqual(['employer_access_ended']);
    expect(await reasonOf('blocked.attempts@example.com')).toEqual(['too_many_failed_attempts']);
    expect(await reasonOf('blocked.inactive@example.com')).toEqual(['inactive_too_long']);
    expect(await reasonOf('blocked.suspicious@example.com')).toEqual(['suspicious_activity']);
    expect(await reasonOf('blocked.policy@example.com')).toEqual(['policy_violation']);
    expect(await reasonOf('blocked.staff@example.com')).toEqual(['staff_decision']);
    expect(await reasonOf('blocked.not-opened@example.com')).toEqual(['access_not_opened']);
    expect(await reasonOf('access.ended@example.com')).toEqual(['access_period_ended']);
    expect((await signIn('invited.pending@example.com')).statusCode).toBe(401);

    expect((await signIn('single.device@example.com')).statusCode).toBe(200);
    const second = await signIn('single.device@example.com');
    expect(second.json<ErrorBody>().error.code).toBe('session_limit_reached');

    // The help desk: the demo customer's certificates and tickets in several states.
    expect(first.output).toContain('serial KAB-2026-0004, activation code DEMO-4444-FREE');
    const customer = await signIn('customer@example.com');
    const cookie = customer.cookies.find((c) => c.name === 'kabinet_session')?.value ?? '';
    const asCustomer = { host: 'localhost', cookie: `kabinet_session=${cookie}` };
    const certificates = await t.app.inject({
      url: '/api/helpdesk/certificates',
      headers: asCustomer,
    });
    expect(certificates.statusCode).toBe(200);
    expect(certificates.json<{ certificates: unknown[] }>().certificates).toHaveLength(2);
    const listed = await t.app.inject({
      url: '/api/helpdesk/tickets?includeResolved=true',
      headers: asCustomer,
    });
    const statuses = listed.json<{ items: { status: string }[] }>().items.map((x) => x.status);
    expect(statuses.sort()).toEqual(['awaiting_customer', 'closed', 'new', 'resolved']);

    const again = await runCommand(env, ['demo', '--password', DEMO_PASSWORD]);
    expect(again.output).not.toMatch(/^created/m);
    expect(again.output).not.toContain('Activation link');
    expect(again.output).not.toContain('new tickets');
  });

  it('runs the inactivity job from the command line as of a given time', async () => {
    await t.ctx.db
      .update(organizations)
      .set({ inactivityBlockDays: 365 })
      .where(eq(organizations.id, env.defaultOrganizationId));
    await runCommand(env, ['accounts', 'open', '--email', 'sleepy@example.com']);
    const result = await runCommand(env, [
      'jobs',
      'run',
      'access.block-inactive',
      '--now',
      '2040-01-01T00:00:00Z',
    ]);
    expect(result).toEqual({
      exitCode: 0,
      output: 'Ran access.block-inactive as of 2040-01-01T00:00:00.000Z\n',
    });
    const reasons = async (email: string) =>
      (
        await t.ctx.db
          .select({ reason: accountBlocks.reason })
          .from(accountBlocks)
          .innerJoin(users, eq(users.id, accountBlocks.userId))
          .where(eq(users.email, email))
      ).map((row) => row.reason);
    expect(await reasons('sleepy@example.com')).toEqual(['inactive_too_long']);
    expect(await reasons('admin@example.com')).toEqual([]);
  });
});

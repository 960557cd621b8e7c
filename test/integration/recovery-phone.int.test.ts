import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/shared/contracts/session.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import {
  confirmRecoveryByPhone,
  resendRecoveryConfirmation,
} from '../../src/server/modules/recovery/confirm.service.js';
import { mailOutbox, securityAudit, sessions, smsOutbox, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, signInAs } from '../helpers/factories.js';
import { addressOf, postRecoveryRequest, recoveryTestConfig } from '../helpers/recovery.js';

type ErrorBody = { error: { code: string; details?: { triesLeft?: number } } };
type Submitted = {
  number: string;
  statusSecret: string;
  confirmationChannel: string;
  confirmationExpiresAt: string;
};
type Status = {
  number: string;
  status: string;
  confirmationChannel: string;
  confirmationExpired: boolean;
  rejectReason: string | null;
};

const NEW_PHONE = '+79991234567';
const NEW_PASSWORD = 'новый надёжный пароль';

describe('account-recovery requests with only a new phone', () => {
  let t: TestApp;
  let storageDir: string;
  beforeAll(async () => {
    const setup = recoveryTestConfig();
    storageDir = setup.storageDir;
    t = await createTestApp({ config: setup.config });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(storageDir, { recursive: true, force: true });
  });

  const smsTo = async (organization: Organization, phone: string, template?: string) => {
    const rows = await t.ctx.db
      .select()
      .from(smsOutbox)
      .where(and(eq(smsOutbox.organizationId, organization.id), eq(smsOutbox.toPhone, phone)));
    return rows
      .filter((row) => !template || row.template === template)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  };
  const codeIn = (body: string | undefined) => /\b(\d{6})\b/.exec(body ?? '')?.[1] ?? '';
  const lastCode = async (organization: Organization, phone = NEW_PHONE) =>
    codeIn((await smsTo(organization, phone, 'recovery_confirm_code')).at(-1)?.body);

  const request = (
    organization: Organization,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { host: hostOf(organization), ...headers },
      remoteAddress: addressOf(organization),
      ...(payload ? { payload } : {}),
    });
  const confirmPhone = (organization: Organization, submitted: Submitted, code: string) =>
    request(
      organization,
      'POST',
      `/api/recovery-requests/${encodeURIComponent(submitted.number)}/confirm-phone`,
      { secret: submitted.statusSecret, code },
    );
  const statusOf = async (organization: Organization, submitted: Submitted) =>
    (
      await request(
        organization,
        'GET',
        `/api/recovery-requests/${encodeURIComponent(submitted.number)}?secret=${submitted.statusSecret}`,
      )
    ).json<Status>();

  /** Files a request with a new phone and no new email. */
  async function submitPhoneOnly(organization: Organization, fields: Record<string, string> = {}) {
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { newEmail: '', newPhone: '+7 (999) 123-45-67', ...fields },
    });
    expect(response.statusCode).toBe(201);
    return response.json<Submitted>();
  }

  async function staffOf(organization: Organization, role: StaffRole = 'support_agent') {
    const user = await createUser(t.ctx, organization, { role });
    return { user, headers: await signInAs(t.app, organization, user.email) };
  }

  async function confirmedPhoneOnly(organization: Organization) {
    const submitted = await submitPhoneOnly(organization);
    const confirmed = await confirmPhone(organization, submitted, await lastCode(organization));
    expect(confirmed.statusCode).toBe(200);
    return submitted;
  }

  async function pendingId(organization: Organization, headers: Record<string, string>) {
    const list = await t.app.inject({
      url: '/api/staff/recovery-requests?status=pending',
      headers,
    });
    const [first] = list.json<{ requests: { id: string; newEmail: string | null }[] }>().requests;
    if (!first) throw new Error('no pending request');
    return first;
  }

  it('confirms a request by the SMS code sent to the new phone, and says so by SMS', async () => {
    const organization = await createOrganization(t.ctx);
    const submitted = await submitPhoneOnly(organization);
    expect(submitted.confirmationChannel).toBe('sms');

    const [codeSms] = await smsTo(organization, NEW_PHONE);
    expect(codeSms).toMatchObject({ template: 'recovery_confirm_code', locale: 'ru' });
    expect(codeSms?.body).toMatch(/^Код подтверждения заявки: \d{6}\. Действует 10 мин\.$/);
    const mails = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.organizationId, organization.id));
    expect(mails).toEqual([]);
    expect(await statusOf(organization, submitted)).toMatchObject({
      status: 'unconfirmed',
      confirmationChannel: 'sms',
      confirmationExpired: false,
    });

    const code = codeIn(codeSms?.body);
    const wrong = await confirmPhone(
      organization,
      submitted,
      code === '000000' ? '111111' : '000000',
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error).toMatchObject({
      code: 'code_invalid',
      details: { triesLeft: 4 },
    });

    const right = await confirmPhone(organization, submitted, code);
    expect(right.statusCode).toBe(200);
    expect(right.json<Status>()).toMatchObject({ status: 'pending', confirmationChannel: 'sms' });
    const [received] = await smsTo(organization, NEW_PHONE, 'recovery_received');
    expect(received?.body).toBe(`Заявка ${submitted.number} принята. Ответ придёт по SMS.`);

    const again = await confirmPhone(organization, submitted, code);
    expect(again.statusCode).toBe(410);
    expect(again.json<ErrorBody>().error.code).toBe('code_expired');

    const { headers } = await staffOf(organization);
    const listed = await pendingId(organization, headers);
    expect(listed.newEmail).toBeNull();
  });

  it('refuses a request with neither a new email nor a new phone', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { newEmail: '', newPhone: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response.json<{ error: { code: string; details: { path: string[] }[] } }>().error,
    ).toMatchObject({ code: 'validation_failed', details: [{ path: ['newEmail'] }] });
  });

  it('keeps confirming by email link when a new email is given too', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { newPhone: '+7 999 765-43-21' },
    });
    const submitted = response.json<Submitted>();
    expect(submitted.confirmationChannel).toBe('email');
    expect(await smsTo(organization, '+79997654321')).toEqual([]);
    const byPhone = await confirmPhone(organization, submitted, '123456');
    expect(byPhone.statusCode).toBe(409);
    expect(byPhone.json<ErrorBody>().error.code).toBe('invalid_state');
  });

  it('resends a new code (the old one stops working), at most one a minute', async () => {
    const organization = await createOrganization(t.ctx);
    const submitted = await submitPhoneOnly(organization);
    const first = await lastCode(organization);
    const resendUrl = `/api/recovery-requests/${encodeURIComponent(submitted.number)}/resend-confirmation`;

    const tooSoon = await request(organization, 'POST', resendUrl, {
      secret: submitted.statusSecret,
    });
    expect(tooSoon.statusCode).toBe(429);
    expect(tooSoon.json<ErrorBody>().error.code).toBe('rate_limited');
    expect(Number(tooSoon.headers['retry-after'])).toBeGreaterThan(0);

    await resendRecoveryConfirmation(
      t.ctx,
      organization,
      submitted.number,
      submitted.statusSecret,
      new Date(Date.now() + 2 * 60_000),
    );
    const codes = await smsTo(organization, NEW_PHONE, 'recovery_confirm_code');
    expect(codes).toHaveLength(2);
    const second = codeIn(codes[1]?.body);
    if (first !== second) {
      const old = await confirmPhone(organization, submitted, first);
      expect(old.statusCode).toBe(400);
      expect(old.json<ErrorBody>().error.code).toBe('code_invalid');
    }
    expect((await confirmPhone(organization, submitted, second)).statusCode).toBe(200);

    const afterConfirm = await request(organization, 'POST', resendUrl, {
      secret: submitted.statusSecret,
    });
    expect(afterConfirm.statusCode).toBe(409);
  });

  it('stops accepting a code after five wrong tries, and after ten minutes', async () => {
    const organization = await createOrganization(t.ctx);
    const submitted = await submitPhoneOnly(organization);
    const code = await lastCode(organization);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      expect((await confirmPhone(organization, submitted, wrong)).statusCode).toBe(400);
    }
    const spent = await confirmPhone(organization, submitted, code);
    expect(spent.statusCode).toBe(410);
    expect(spent.json<ErrorBody>().error.code).toBe('code_expired');

    const later = await createOrganization(t.ctx);
    const other = await submitPhoneOnly(later);
    await expect(
      confirmRecoveryByPhone(
        t.ctx,
        later,
        other.number,
        { secret: other.statusSecret, code: await lastCode(later) },
        new Date(Date.now() + 11 * 60_000),
      ),
    ).rejects.toMatchObject({ code: 'code_expired' });
    expect((await statusOf(later, other)).status).toBe('unconfirmed');
  });

  it('refuses a wrong secret without saying whether the number exists', async () => {
    const organization = await createOrganization(t.ctx);
    const submitted = await submitPhoneOnly(organization);
    const response = await confirmPhone(
      organization,
      { ...submitted, statusSecret: 'wrong' },
      await lastCode(organization),
    );
    expect(response.statusCode).toBe(404);
    expect((await statusOf(organization, submitted)).status).toBe('unconfirmed');
  });

  it('approval puts the new phone on the account and tells the person by SMS to reset the password with it', async () => {
    const organization = await createOrganization(t.ctx);
    const customer = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db
      .update(users)
      .set({ accessOpenedAt: new Date(), phone: '+79990000001' })
      .where(eq(users.id, customer.id));
    await signInAs(t.app, organization, customer.email);
    // A reset link to the old address, asked for before the decision, must stop working.
    await request(organization, 'POST', '/api/auth/password-reset/request', {
      login: customer.email,
    });
    const [oldMail] = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.organizationId, organization.id),
          eq(mailOutbox.template, 'password_reset'),
        ),
      );
    const oldToken = /token=([\w-]+)/.exec(oldMail?.textBody ?? '')?.[1] ?? '';
    expect(oldToken).not.toBe('');

    const submitted = await confirmedPhoneOnly(organization);
    const { user: agent, headers } = await staffOf(organization);
    const pending = await pendingId(organization, headers);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/staff/recovery-requests/${pending.id}/approve`,
      headers,
      payload: { userId: customer.id },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedUserId: customer.id });

    const [account] = await t.ctx.db.select().from(users).where(eq(users.id, customer.id));
    expect(account).toMatchObject({ phone: NEW_PHONE, email: customer.email });
    const live = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, customer.id));
    expect(live.every((session) => session.endedReason === 'revoked')).toBe(true);
    const [audit] = await t.ctx.db
      .select()
      .from(securityAudit)
      .where(
        and(
          eq(securityAudit.subjectId, customer.id),
          eq(securityAudit.action, 'recovery.approved'),
        ),
      );
    expect(audit).toMatchObject({
      actorId: agent.id,
      details: { number: submitted.number, oldPhone: '+79990000001', newPhone: NEW_PHONE },
    });
    expect(audit?.details).not.toHaveProperty('newEmail');
    const [news] = await smsTo(organization, NEW_PHONE, 'recovery_approved');
    expect(news?.body).toBe(
      `Заявка ${submitted.number} одобрена. Задайте пароль: http://kabinet.test/forgot-password («Забыли пароль?», этот номер).`,
    );
    const approvalMails = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.organizationId, organization.id),
          eq(mailOutbox.template, 'recovery_approved'),
        ),
      );
    expect(approvalMails).toEqual([]);

    const stale = await request(organization, 'POST', '/api/auth/password-reset/confirm', {
      token: oldToken,
      newPassword: NEW_PASSWORD,
    });
    expect(stale.statusCode).toBe(410);

    // «Забыли пароль?» with the new phone: the SMS reset, then sign in by phone.
    const asked = await request(organization, 'POST', '/api/auth/password-reset/request', {
      login: '8 999 123 45 67',
    });
    expect(asked.statusCode).toBe(202);
    const resetCode = codeIn(
      (await smsTo(organization, NEW_PHONE, 'password_reset_code'))[0]?.body,
    );
    const reset = await request(organization, 'POST', '/api/auth/password-reset/confirm', {
      phone: NEW_PHONE,
      code: resetCode,
      newPassword: NEW_PASSWORD,
    });
    expect(reset.statusCode).toBe(200);
    await signInAs(t.app, organization, NEW_PHONE, NEW_PASSWORD);
  });

  it('refuses approval onto an account when another account has the new phone', async () => {
    const organization = await createOrganization(t.ctx);
    const customer = await createUser(t.ctx, organization, { role: null });
    const holder = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db.update(users).set({ phone: NEW_PHONE }).where(eq(users.id, holder.id));
    await confirmedPhoneOnly(organization);
    const { headers } = await staffOf(organization);
    const pending = await pendingId(organization, headers);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/staff/recovery-requests/${pending.id}/approve`,
      headers,
      payload: { userId: customer.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.code).toBe('phone_taken');
    expect((await pendingId(organization, headers)).id).toBe(pending.id);
  });

  it('rejection tells the person the reason by SMS (shortened) and in full on the status page', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { newEmail: '', newPhone: NEW_PHONE },
    });
    const submitted = response.json<Submitted>();
    expect(
      (await confirmPhone(organization, submitted, await lastCode(organization))).statusCode,
    ).toBe(200);
    const { headers } = await staffOf(organization, 'manager');
    const pending = await pendingId(organization, headers);
    const reason = 'Фото документа нечитаемо. '.repeat(6).trim();
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/staff/recovery-requests/${pending.id}/reject`,
      headers,
      payload: { reason },
    });
    expect(rejected.statusCode).toBe(200);
    const [news] = await smsTo(organization, NEW_PHONE, 'recovery_rejected');
    expect(news?.body.startsWith(`Заявка ${submitted.number} отклонена: Фото документа`)).toBe(
      true,
    );
    expect(news?.body.endsWith('…')).toBe(true);
    expect(news?.body.length).toBeLessThan(140);
    expect(await statusOf(organization, submitted)).toMatchObject({
      status: 'rejected',
      rejectReason: reason,
    });
  });
});

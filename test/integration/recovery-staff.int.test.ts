import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/shared/contracts/session.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { confirmRecoveryRequest } from '../../src/server/modules/recovery/confirm.service.js';
import { purgeRecoveryDocumentsJob } from '../../src/server/modules/recovery/recovery.jobs.js';
import { oneTimeTokens, recoveryDocuments, securityAudit, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, signInAs } from '../helpers/factories.js';
import {
  filesUnder,
  lastEmail,
  postRecoveryRequest,
  recoveryTestConfig,
  SAMPLE_FILES,
  tokenFrom,
} from '../helpers/recovery.js';

type ErrorBody = { error: { code: string } };
type Detail = {
  id: string;
  number: string;
  status: string;
  documents: { id: string; fileName: string; contentType: string; deletedAt: string | null }[];
  matchedAccount: { id: string } | null;
  decidedBy: { id: string } | null;
  rejectReason: string | null;
};

describe('account-recovery requests: the staff queue', () => {
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

  async function staffOf(organization: Organization, role: StaffRole = 'support_agent') {
    const user = await createUser(t.ctx, organization, { role });
    return { user, headers: await signInAs(t.app, organization, user.email) };
  }

  /** A confirmed request with a PDF and a PNG; returns its id and the new address. */
  async function confirmedRequest(organization: Organization, fields: Record<string, string> = {}) {
    const newEmail = `new-${Math.random().toString(36).slice(2)}@example.com`;
    const submitted = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { newEmail, ...fields },
      files: [
        { name: 'паспорт.pdf', content: SAMPLE_FILES.pdf },
        { name: 'selfie.png', content: SAMPLE_FILES.png },
      ],
    });
    expect(submitted.statusCode).toBe(201);
    const mail = await lastEmail(t.ctx, organization, 'recovery_confirm', newEmail);
    const status = await confirmRecoveryRequest(
      t.ctx,
      organization,
      tokenFrom(mail?.textBody ?? '', '/recovery/confirm'),
    );
    return { number: status.number, newEmail };
  }

  const get = (headers: Record<string, string>, url: string) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (headers: Record<string, string>, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers, payload });

  async function queue(headers: Record<string, string>, status = '') {
    const response = await get(
      headers,
      `/api/staff/recovery-requests${status ? `?status=${status}` : ''}`,
    );
    expect(response.statusCode).toBe(200);
    return response.json<{ requests: Detail[] }>().requests;
  }

  it('shows only confirmed requests, with documents inline and the account the old login names', async () => {
    const organization = await createOrganization(t.ctx);
    const customer = await createUser(t.ctx, organization, { role: null });
    const { headers } = await staffOf(organization);
    await postRecoveryRequest(t.app, t.ctx, organization); // never confirmed
    const { number } = await confirmedRequest(organization, {
      knownLogin: customer.email.toUpperCase(),
    });

    const listed = await queue(headers);
    expect(listed.map((r) => [r.number, r.status])).toEqual([[number, 'pending']]);
    const detail = (
      await get(headers, `/api/staff/recovery-requests/${listed[0]?.id}`)
    ).json<Detail>();
    expect(detail.matchedAccount?.id).toBe(customer.id);
    expect(detail.documents.map((d) => d.contentType).sort()).toEqual([
      'application/pdf',
      'image/png',
    ]);

    const pdf = detail.documents.find((d) => d.contentType === 'application/pdf');
    const file = await get(
      headers,
      `/api/staff/recovery-requests/${detail.id}/documents/${pdf?.id}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(SAMPLE_FILES.pdf)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `inline; filename*=UTF-8''${encodeURIComponent('паспорт.pdf')}`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toMatch(/^default-src 'none'/);

    const anonymous = await get({ host: hostOf(organization) }, '/api/staff/recovery-requests');
    expect(anonymous.statusCode).toBe(401);
    const teacher = await staffOf(organization, 'teacher');
    expect((await get(teacher.headers, '/api/staff/recovery-requests')).statusCode).toBe(403);
  });

  it('approval moves the new contact to the chosen account, sends a reset link and is audited', async () => {
    const organization = await createOrganization(t.ctx);
    const customer = await createUser(t.ctx, organization, { role: null });
    const { user: agent, headers } = await staffOf(organization);
    const { newEmail } = await confirmedRequest(organization, { newPhone: '+7 999 000-11-22' });
    const [request] = await queue(headers, 'pending');

    const approved = await post(headers, `/api/staff/recovery-requests/${request?.id}/approve`, {
      userId: customer.id,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<Detail>()).toMatchObject({
      status: 'approved',
      decidedBy: { id: agent.id },
    });
    const [account] = await t.ctx.db.select().from(users).where(eq(users.id, customer.id));
    expect(account).toMatchObject({ email: newEmail, phone: '+79990001122' });
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
      details: { oldEmail: customer.email, newEmail },
    });
    const mail = await lastEmail(t.ctx, organization, 'recovery_approved', newEmail);
    const resetToken = tokenFrom(mail?.textBody ?? '', '/reset-password');
    const tokens = await t.ctx.db
      .select()
      .from(oneTimeTokens)
      .where(
        and(eq(oneTimeTokens.userId, customer.id), eq(oneTimeTokens.purpose, 'password_reset')),
      );
    expect(tokens).toHaveLength(1);
    // Stored hashed, usable by the access module's reset page for its configured lifetime.
    expect(tokens[0]?.tokenHash).toBe(createHash('sha256').update(resetToken).digest('hex'));
    expect(tokens[0]?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    const twice = await post(headers, `/api/staff/recovery-requests/${request?.id}/reject`, {
      reason: 'x',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorBody>().error.code).toBe('invalid_state');
  });

  it('rejection tells the person the reason, by email and on the status page', async () => {
    const organization = await createOrganization(t.ctx);
    const { headers } = await staffOf(organization, 'manager');
    const { newEmail, number } = await confirmedRequest(organization);
    const [request] = await queue(headers);
    const rejected = await post(headers, `/api/staff/recovery-requests/${request?.id}/reject`, {
      reason: 'Фото документа нечитаемо',
    });
    expect(rejected.json<Detail>()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Фото документа нечитаемо',
    });
    const mail = await lastEmail(t.ctx, organization, 'recovery_rejected', newEmail);
    expect(mail?.subject).toBe(`Заявка ${number} отклонена`);
    expect(mail?.textBody).toContain('Причина: Фото документа нечитаемо');
    expect((await queue(headers, 'pending')).length).toBe(0);
  });

  it('refuses to move a staff account unless an owner or administrator approves', async () => {
    const organization = await createOrganization(t.ctx);
    const colleague = await createUser(t.ctx, organization, { role: 'teacher' });
    const { headers } = await staffOf(organization, 'support_agent');
    await confirmedRequest(organization);
    const [request] = await queue(headers);
    const refused = await post(headers, `/api/staff/recovery-requests/${request?.id}/approve`, {
      userId: colleague.id,
    });
    expect(refused.statusCode).toBe(403);
    const admin = await staffOf(organization, 'admin');
    const allowed = await post(
      admin.headers,
      `/api/staff/recovery-requests/${request?.id}/approve`,
      {
        userId: colleague.id,
      },
    );
    expect(allowed.statusCode).toBe(200);
  });

  it("keeps another organization's staff away from a request and its documents", async () => {
    const organization = await createOrganization(t.ctx);
    const customer = await createUser(t.ctx, organization, { role: null });
    const own = await staffOf(organization);
    await confirmedRequest(organization);
    const [request] = await queue(own.headers);
    const detail = (
      await get(own.headers, `/api/staff/recovery-requests/${request?.id}`)
    ).json<Detail>();

    const other = await staffOf(await createOrganization(t.ctx, 'Другой центр'), 'owner');
    expect(await queue(other.headers)).toEqual([]);
    const base = `/api/staff/recovery-requests/${request?.id}`;
    for (const response of [
      await get(other.headers, base),
      await get(other.headers, `${base}/documents/${detail.documents[0]?.id}`),
      await post(other.headers, `${base}/approve`, { userId: customer.id }),
      await post(other.headers, `${base}/reject`, { reason: 'нет' }),
    ])
      expect(response.statusCode).toBe(404);
    // The other organization's staff cannot approve onto this organization's account either.
    expect((await queue(own.headers, 'pending')).length).toBe(1);
  });

  it('deletes documents 30 days after the decision; the decision stays', async () => {
    const organization = await createOrganization(t.ctx);
    const { headers } = await staffOf(organization, 'admin');
    await confirmedRequest(organization);
    const [request] = await queue(headers);
    await post(headers, `/api/staff/recovery-requests/${request?.id}/reject`, {
      reason: 'Дубликат',
    });
    const documentsOf = () =>
      t.ctx.db
        .select()
        .from(recoveryDocuments)
        .where(eq(recoveryDocuments.requestId, request?.id ?? ''));
    const storedFiles = () => filesUnder(`${storageDir}/recovery/${organization.id}`);
    const day = 86_400_000;

    await t.ctx.queue.runNow(
      t.ctx,
      purgeRecoveryDocumentsJob.name,
      new Date(Date.now() + 29 * day),
    );
    expect(storedFiles()).toHaveLength(2);
    expect((await documentsOf()).every((d) => d.deletedAt === null)).toBe(true);

    await t.ctx.queue.runNow(
      t.ctx,
      purgeRecoveryDocumentsJob.name,
      new Date(Date.now() + 31 * day),
    );
    expect(storedFiles()).toEqual([]);
    expect((await documentsOf()).every((d) => d.deletedAt !== null)).toBe(true);
    const detail = (
      await get(headers, `/api/staff/recovery-requests/${request?.id}`)
    ).json<Detail>();
    expect(detail).toMatchObject({ status: 'rejected', rejectReason: 'Дубликат' });
    expect(detail.documents.every((d) => d.deletedAt !== null)).toBe(true);
    const file = await get(
      headers,
      `/api/staff/recovery-requests/${detail.id}/documents/${detail.documents[0]?.id}`,
    );
    expect(file.statusCode).toBe(404);
    // Running again is harmless.
    await t.ctx.queue.runNow(
      t.ctx,
      purgeRecoveryDocumentsJob.name,
      new Date(Date.now() + 32 * day),
    );
  });

  it('deletes the documents of a request never confirmed, once its link is long expired', async () => {
    const organization = await createOrganization(t.ctx);
    expect((await postRecoveryRequest(t.app, t.ctx, organization)).statusCode).toBe(201);
    const storedFiles = () => filesUnder(`${storageDir}/recovery/${organization.id}`);
    expect(storedFiles()).toHaveLength(1);
    await t.ctx.queue.runNow(
      t.ctx,
      purgeRecoveryDocumentsJob.name,
      new Date(Date.now() + 32 * 86_400_000),
    );
    expect(storedFiles()).toEqual([]);
  });
});

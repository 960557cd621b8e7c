import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmRecoveryRequest } from '../../src/server/modules/recovery/confirm.service.js';
import { recoveryDocuments, recoveryRequests } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, hostOf } from '../helpers/factories.js';
import {
  filesUnder,
  lastEmail,
  postRecoveryRequest,
  recoveryTestConfig,
  SAMPLE_FILES,
  tokenFrom,
} from '../helpers/recovery.js';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
type Submitted = { number: string; statusSecret: string; statusUrl: string };

describe('account-recovery requests: submission and confirmation', () => {
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

  const requestsOf = (organizationId: string) =>
    t.ctx.db
      .select()
      .from(recoveryRequests)
      .where(eq(recoveryRequests.organizationId, organizationId));
  const storedFilesOf = (organizationId: string) =>
    filesUnder(`${storageDir}/recovery/${organizationId}`);

  /** Nothing of a refused request may remain: no row, no stored file. */
  async function expectNothingStored(organizationId: string) {
    expect(await requestsOf(organizationId)).toEqual([]);
    expect(storedFilesOf(organizationId)).toEqual([]);
  }

  it('accepts a request with documents, numbers it and emails a confirmation link', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { newEmail: 'Maria.New@Example.com', newPhone: '8 (999) 123-45-67' },
      files: [
        { name: 'паспорт.pdf', content: SAMPLE_FILES.pdf },
        { name: 'photo.png', content: SAMPLE_FILES.png, type: 'application/pdf' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<Submitted>();
    expect(body.number).toBe('В-000001');
    expect(body.statusUrl).toBe(
      `http://kabinet.test/recovery/status/${encodeURIComponent('В-000001')}?secret=${body.statusSecret}`,
    );
    const [row] = await requestsOf(organization.id);
    expect(row).toMatchObject({
      status: 'unconfirmed',
      newEmail: 'maria.new@example.com',
      newPhone: '+79991234567',
    });
    expect(row?.statusSecretHash).not.toContain(body.statusSecret);
    const documents = await t.ctx.db
      .select()
      .from(recoveryDocuments)
      .where(eq(recoveryDocuments.requestId, row?.id ?? ''));
    // Types come from the content: the PNG declared as a PDF is stored as a PNG.
    expect(documents.map((d) => [d.fileName, d.contentType]).sort()).toEqual([
      ['photo.png', 'image/png'],
      ['паспорт.pdf', 'application/pdf'],
    ]);
    expect(storedFilesOf(organization.id)).toHaveLength(2);
    const mail = await lastEmail(t.ctx, organization, 'recovery_confirm', 'maria.new@example.com');
    expect(mail?.subject).toBe('Подтвердите заявку В-000001');
    expect(mail?.textBody).toContain(body.statusUrl);
    expect(tokenFrom(mail?.textBody ?? '', '/recovery/confirm')).toBeTruthy();

    const second = await postRecoveryRequest(t.app, t.ctx, organization);
    expect(second.json<Submitted>().number).toBe('В-000002');
  });

  it('gives concurrent submissions distinct numbers, counted per organization', async () => {
    const organization = await createOrganization(t.ctx);
    const responses = await Promise.all(
      [1, 2, 3].map(() => postRecoveryRequest(t.app, t.ctx, organization)),
    );
    const numbers = responses.map((r) => r.json<Submitted>().number).sort();
    expect(numbers).toEqual(['В-000001', 'В-000002', 'В-000003']);
  });

  it('refuses a file over the size limit with the limit in details, storing nothing', async () => {
    const organization = await createOrganization(t.ctx);
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(65 * 1024, 0x20)]);
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      files: [{ name: 'scan.pdf', content: big }],
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'file_too_large',
      details: { maxBytes: 64 * 1024, maxMegabytes: 0.1 },
    });
    await expectNothingStored(organization.id);
  });

  it('refuses a ".pdf" that is not a PDF, judged by its content', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      files: [
        { name: 'passport.pdf', content: SAMPLE_FILES.pdf },
        {
          name: 'scan.pdf',
          content: Buffer.from('MZ this is a program, not a PDF'),
          type: 'application/pdf',
        },
      ],
    });
    expect(response.statusCode).toBe(415);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'file_type_not_allowed',
      details: { allowed: ['application/pdf', 'image/jpeg', 'image/png'], fileName: 'scan.pdf' },
    });
    await expectNothingStored(organization.id);
  });

  it('refuses more files than allowed with the limit in details', async () => {
    const organization = await createOrganization(t.ctx);
    const response = await postRecoveryRequest(t.app, t.ctx, organization, {
      files: [
        { name: 'a.pdf', content: SAMPLE_FILES.pdf },
        { name: 'b.png', content: SAMPLE_FILES.png },
        { name: 'c.jpg', content: SAMPLE_FILES.jpeg },
      ],
    });
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().error).toMatchObject({
      code: 'too_many_files',
      details: { maxFiles: 2 },
    });
    await expectNothingStored(organization.id);
  });

  it('demands a captcha, and refuses a used one', async () => {
    const organization = await createOrganization(t.ctx);
    const missing = await postRecoveryRequest(t.app, t.ctx, organization, { captcha: false });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.code).toBe('captcha_required');
    const first = await postRecoveryRequest(t.app, t.ctx, organization);
    expect(first.statusCode).toBe(201);
    const [row] = await requestsOf(organization.id);
    expect(row).toBeTruthy();
    const bad = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { captcha: 'bm90IGEgc29sdXRpb24=' },
    });
    expect(bad.json<ErrorBody>().error.code).toBe('captcha_invalid');
    expect(await requestsOf(organization.id)).toHaveLength(1);
  });

  it('refuses invalid fields and a request without documents', async () => {
    const organization = await createOrganization(t.ctx);
    const noEmail = await postRecoveryRequest(t.app, t.ctx, organization, {
      fields: { newEmail: 'not an address', newPhone: '12' },
    });
    expect(noEmail.statusCode).toBe(400);
    const details = noEmail.json<ErrorBody>().error.details as unknown as { path: string[] }[];
    expect(details.map((d) => d.path[0]).sort()).toEqual(['newEmail', 'newPhone']);
    const noDocuments = await postRecoveryRequest(t.app, t.ctx, organization, { files: [] });
    expect(noDocuments.json<ErrorBody>().error).toMatchObject({ code: 'validation_failed' });
    const notMultipart = await t.app.inject({
      method: 'POST',
      url: '/api/recovery-requests',
      headers: { host: hostOf(organization) },
      payload: { fullName: 'x' },
    });
    expect(notMultipart.json<ErrorBody>().error.code).toBe('malformed_request');
    await expectNothingStored(organization.id);
  });

  it('confirms once; the request then reaches staff and the person is told', async () => {
    const organization = await createOrganization(t.ctx);
    const submitted = (
      await postRecoveryRequest(t.app, t.ctx, organization, {
        fields: { newEmail: 'confirm@example.com' },
      })
    ).json<Submitted>();
    const mail = await lastEmail(t.ctx, organization, 'recovery_confirm', 'confirm@example.com');
    const token = tokenFrom(mail?.textBody ?? '', '/recovery/confirm');
    const confirm = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/recovery-requests/confirm',
        headers: { host: hostOf(organization) },
        payload: { token },
      });
    const first = await confirm();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ number: submitted.number, status: 'pending' });
    const again = await confirm();
    expect(again.statusCode).toBe(410);
    expect(again.json<ErrorBody>().error.code).toBe('link_invalid');
    expect(
      await lastEmail(t.ctx, organization, 'recovery_received', 'confirm@example.com'),
    ).toBeTruthy();

    const status = await t.app.inject({
      method: 'GET',
      url: `/api/recovery-requests/${encodeURIComponent(submitted.number)}?secret=${submitted.statusSecret}`,
      headers: { host: hostOf(organization) },
    });
    expect(status.json()).toMatchObject({ status: 'pending', confirmationExpired: false });
    // The Latin look-alike and the bare number name the same request; a wrong secret is 404.
    const latin = await t.app.inject({
      method: 'GET',
      url: `/api/recovery-requests/B-1?secret=${submitted.statusSecret}`,
      headers: { host: hostOf(organization) },
    });
    expect(latin.statusCode).toBe(200);
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/recovery-requests/1?secret=guess`,
      headers: { host: hostOf(organization) },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('an expired confirmation link says so; a resent link works and replaces it', async () => {
    const organization = await createOrganization(t.ctx);
    const submitted = (
      await postRecoveryRequest(t.app, t.ctx, organization, {
        fields: { newEmail: 'late@example.com' },
      })
    ).json<Submitted>();
    const oldToken = tokenFrom(
      (await lastEmail(t.ctx, organization, 'recovery_confirm', 'late@example.com'))?.textBody ??
        '',
      '/recovery/confirm',
    );
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    await expect(
      confirmRecoveryRequest(t.ctx, organization, oldToken, tomorrow),
    ).rejects.toMatchObject({
      code: 'link_invalid',
      details: { reason: 'expired', number: submitted.number },
    });

    const wrongSecret = await t.app.inject({
      method: 'POST',
      url: `/api/recovery-requests/${encodeURIComponent(submitted.number)}/resend-confirmation`,
      headers: { host: hostOf(organization) },
      payload: { secret: 'guess' },
    });
    expect(wrongSecret.statusCode).toBe(404);
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/recovery-requests/${encodeURIComponent(submitted.number)}/resend-confirmation`,
      headers: { host: hostOf(organization) },
      payload: { secret: submitted.statusSecret },
    });
    expect(resend.statusCode).toBe(202);
    const newMail = await lastEmail(t.ctx, organization, 'recovery_confirm', 'late@example.com');
    const newToken = tokenFrom(newMail?.textBody ?? '', '/recovery/confirm');
    expect(newToken).not.toBe(oldToken);
    await expect(confirmRecoveryRequest(t.ctx, organization, oldToken)).rejects.toMatchObject({
      code: 'link_invalid',
    });
    await expect(confirmRecoveryRequest(t.ctx, organization, newToken)).resolves.toMatchObject({
      status: 'pending',
    });
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/server/cli/commands.js';
import type {
  CertificateImportResponse,
  IssueCertificateResponse,
  MyCertificatesResponse,
  RegisterCertificateResponse,
} from '../../src/shared/contracts/helpdesk-certificates.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { certificates, mailOutbox } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';

type Headers = { host: string; cookie: string };
type ErrorBody = { error: { code: string; message: string } };

const HEADER = 'serial,product,level,valid_from,valid_to,activation_code,customer';

describe('support certificates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function desk() {
    const organization = await createOrganization(t.ctx);
    const admin = await createUser(t.ctx, organization, { role: 'admin' });
    return { organization, staff: await signInAs(t.app, organization, admin.email) };
  }
  async function customer(organization: Organization) {
    const user = await createUser(t.ctx, organization, { role: null });
    return { user, headers: await signInAs(t.app, organization, user.email) };
  }
  const issue = async (headers: Headers, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/certificates',
      headers,
      payload: body,
    });
  const register = (headers: Headers, serial: string, activationCode: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/helpdesk/certificates/register',
      headers,
      payload: { serial, activationCode },
    });
  const importCsv = (headers: Headers, csv: string, contentType = 'text/csv') =>
    t.app.inject({
      method: 'POST',
      url: '/api/staff/helpdesk/certificates/import',
      headers: { ...headers, 'content-type': contentType },
      payload: csv,
    });

  it('issues a certificate and shows its code once; a customer registers it in any notation', async () => {
    const { organization, staff } = await desk();
    const issued = await issue(staff, {
      serial: 'kb-2030-0001',
      product: 'Кабинет Про',
      level: 'premium',
      validFrom: '2025-01-01',
      validTo: '2099-12-31',
      customerName: 'ООО «Ромашка»',
    });
    expect(issued.statusCode).toBe(201);
    const { certificate, activationCode } = issued.json<IssueCertificateResponse>();
    expect(certificate.serial).toBe('KB20300001');
    expect(activationCode).toMatch(/^[3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4}$/);
    const [stored] = await t.ctx.db
      .select()
      .from(certificates)
      .where(eq(certificates.id, certificate.id));
    expect(stored?.activationCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.activationCodeHash).not.toContain(activationCode.replace(/-/g, ''));

    const { headers } = await customer(organization);
    // Lower case, spaces instead of dashes, a zero-width space: all normalized away.
    const typed = ` ${activationCode.toLowerCase().replace(/-/g, ' ')}\u200b`;
    const first = await register(headers, 'kb 2030 0001', typed);
    expect(first.statusCode).toBe(200);
    expect(first.json<RegisterCertificateResponse>()).toMatchObject({
      alreadyRegistered: false,
      certificate: { serial: 'KB20300001', status: 'valid', level: { code: 'premium' } },
    });
    const again = await register(headers, 'KB-2030-0001', activationCode);
    expect(again.statusCode).toBe(200);
    expect(again.json<RegisterCertificateResponse>().alreadyRegistered).toBe(true);

    const mine = await t.app.inject({ method: 'GET', url: '/api/helpdesk/certificates', headers });
    expect(mine.json<MyCertificatesResponse>().certificates.map((c) => c.serial)).toEqual([
      'KB20300001',
    ]);
    const other = await customer(organization);
    const theirs = await t.app.inject({
      method: 'GET',
      url: '/api/helpdesk/certificates',
      headers: other.headers,
    });
    expect(theirs.json<MyCertificatesResponse>().certificates).toEqual([]);
    const taken = await register(other.headers, 'KB-2030-0001', activationCode);
    expect(taken.statusCode).toBe(409);
    expect(taken.json<ErrorBody>().error.code).toBe('certificate_taken');
  });

  it('answers not found for an unknown serial and a wrong code alike, then expired, and throttles guessing', async () => {
    const { organization, staff } = await desk();
    await issue(staff, {
      serial: 'OLD-1',
      product: 'P',
      level: 'basic',
      validFrom: '2020-01-01',
      validTo: '2021-01-01',
      activationCode: 'OLDCODE1',
    });
    await issue(staff, {
      serial: 'NEW-1',
      product: 'P',
      level: 'basic',
      validFrom: '2020-01-01',
      validTo: '2099-01-01',
      activationCode: 'NEWCODE1',
    });
    const { headers } = await customer(organization);
    const unknown = await register(headers, 'NOPE-1', 'NEWCODE1');
    const wrong = await register(headers, 'NEW-1', 'WRONGCODE');
    expect([unknown.statusCode, wrong.statusCode]).toEqual([404, 404]);
    expect(unknown.json<ErrorBody>().error.code).toBe('certificate_not_found');
    expect(wrong.json<ErrorBody>().error.message).toBe(unknown.json<ErrorBody>().error.message);
    const expired = await register(headers, 'OLD-1', 'OLDCODE1');
    expect(expired.statusCode).toBe(409);
    expect(expired.json<ErrorBody>().error.code).toBe('certificate_expired');

    // 5 wrong codes for one serial lock it, even for the right code, with Retry-After.
    const guesser = await customer(organization);
    for (let i = 0; i < 4; i++)
      expect((await register(guesser.headers, 'NEW-1', `BAD${i}CODE`)).statusCode).toBe(404);
    const locked = await register(guesser.headers, 'NEW-1', 'NEWCODE1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json<ErrorBody>().error.code).toBe('certificate_attempts_exceeded');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits one account to 10 failures an hour across serials', async () => {
    const { organization } = await desk();
    const { headers } = await customer(organization);
    for (let i = 0; i < 10; i++)
      expect((await register(headers, `GUESS-${i}`, 'ANYCODE1')).statusCode).toBe(404);
    const blocked = await register(headers, 'GUESS-99', 'ANYCODE1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<ErrorBody>().error.code).toBe('certificate_attempts_exceeded');
  });

  it('imports a CSV with a BOM and semicolons, reports bad rows by line and re-imports idempotently', async () => {
    const { organization, staff } = await desk();
    const csv =
      '\uFEFF' +
      [
        HEADER.replace(/,/g, ';'),
        'A-100;Кабинет;basic;2025-01-01;2099-12-31;CODEAAA1;ООО «Альфа»',
        'A-101;Кабинет;premium;01.02.2025;31.12.2099;;',
        'A-102;Кабинет;gold;2025-01-01;2099-12-31;CODEAAA3;',
        'A-103;Кабинет;basic;2025-13-01;2099-12-31;CODEAAA4;',
        'A-104;;basic;2025-01-01;2099-12-31;CODEAAA5;',
        'A-100;Кабинет;basic;2025-01-01;2099-12-31;CODEAAA1;дубль',
        'A-105;Кабинет;basic;2026-01-01;2025-01-01;CODEAAA6;',
      ].join('\r\n');
    const first = await importCsv(staff, csv);
    expect(first.statusCode).toBe(200);
    const result = first.json<CertificateImportResponse>();
    expect(result).toMatchObject({ rows: 7, created: 2, updated: 0, unchanged: 0 });
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'unknown_level'],
      [5, 'invalid_date'],
      [6, 'missing_field'],
      [7, 'duplicate_in_file'],
      [8, 'dates_reversed'],
    ]);
    expect(result.generatedCodes.map((g) => g.serial)).toEqual(['A101']);

    const again = await importCsv(staff, csv);
    expect(again.json<CertificateImportResponse>()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = await importCsv(
      staff,
      `${HEADER}\nA-100,Кабинет 2,basic,2025-01-01,2099-12-31,,ООО «Альфа»\n`,
    );
    expect(changed.json<CertificateImportResponse>()).toMatchObject({
      created: 0,
      updated: 1,
      errors: [],
    });
    const rows = await t.ctx.db
      .select()
      .from(certificates)
      .where(eq(certificates.organizationId, organization.id));
    expect(rows.map((row) => row.serial).sort()).toEqual(['A100', 'A101']);
    // The code was kept (empty column): the customer can still register with it.
    const { headers } = await customer(organization);
    expect((await register(headers, 'A-100', 'CODEAAA1')).statusCode).toBe(200);

    const unreadable = await importCsv(staff, 'just,some,columns\n1,2,3\n');
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json<ErrorBody>().error.code).toBe('certificate_import_unreadable');
  });

  it('imports a CSV file uploaded as multipart/form-data, as the console sends it', async () => {
    const { staff } = await desk();
    const boundary = '----kabinet-test-boundary';
    const csv = `${HEADER}\nM-1,Кабинет,basic,2025-01-01,2099-12-31,CODEMMM1,ООО «Гамма»\n`;
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="сертификаты.csv"',
      'Content-Type: text/csv',
      '',
      csv,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const uploaded = await importCsv(staff, body, `multipart/form-data; boundary=${boundary}`);
    expect(uploaded.statusCode).toBe(200);
    expect(uploaded.json<CertificateImportResponse>()).toMatchObject({ created: 1, errors: [] });
  });

  it('imports through the CLI into the organization named by --org', async () => {
    const { organization } = await desk();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-cert-')), 'certs.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\nCLI-1,Кабинет,standard,2025-01-01,2099-12-31,CLICODE1,\nCLI-2,Кабинет,nope,2025-01-01,2099-12-31,,\n`,
    );
    const result = await runCommand({ ctx: t.ctx, defaultOrganizationId: organization.id }, [
      'certificates',
      'import',
      file,
      '--org',
      organization.slug,
    ]);
    expect(result.output).toContain('created 1');
    expect(result.output).toMatch(/line 3 \(CLI2\): Unknown support level/);
    expect(result.exitCode).toBe(1);
    const [row] = await t.ctx.db
      .select()
      .from(certificates)
      .where(
        and(eq(certificates.organizationId, organization.id), eq(certificates.serial, 'CLI1')),
      );
    expect(row?.product).toBe('Кабинет');
  });

  it('sends the expiry reminder once, for registered certificates ending within 30 days', async () => {
    const { organization, staff } = await desk();
    const now = new Date('2030-03-01T09:00:00Z');
    await issue(staff, {
      serial: 'EXP-1',
      product: 'P',
      level: 'basic',
      validFrom: '2029-01-01',
      validTo: '2030-03-20',
      activationCode: 'EXPCODE1',
    });
    await issue(staff, {
      serial: 'EXP-2',
      product: 'P',
      level: 'basic',
      validFrom: '2029-01-01',
      validTo: '2030-06-20',
      activationCode: 'EXPCODE2',
    });
    await issue(staff, {
      serial: 'EXP-3',
      product: 'P',
      level: 'basic',
      validFrom: '2029-01-01',
      validTo: '2030-03-10',
      activationCode: 'EXPCODE3',
    });
    const { user, headers } = await customer(organization);
    expect((await register(headers, 'EXP-1', 'EXPCODE1')).statusCode).toBe(200);
    expect((await register(headers, 'EXP-2', 'EXPCODE2')).statusCode).toBe(200);
    const run = () =>
      t.ctx.queue.runNow(t.ctx, 'helpdesk.certificate-expiry', now, {
        organizationId: organization.id,
      });
    await run();
    await run();
    const mails = await t.ctx.db
      .select()
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.organizationId, organization.id),
          eq(mailOutbox.template, 'certificate_expiring'),
        ),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.toAddress).toBe(user.email);
    expect(mails[0]?.subject).toContain('EXP1');
  });

  it('keeps customers out of the staff routes', async () => {
    const { organization } = await desk();
    const { headers } = await customer(organization);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/staff/helpdesk/certificates',
      headers,
    });
    expect(list.statusCode).toBe(403);
    expect((await importCsv(headers, `${HEADER}\n`)).statusCode).toBe(403);
  });
});

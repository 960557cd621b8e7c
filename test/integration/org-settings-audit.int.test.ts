import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/contracts/staff-accounts.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createSignedInStaff, createUser, signInAs } from '../helpers/factories.js';

describe('organization settings changes in the security audit log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const url = '/api/staff/organization/settings';
  const patch = (headers: Record<string, string>, payload: object) =>
    t.app.inject({ method: 'PATCH', url, headers, payload, remoteAddress: '10.40.0.7' });
  async function auditOf(headers: Record<string, string>, query = '') {
    const response = await t.app.inject({ url: `/api/staff/audit${query}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ entries: AuditEntry[] }>().entries;
  }
  const settingsEntries = (entries: AuditEntry[]) =>
    entries.filter((entry) => entry.action === 'organization.settings_changed');

  it('records each changed field with its old and new value, and who changed it', async () => {
    const { organization, user, headers } = await createSignedInStaff(t.app, t.ctx, 'owner');
    const changed = await patch(headers, {
      sessionLimit: 1,
      inactivityBlockDays: 180,
      passwordMinLength: 12,
      selfRegistration: true,
      accessWarningDays: 7, // the current value: not a change
    });
    expect(changed.statusCode).toBe(200);

    const [entry, ...rest] = settingsEntries(await auditOf(headers));
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      actor: { id: user.id },
      subject: null,
      ip: '10.40.0.7',
      details: {
        changes: {
          sessionLimit: { from: null, to: 1 },
          inactivityBlockDays: { from: null, to: 180 },
          passwordMinLength: { from: 10, to: 12 },
          selfRegistration: { from: false, to: true },
        },
      },
    });
    expect(Object.keys(entry?.details?.changes as object).sort()).toEqual([
      'inactivityBlockDays',
      'passwordMinLength',
      'selfRegistration',
      'sessionLimit',
    ]);

    // A second change audits against the values the first one left.
    const admin = await createUser(t.ctx, organization, { role: 'admin' });
    const adminHeaders = await signInAs(t.app, organization, admin.email);
    await patch(adminHeaders, { sessionLimit: null, supportEmail: 'Help@Example.com' });
    const [latest] = settingsEntries(await auditOf(headers));
    expect(latest).toMatchObject({
      actor: { id: admin.id },
      details: {
        changes: {
          sessionLimit: { from: 1, to: null },
          supportEmail: { from: null, to: 'help@example.com' },
        },
      },
    });
  });

  it('records nothing for a change that changes nothing or is refused', async () => {
    const { headers } = await createSignedInStaff(t.app, t.ctx, 'admin');
    expect(
      (await patch(headers, { passwordMinLength: 10, selfRegistration: false })).statusCode,
    ).toBe(200);
    expect((await patch(headers, {})).statusCode).toBe(200);
    expect((await patch(headers, { passwordMinLength: 7 })).statusCode).toBe(400);
    expect(settingsEntries(await auditOf(headers))).toEqual([]);
  });

  it("shows only in the organization's own log, and not in an account's", async () => {
    const { organization, user, headers } = await createSignedInStaff(t.app, t.ctx, 'admin');
    await patch(headers, { sessionLimit: 2 });
    expect(settingsEntries(await auditOf(headers))).toHaveLength(1);
    expect(settingsEntries(await auditOf(headers, `?subjectId=${user.id}`))).toEqual([]);

    const other = await createSignedInStaff(t.app, t.ctx, 'admin');
    expect(other.organization.id).not.toBe(organization.id);
    expect(settingsEntries(await auditOf(other.headers))).toEqual([]);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  OpenStudentAccessResponse,
  Student,
  StudentAccount,
  StudentCard,
  StudentListResponse,
} from '../../src/shared/contracts/classes.js';
import { mailOutbox, securityAudit, users } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { classesDesk } from './classes-support.js';

type ErrorBody = { error: { code: string; message: string } };

describe('classes people: accounts that see students, cabinet access', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('links an existing account by email and unlinks it; an unknown email is refused', async () => {
    const { organization, api } = await classesDesk(t.app, t.ctx);
    const parent = await createUser(t.ctx, organization, { role: null, name: 'Ольга Петрова' });
    const student = await api.post<Student>('/api/staff/classes/students', { fullName: 'Маша' });
    const url = `/api/staff/classes/students/${student.body.id}/accounts`;

    const unknown = await api.post<ErrorBody>(url, { email: 'nobody@example.com' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('account_not_found');

    const linked = await api.post<StudentAccount>(url, { email: parent.email.toUpperCase() });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({
      userId: parent.id,
      displayName: 'Ольга Петрова',
      relation: 'parent',
      activated: true,
    });
    // Linking again changes only the relation.
    await api.post(url, { email: parent.email, relation: 'contact' });
    const card = await api.get<StudentCard>(`/api/staff/classes/students/${student.body.id}`);
    expect(card.body.accounts.map((a) => [a.userId, a.relation])).toEqual([[parent.id, 'contact']]);

    expect((await api.delete(`${url}/${parent.id}`)).status).toBe(204);
    expect((await api.delete(`${url}/${parent.id}`)).status).toBe(404);
  });

  it('opens access through the invitation (a link by email, no password) and links the account', async () => {
    const { organization, api } = await classesDesk(t.app, t.ctx);
    const student = await api.post<Student>('/api/staff/classes/students', { fullName: 'Петя' });
    const opened = await api.post<OpenStudentAccessResponse>(
      `/api/staff/classes/students/${student.body.id}/open-access`,
      { displayName: 'Анна Смирнова', email: 'anna@example.com' },
    );
    expect(opened.status).toBe(200);
    expect(opened.body.created).toBe(true);
    expect(opened.body.activationLink).toMatch(/^http/);
    expect(opened.body.account).toMatchObject({ email: 'anna@example.com', activated: false });
    const [account] = await t.ctx.db
      .select()
      .from(users)
      .where(eq(users.id, opened.body.account.userId));
    expect(account?.passwordHash).toBeNull();
    const mails = await t.ctx.db
      .select({ to: mailOutbox.toAddress })
      .from(mailOutbox)
      .where(eq(mailOutbox.organizationId, organization.id));
    expect(mails.map((m) => m.to)).toContain('anna@example.com');
  });

  it('links a person who can sign in already without a new invitation', async () => {
    const { organization, api } = await classesDesk(t.app, t.ctx);
    const parent = await createUser(t.ctx, organization, { role: null });
    await t.ctx.db.update(users).set({ accessOpenedAt: new Date() }).where(eq(users.id, parent.id));
    const student = await api.post<Student>('/api/staff/classes/students', { fullName: 'Коля' });
    const opened = await api.post<OpenStudentAccessResponse>(
      `/api/staff/classes/students/${student.body.id}/open-access`,
      { displayName: 'Родитель', email: parent.email },
    );
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ created: false, activationLink: null });
    expect(opened.body.account.userId).toBe(parent.id);
  });

  it('switches cabinet access of one contact and audits it', async () => {
    const { organization, api } = await classesDesk(t.app, t.ctx);
    const a = await api.post<Student>('/api/staff/classes/students', { fullName: 'Дубль' });
    const b = await api.post<Student>('/api/staff/classes/students', { fullName: 'Оригинал' });
    const off = await api.patch<Student>(`/api/staff/classes/students/${a.body.id}`, {
      cabinetAccess: false,
    });
    expect(off.body.cabinetAccess).toBe(false);
    const other = await api.get<StudentCard>(`/api/staff/classes/students/${b.body.id}`);
    expect(other.body.student.cabinetAccess).toBe(true);
    const audit = await t.ctx.db
      .select({ action: securityAudit.action, details: securityAudit.details })
      .from(securityAudit)
      .where(eq(securityAudit.organizationId, organization.id));
    expect(audit).toContainEqual({
      action: 'student.cabinet_access',
      details: { studentId: a.body.id, cabinetAccess: false },
    });
  });

  it('answers a bad id or body with a stable code, never a 500', async () => {
    const { api } = await classesDesk(t.app, t.ctx);
    const badId = await api.get<ErrorBody>('/api/staff/classes/students/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe('validation_failed');
    const empty = await api.post<ErrorBody>('/api/staff/classes/students', { fullName: '  ' });
    expect(empty.body.error.code).toBe('validation_failed');
    const list = await api.get<StudentListResponse>('/api/staff/classes/students?page=0');
    expect(list.status).toBe(400);
  });
});

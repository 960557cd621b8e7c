import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudentCard, StudentListResponse } from '../../src/shared/contracts/classes.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { chargeVisits } from '../../src/server/modules/billing/index.js';
import {
  appendLedgerEntry,
  lockStudentsMoney,
} from '../../src/server/modules/billing/ledger.repo.js';
import {
  enrollments,
  securityAudit,
  students,
  subscriptions,
  visits,
} from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  insertStudent,
  insertSubscription,
  linkStudentAccount,
} from '../helpers/classes-factories.js';
import { createUser, signInAs } from '../helpers/factories.js';
import { createChargingWorld, moneySnapshot } from './charging-world.js';
import { staffApi } from './classes-support.js';

type ErrorBody = { error: { code: string } };

describe('merging duplicate students', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function world() {
    const w = await createChargingWorld(t.ctx);
    const admin = await createUser(t.ctx, w.organization, { role: 'manager' });
    const api = staffApi(t.app, await signInAs(t.app, w.organization, admin.email));
    return { ...w, api };
  }

  const deposit = (organizationId: string, studentId: string, amountKopecks: number) =>
    t.ctx.db.transaction(async (tx) => {
      await lockStudentsMoney(tx, [studentId]);
      await appendLedgerEntry(tx, { organizationId, studentId, kind: 'deposit', amountKopecks });
    });
  const charge = (organizationId: string, visitIds: string[]) =>
    t.ctx.db.transaction((tx) => chargeVisits(tx, { organizationId, visitIds, actorId: null }));

  it("moves everything to the survivor, adds the counters, and keeps the survivor's visit on a clash", async () => {
    const w = await world();
    const { student: survivor } = await w.addStudent({ fullName: 'Маша Петрова' });
    const { student: duplicate } = await w.addStudent({
      fullName: 'Мария Петрова',
      email: 'masha@example.com',
    });
    const parent = await createUser(t.ctx, w.organization, { role: null });
    await linkStudentAccount(t.ctx, w.organizationId, duplicate.id, parent.id);
    const sub = await insertSubscription(t.ctx, w.organizationId, {
      studentId: duplicate.id,
      number: 7,
      beginsOn: '2026-01-01',
      endsOn: '2026-12-31',
      lessonsTotal: 8,
      priceKopecks: 800_000,
    });
    await deposit(w.organizationId, duplicate.id, 300_000);
    await deposit(w.organizationId, survivor.id, 50_000);
    const onlyDuplicate = await w.addLesson('2026-02-03T18:00');
    const both = await w.addLesson('2026-02-10T18:00');
    const v1 = await w.addVisit(onlyDuplicate.id, duplicate.id, 'present');
    const v2 = await w.addVisit(both.id, duplicate.id, 'present');
    const v3 = await w.addVisit(both.id, survivor.id, 'present'); // no subscription: in debt
    await charge(w.organizationId, [v1.id, v2.id, v3.id]);
    // Duplicate: 300 000 − 2 × 100 000; survivor: 50 000 and one lesson in debt.
    const before = await t.ctx.db.select().from(students).where(eq(students.id, duplicate.id));
    expect(before[0]).toMatchObject({ balanceKopecks: 100_000, debtLessons: 0 });

    const merged = await w.api.post<StudentCard>(
      `/api/staff/classes/students/${survivor.id}/merge`,
      { duplicateId: duplicate.id },
    );
    expect(merged.status).toBe(200);
    // The clashing visit's charge was reversed (+100 000): 50 000 + 200 000.
    expect(merged.body.student).toMatchObject({
      balanceKopecks: 250_000,
      debtLessons: 1,
      email: 'masha@example.com',
    });
    expect(merged.body.accounts.map((a) => a.userId)).toEqual([parent.id]);
    expect(merged.body.enrollments).toHaveLength(1);

    const snapshot = await moneySnapshot(t.ctx, w.organizationId);
    for (const row of snapshot.students) {
      expect(row.balance).toBe(row.entries);
      expect(row.debt).toBe(row.liveDebts);
    }
    for (const row of snapshot.subscriptions) {
      expect([row.used, row.charged]).toEqual([row.liveUsed, row.liveCharged]);
    }
    for (const row of snapshot.enrollments) expect(row.debt).toBe(row.liveDebts);
    expect(snapshot.subscriptions).toEqual([
      expect.objectContaining({ id: sub.id, used: 1, charged: 100_000 }),
    ]);

    const [dup] = await t.ctx.db.select().from(students).where(eq(students.id, duplicate.id));
    expect(dup).toMatchObject({ mergedIntoId: survivor.id, balanceKopecks: 0, debtLessons: 0 });
    const visitRows = await t.ctx.db
      .select({ id: visits.id, studentId: visits.studentId })
      .from(visits)
      .where(eq(visits.organizationId, w.organizationId));
    expect(visitRows).toHaveLength(2);
    expect(visitRows.map((v) => v.studentId)).toEqual([survivor.id, survivor.id]);
    expect(visitRows.map((v) => v.id).sort()).toEqual([v1.id, v3.id].sort());
    const [subRow] = await t.ctx.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, sub.id));
    expect(subRow?.studentId).toBe(survivor.id);
    const leftovers = await rowsOf<{ n: number }>(
      t.ctx.db,
      sql`select (select count(*) from ledger_entries where student_id = ${duplicate.id})
               + (select count(*) from enrollments where student_id = ${duplicate.id})
               + (select count(*) from charges where student_id = ${duplicate.id})
               + (select count(*) from student_accounts where student_id = ${duplicate.id}) as n`,
    );
    expect(Number(leftovers[0]?.n)).toBe(0);

    const list = await w.api.get<StudentListResponse>('/api/staff/classes/students');
    expect(list.body.students.map((s) => s.id)).toEqual([survivor.id]);
    expect((await w.api.get(`/api/staff/classes/students/${duplicate.id}`)).status).toBe(404);
    const audit = await t.ctx.db
      .select({ action: securityAudit.action })
      .from(securityAudit)
      .where(eq(securityAudit.organizationId, w.organizationId));
    expect(audit.map((a) => a.action)).toContain('student.merged');
  });

  it('joins two enrolments in the same group into one with summed counters', async () => {
    const w = await world();
    const { student: survivor, enrollment: kept } = await w.addStudent({ fullName: 'Анна' });
    const { student: duplicate } = await w.addStudent({ fullName: 'Аня' });
    const lesson = await w.addLesson('2026-03-03T18:00');
    const visit = await w.addVisit(lesson.id, duplicate.id, 'present');
    await charge(w.organizationId, [visit.id]); // in debt: no subscription
    await w.api.post(`/api/staff/classes/students/${survivor.id}/merge`, {
      duplicateId: duplicate.id,
    });
    const rows = await t.ctx.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.organizationId, w.organizationId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: kept.id, studentId: survivor.id, debtLessons: 1 });
    const snapshot = await moneySnapshot(t.ctx, w.organizationId);
    for (const row of snapshot.enrollments) expect(row.debt).toBe(row.liveDebts);
  });

  it('refuses to merge a student with itself or with a merged card', async () => {
    const w = await world();
    const a = await insertStudent(t.ctx, w.organizationId, { fullName: 'А' });
    const b = await insertStudent(t.ctx, w.organizationId, { fullName: 'Б' });
    const self = await w.api.post<ErrorBody>(`/api/staff/classes/students/${a.id}/merge`, {
      duplicateId: a.id,
    });
    expect(self.body.error.code).toBe('merge_invalid');
    expect(
      (await w.api.post(`/api/staff/classes/students/${a.id}/merge`, { duplicateId: b.id })).status,
    ).toBe(200);
    const again = await w.api.post<ErrorBody>(`/api/staff/classes/students/${a.id}/merge`, {
      duplicateId: b.id,
    });
    expect(again.status).toBe(409);
  });
});

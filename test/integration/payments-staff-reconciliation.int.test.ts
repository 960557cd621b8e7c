import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReconciliationReport } from '../../src/shared/contracts/payments-staff.js';
import { localDay } from '../../src/server/modules/calendar/index.js';
import { courseAccessGrants, courseOffers } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertStudent } from '../helpers/classes-factories.js';
import { createSignedInStaff, createUser, signInAs } from '../helpers/factories.js';
import {
  applyToLedger,
  insertAttempt,
  insertEvent,
  insertRefund,
} from './payments-staff-fixtures.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('staff payments: the reconciliation report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const today = () => localDay(new Date(), 'Europe/Moscow');
  const daysAgo = (days: number) => localDay(new Date(Date.now() - days * DAY), 'Europe/Moscow');

  const report = async (headers: { host: string; cookie: string }, from: string, to: string) => {
    const response = await t.app.inject({
      url: `/api/staff/payments/reconciliation?from=${from}&to=${to}`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ReconciliationReport>();
  };

  it('is clean when every succeeded payment reached the ledger with its amount', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const student = await insertStudent(t.ctx, organization.id);
    const paid = await insertAttempt(t.ctx, organization.id, { studentId: student.id });
    await applyToLedger(t.ctx, paid, student.id);
    await insertAttempt(t.ctx, organization.id, { status: 'canceled', paidWith: null });
    const clean = await report(headers, daysAgo(7), today());
    expect(clean).toMatchObject({
      succeededNotApplied: [],
      ledgerMismatches: [],
      stuck: [],
      amountMismatches: [],
      refundsPending: [],
      totals: { succeededKopecks: 100_000, refundedKopecks: 0, netKopecks: 100_000 },
    });
    expect(clean.byStatus).toEqual([
      { status: 'created', count: 0, amountKopecks: 0 },
      { status: 'pending', count: 0, amountKopecks: 0 },
      { status: 'waiting_for_capture', count: 0, amountKopecks: 0 },
      { status: 'succeeded', count: 1, amountKopecks: 100_000 },
      { status: 'canceled', count: 1, amountKopecks: 100_000 },
    ]);
  });

  it('lists every discrepancy between attempts, the provider and the ledger', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const student = await insertStudent(t.ctx, organization.id);
    const now = Date.now();

    const fine = await insertAttempt(t.ctx, organization.id, { studentId: student.id });
    await applyToLedger(t.ctx, fine, student.id);
    await insertRefund(t.ctx, fine, { amountKopecks: 30_000 });
    const pendingRefund = await insertRefund(t.ctx, fine, {
      amountKopecks: 20_000,
      status: 'pending',
      appliedAt: null,
    });

    const notApplied = await insertAttempt(t.ctx, organization.id, { studentId: student.id });
    const shortLedger = await insertAttempt(t.ctx, organization.id, { studentId: student.id });
    const entry = await applyToLedger(t.ctx, shortLedger, student.id, 50_000);

    const [offer] = await t.ctx.db
      .insert(courseOffers)
      .values({
        organizationId: organization.id,
        title: 'Курс',
        priceKopecks: 100_000,
        accessDays: 30,
      })
      .returning();
    if (!offer) throw new Error('no offer');
    const appliedNoGrant = await insertAttempt(t.ctx, organization.id, {
      purpose: 'course_access',
      targetId: offer.id,
      appliedAt: new Date(),
    });
    const granted = await insertAttempt(t.ctx, organization.id, {
      purpose: 'course_access',
      targetId: offer.id,
      appliedAt: new Date(),
    });
    await t.ctx.db.insert(courseAccessGrants).values({
      organizationId: organization.id,
      attemptId: granted.id,
      offerId: offer.id,
      accountCreated: false,
      accessDays: 30,
    });

    const stuck = await insertAttempt(t.ctx, organization.id, {
      status: 'pending',
      createdAt: new Date(now - 60 * MINUTE),
      checks: 3,
      nextCheckAt: new Date(now + 5 * MINUTE),
    });
    await insertEvent(t.ctx, stuck, {
      source: 'reconcile',
      event: 'pending',
      outcome: 'unchanged',
      createdAt: new Date(now - 2 * MINUTE),
    });
    await insertEvent(t.ctx, stuck, {
      source: 'create',
      event: 'pending',
      outcome: 'advanced',
      createdAt: new Date(now - 59 * MINUTE),
    });
    await insertAttempt(t.ctx, organization.id, { status: 'pending' });

    const mismatched = await insertAttempt(t.ctx, organization.id, { status: 'pending' });
    await insertEvent(t.ctx, mismatched, {
      source: 'webhook',
      event: 'payment.succeeded',
      outcome: 'mismatch',
    });

    // Outside the period: counted nowhere.
    await insertAttempt(t.ctx, organization.id, { createdAt: new Date(now - 40 * DAY) });

    const result = await report(headers, daysAgo(7), today());
    const numbers = (rows: Array<{ number: number }>) => rows.map((row) => row.number);
    expect(numbers(result.succeededNotApplied)).toEqual([notApplied.number]);
    expect(result.ledgerMismatches).toEqual([
      expect.objectContaining({
        number: shortLedger.number,
        ledgerEntryId: entry.id,
        ledgerAmountKopecks: 50_000,
      }),
      expect.objectContaining({
        number: appliedNoGrant.number,
        ledgerEntryId: null,
        ledgerAmountKopecks: null,
      }),
    ]);
    expect(result.stuck).toMatchObject([
      {
        number: stuck.number,
        status: 'pending',
        checks: 3,
        lastCheck: { source: 'reconcile', outcome: 'unchanged' },
      },
    ]);
    expect(result.amountMismatches).toEqual([
      expect.objectContaining({
        number: mismatched.number,
        source: 'webhook',
        event: 'payment.succeeded',
      }),
    ]);
    expect(result.refundsPending).toEqual([
      expect.objectContaining({
        id: pendingRefund.id,
        paymentNumber: fine.number,
        amountKopecks: 20_000,
      }),
    ]);
    expect(result.totals).toEqual({
      succeededKopecks: 500_000,
      refundedKopecks: 30_000,
      netKopecks: 470_000,
    });
    expect(result.byStatus.find((row) => row.status === 'pending')?.count).toBe(3);
  });

  it('counts days in the organization time zone and refuses periods it cannot report', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    // 23:30 on 9 November in Moscow, 20:30 UTC.
    await insertAttempt(t.ctx, organization.id, { createdAt: new Date('2026-11-09T20:30:00Z') });
    const ninth = await report(headers, '2026-11-09', '2026-11-09');
    const tenth = await report(headers, '2026-11-10', '2026-11-10');
    expect(ninth.totals.succeededKopecks).toBe(100_000);
    expect(tenth.totals.succeededKopecks).toBe(0);

    for (const [from, to] of [
      ['2026-11-10', '2026-11-09'],
      ['2025-01-01', '2026-11-09'],
    ]) {
      const refused = await t.app.inject({
        url: `/api/staff/payments/reconciliation?from=${from ?? ''}&to=${to ?? ''}`,
        headers,
      });
      expect(refused.statusCode).toBe(400);
    }
    const teacher = await createUser(t.ctx, organization, { role: 'teacher' });
    const asTeacher = await t.app.inject({
      url: `/api/staff/payments/reconciliation?from=2026-11-09&to=2026-11-09`,
      headers: await signInAs(t.app, organization, teacher.email),
    });
    expect(asTeacher.statusCode).toBe(403);
  });
});

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargeEnrollmentFee } from '../../src/server/modules/billing/index.js';
import { enrollments, ledgerEntries, securityAudit } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertEnrollment, insertGroup } from '../helpers/classes-factories.js';
import {
  call,
  chargedVisit,
  codeOf,
  createType,
  lessonAt,
  moneyOrganization,
  sell,
  totalsOf,
  type Headers,
} from './billing-fixtures.js';

describe('billing: payments, fees, refunds and corrections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const url = (studentId: string, what: string) =>
    `/api/staff/billing/students/${studentId}/${what}`;
  const pay = (headers: Headers, studentId: string, body: object, key?: string) =>
    call<{
      entry: { id: string; kind: string; amountKopecks: number; balanceAfterKopecks: number };
    }>(t, headers, 'POST', url(studentId, 'payments'), body, key);
  const kindsOf = async (studentId: string) =>
    (await t.ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.studentId, studentId))).map(
      (entry) => [entry.kind, entry.amountKopecks],
    );

  it('pays for a subscription up to its price and puts money without a target on the balance', async () => {
    const { headers, student } = await moneyOrganization(t);
    const sold = await sell(t, headers, {
      studentId: student.id,
      typeId: (await createType(t, headers)).id,
    });
    const part = await pay(headers, student.id, {
      amountKopecks: 600_000,
      method: 'card',
      target: { subscriptionId: sold.id },
    });
    expect(part.body.entry).toMatchObject({ kind: 'payment_in', amountKopecks: 600_000 });
    const over = await pay(headers, student.id, {
      amountKopecks: 200_001,
      method: 'cash',
      target: { subscriptionId: sold.id },
    });
    expect([over.status, codeOf(over.body)]).toEqual([409, 'payment_exceeds_due']);
    const deposit = await pay(headers, student.id, {
      amountKopecks: 50_050,
      method: 'cash',
      comment: 'чек 17',
    });
    expect(deposit.body.entry).toMatchObject({ kind: 'deposit', balanceAfterKopecks: 650_050 });
    const subscription = await call<{ subscription: { paidKopecks: number } }>(
      t,
      headers,
      'GET',
      `/api/staff/billing/subscriptions/${sold.id}`,
    );
    expect(subscription.body.subscription.paidKopecks).toBe(600_000);
    const audit = await t.ctx.db
      .select()
      .from(securityAudit)
      .where(eq(securityAudit.action, 'billing.deposit.received'));
    expect(
      audit.some((row) => (row.details as { entryId?: string }).entryId === deposit.body.entry.id),
    ).toBe(true);
  });

  it('charges a one-time fee once and takes payments for it up to the fee', async () => {
    const { organization, headers, student, course } = await moneyOrganization(t);
    const feeGroup = await insertGroup(t.ctx, organization.id, {
      courseId: course.id,
      name: 'Курс подготовки',
      paymentMode: 'one_time_fee',
      feeKopecks: 1_000_000,
    });
    const enrollment = await insertEnrollment(t.ctx, organization.id, {
      studentId: student.id,
      groupId: feeGroup.id,
    });
    const charge = () =>
      t.ctx.db.transaction((tx) =>
        chargeEnrollmentFee(tx, {
          organizationId: organization.id,
          enrollmentId: enrollment.id,
          actorId: null,
        }),
      );
    const [first, second] = [await charge(), await charge()];
    expect(second?.id).toBe(first?.id);
    const [stored] = await t.ctx.db
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, enrollment.id));
    expect(stored?.feeKopecks).toBe(1_000_000);

    await pay(headers, student.id, {
      amountKopecks: 500_000,
      method: 'bank_transfer',
      target: { enrollmentId: enrollment.id },
    });
    const over = await pay(headers, student.id, {
      amountKopecks: 500_001,
      method: 'cash',
      target: { enrollmentId: enrollment.id },
    });
    expect(codeOf(over.body)).toBe('payment_exceeds_due');
    const fees = await call<{ items: { id: string; feePaidKopecks: number }[] }>(
      t,
      headers,
      'GET',
      '/api/staff/billing/debts/fees',
    );
    expect(fees.body.items).toMatchObject([{ id: enrollment.id, feePaidKopecks: 500_000 }]);
    expect(await kindsOf(student.id)).toEqual([
      ['fee_charge', -1_000_000],
      ['payment_in', 500_000],
    ]);
    const perLesson = await pay(headers, student.id, {
      amountKopecks: 1,
      method: 'cash',
      target: {
        enrollmentId: (
          await insertEnrollment(t.ctx, organization.id, {
            studentId: student.id,
            groupId: (await insertGroup(t.ctx, organization.id, { courseId: course.id })).id,
          })
        ).id,
      },
    });
    expect(codeOf(perLesson.body)).toBe('enrollment_has_no_fee');
  });

  it('moves money once per key, and both of two concurrent payments with different keys', async () => {
    const { headers, student } = await moneyOrganization(t);
    const key = randomUUID();
    const retried = await Promise.all(
      [1, 2, 3].map(() => pay(headers, student.id, { amountKopecks: 10_000, method: 'cash' }, key)),
    );
    expect(new Set(retried.map((r) => r.body.entry.id)).size).toBe(1);
    await Promise.all([
      pay(headers, student.id, { amountKopecks: 20_000, method: 'cash' }),
      pay(headers, student.id, { amountKopecks: 30_000, method: 'card' }),
    ]);
    expect((await totalsOf(t, student.id)).balance).toBe(60_000);
    const entries = await t.ctx.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.studentId, student.id));
    // The writers queued on the student's lock: each entry's balance is the previous one plus
    // its amount, with no update lost.
    const chain = entries.toSorted((a, b) => a.balanceAfterKopecks - b.balanceAfterKopecks);
    let running = 0;
    for (const entry of chain) {
      running += entry.amountKopecks;
      expect(entry.balanceAfterKopecks).toBe(running);
    }
    expect(chain).toHaveLength(3);
    const reused = await pay(headers, student.id, { amountKopecks: 99, method: 'cash' }, key);
    expect(codeOf(reused.body)).toBe('idempotency_key_reused');
  });

  it('refunds no more than the free balance or a subscription’s paid, unused part', async () => {
    const { organization, headers, student, group } = await moneyOrganization(t);
    const type = await createType(t, headers, { lessonsCount: 4, priceKopecks: 400_000 });
    const sold = await sell(t, headers, {
      studentId: student.id,
      typeId: type.id,
      beginsOn: '2026-03-01',
      payment: { kind: 'money', amountKopecks: 400_000, method: 'cash' },
    });
    await chargedVisit(t, organization, {
      studentId: student.id,
      groupId: group.id,
      startsAt: lessonAt('2026-03-03'),
    });
    await pay(headers, student.id, { amountKopecks: 50_000, method: 'cash' });
    const refund = (body: object) => call(t, headers, 'POST', url(student.id, 'refunds'), body);

    const tooMuch = await refund({
      amountKopecks: 50_001,
      method: 'cash',
      source: { kind: 'balance' },
    });
    expect(codeOf(tooMuch.body)).toBe('insufficient_free_balance');
    expect(
      (await refund({ amountKopecks: 50_000, method: 'cash', source: { kind: 'balance' } })).status,
    ).toBe(201);
    // 4 000 ₽ paid, one lesson (1 000 ₽) charged: 3 000 ₽ may go back.
    const fromSub = { kind: 'subscription', subscriptionId: sold.id };
    const over = await refund({ amountKopecks: 300_001, method: 'cash', source: fromSub });
    expect(codeOf(over.body)).toBe('refund_exceeds_paid');
    const back = await refund({
      amountKopecks: 300_000,
      method: 'card',
      source: { ...fromSub, close: true },
      comment: 'переезд',
    });
    expect(back.status).toBe(201);
    const closed = await call<{
      subscription: { paidKopecks: number; status: string; endReason: string };
    }>(t, headers, 'GET', `/api/staff/billing/subscriptions/${sold.id}`);
    expect(closed.body.subscription).toMatchObject({
      paidKopecks: 100_000,
      status: 'ended',
      endReason: 'refunded',
    });
    expect(await totalsOf(t, student.id)).toEqual({ balance: 0, debtLessons: 0 });
  });

  it('corrects the balance either way only with a comment', async () => {
    const { headers, student } = await moneyOrganization(t);
    const correct = (body: object) =>
      call(t, headers, 'POST', url(student.id, 'corrections'), body);
    expect((await correct({ amountKopecks: -15_000 })).status).toBe(400);
    expect((await correct({ amountKopecks: 0, comment: 'ноль' })).status).toBe(400);
    expect((await correct({ amountKopecks: -15_000, comment: 'Ошибка кассы 12.03' })).status).toBe(
      201,
    );
    expect((await correct({ amountKopecks: 5_000, comment: 'Бонус за отзыв' })).status).toBe(201);
    expect((await totalsOf(t, student.id)).balance).toBe(-10_000);
    const history = await call<{
      items: { kind: string; comment: string; createdByName: string }[];
    }>(t, headers, 'GET', url(student.id, 'ledger'));
    expect(history.body.items.map((e) => [e.kind, e.comment, e.createdByName])).toEqual(
      expect.arrayContaining([['correction', 'Ошибка кассы 12.03', 'Анна Админова']]),
    );
  });
});

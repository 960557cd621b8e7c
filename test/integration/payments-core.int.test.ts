import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentList } from '../../src/shared/contracts/payments.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { recordPayment } from '../../src/server/modules/billing/index.js';
import { requestRefund } from '../../src/server/modules/payments/index.js';
import {
  ledgerEntries,
  paymentAttempts,
  paymentEvents,
  students,
  subscriptions,
} from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCabinetFamily, must, type CabinetFamily } from '../helpers/cabinet-fixtures.js';
import {
  createPayment,
  expectLedgerBalanced,
  moneyIn,
  payBySandboxCard,
  sendWebhook,
  startPayment,
  viewPayment,
} from './payments-core-support.js';

type ErrorBody = { error: { code: string } };

describe('online payments: purposes, idempotency, webhooks, refunds (sandbox provider)', () => {
  let t: TestApp;
  let f: CabinetFamily;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createCabinetFamily(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const studentRow = async (id: string) => {
    const [row] = await t.ctx.db.select().from(students).where(eq(students.id, id));
    return must(row);
  };

  it('pays the lessons in debt: the debt disappears, the ledger balances, money counted once', async () => {
    const before = await studentRow(f.petya.id);
    expect(before.debtLessons).toBe(2);
    const inBefore = await moneyIn(t.ctx, f.petya.id);
    const payment = await startPayment(t, f.headers, { purpose: 'debt', targetId: f.petya.id });
    expect(payment.amountKopecks).toBe(100_000);
    expect(payment.status).toBe('pending');
    expect(payment.confirmationUrl).toContain('/sandbox/pay/');

    await payBySandboxCard(t.ctx, payment.providerPaymentId);
    const view = await viewPayment(t, f.headers, payment.paymentId);
    expect(view).toMatchObject({
      status: 'succeeded',
      appliedAs: 'purpose',
      purpose: 'debt',
      studentName: 'Петя Иванов',
      receiptAvailable: true,
      decline: null,
    });
    expect(view.description).toBe('Оплата занятий в долг (2) — Петя Иванов');
    const after = await studentRow(f.petya.id);
    expect(after.debtLessons).toBe(0);
    // The payment came in and paid the two lessons: the balance (free money) is unchanged.
    expect(after.balanceKopecks).toBe(before.balanceKopecks);
    expect(await moneyIn(t.ctx, f.petya.id)).toBe(inBefore + 100_000);
    await expectLedgerBalanced(t.ctx, f.organization.id);

    // More notifications and polls change nothing.
    for (let i = 0; i < 3; i++)
      expect((await sendWebhook(t, payment.providerPaymentId)).statusCode).toBe(200);
    await viewPayment(t, f.headers, payment.paymentId);
    expect(await moneyIn(t.ctx, f.petya.id)).toBe(inBefore + 100_000);
    const nothingLeft = await createPayment(t, f.headers, {
      purpose: 'debt',
      targetId: f.petya.id,
    });
    expect(nothingLeft.json<ErrorBody>().error.code).toBe('payment_no_debt');
  });

  it('returns the same payment for the same key and refuses the key with another body', async () => {
    const key = randomUUID();
    const body = { purpose: 'balance_top_up', targetId: f.masha.id, amountKopecks: 150_000 };
    const first = await createPayment(t, f.headers, body, key);
    const second = await createPayment(t, f.headers, body, key);
    expect(first.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const other = await createPayment(t, f.headers, { ...body, amountKopecks: 160_000 }, key);
    expect(other.statusCode).toBe(409);
    expect(other.json<ErrorBody>().error.code).toBe('idempotency_key_reused');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: f.headers,
      payload: { ...body, method: 'card' },
    });
    expect(missing.statusCode).toBe(400);
  });

  it('computes amounts server-side and refuses what cannot be paid', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ purpose: 'balance_top_up', targetId: f.masha.id }, 'payment_amount_invalid'],
      [
        { purpose: 'balance_top_up', targetId: f.masha.id, amountKopecks: 50 },
        'payment_amount_invalid',
      ],
      [
        { purpose: 'subscription_purchase', targetId: f.types.chessType.id },
        'payment_student_required',
      ],
      [
        { purpose: 'subscription_purchase', studentId: f.petya.id, targetId: f.types.shortType.id },
        'payment_offer_unavailable',
      ],
      [
        { purpose: 'subscription_remaining', targetId: f.mashaSub.id, amountKopecks: 40_001 },
        'payment_exceeds_due',
      ],
      [{ purpose: 'balance_top_up', targetId: randomUUID(), amountKopecks: 150_000 }, 'not_found'],
    ];
    for (const [payload, code] of cases) {
      const response = await createPayment(t, f.headers, payload);
      expect(response.json<ErrorBody>().error.code, JSON.stringify(payload)).toBe(code);
    }
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: { host: f.headers.host, 'idempotency-key': randomUUID() },
      payload: {
        purpose: 'balance_top_up',
        targetId: f.masha.id,
        amountKopecks: 150_000,
        method: 'card',
      },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('buys a subscription the cabinet offers, paid online', async () => {
    const payment = await startPayment(t, f.headers, {
      purpose: 'subscription_purchase',
      studentId: f.petya.id,
      targetId: f.types.chessType.id,
    });
    expect(payment.amountKopecks).toBe(240_000);
    await payBySandboxCard(t.ctx, payment.providerPaymentId);
    expect((await sendWebhook(t, payment.providerPaymentId)).statusCode).toBe(200);
    const sold = await t.ctx.db
      .select()
      .from(subscriptions)
      .where(
        and(
          eq(subscriptions.studentId, f.petya.id),
          eq(subscriptions.typeId, f.types.chessType.id),
        ),
      );
    expect(sold).toHaveLength(1);
    expect(must(sold[0]).paidKopecks).toBe(240_000);
    expect((await viewPayment(t, f.headers, payment.paymentId)).appliedAs).toBe('purpose');
    await expectLedgerBalanced(t.ctx, f.organization.id);
  });

  it('pays part of a course fee, and puts money on the balance when the purpose is gone', async () => {
    const fee = await startPayment(t, f.headers, {
      purpose: 'course_fee',
      targetId: f.mashaFee.id,
      amountKopecks: 100_000,
    });
    await payBySandboxCard(t.ctx, fee.providerPaymentId);
    expect((await viewPayment(t, f.headers, fee.paymentId)).appliedAs).toBe('purpose');

    // The rest of Маша's subscription, paid in cash by staff while the card payment was open.
    const online = await startPayment(t, f.headers, {
      purpose: 'subscription_remaining',
      targetId: f.mashaSub.id,
    });
    expect(online.amountKopecks).toBe(40_000);
    await t.ctx.db.transaction((tx) =>
      recordPayment(tx, {
        organizationId: f.organization.id,
        studentId: f.masha.id,
        amountKopecks: 40_000,
        method: 'cash',
        target: { subscriptionId: f.mashaSub.id },
        actorId: null,
        idempotencyKey: randomUUID(),
      }),
    );
    const balanceBefore = (await studentRow(f.masha.id)).balanceKopecks;
    await payBySandboxCard(t.ctx, online.providerPaymentId);
    const view = await viewPayment(t, f.headers, online.paymentId);
    expect(view).toMatchObject({ status: 'succeeded', appliedAs: 'balance' });
    expect((await studentRow(f.masha.id)).balanceKopecks).toBe(balanceBefore + 40_000);
    const [sub] = await t.ctx.db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, f.mashaSub.id));
    expect(must(sub).paidKopecks).toBe(100_000);
    await expectLedgerBalanced(t.ctx, f.organization.id);
  });

  it('explains a declined card and moves no money', async () => {
    const inBefore = await moneyIn(t.ctx, f.masha.id);
    const payment = await startPayment(t, f.headers, {
      purpose: 'balance_top_up',
      targetId: f.masha.id,
      amountKopecks: 200_000,
    });
    await payBySandboxCard(t.ctx, payment.providerPaymentId, '4000000000009995');
    const view = await viewPayment(t, f.headers, payment.paymentId);
    expect(view).toMatchObject({
      status: 'canceled',
      decline: { code: 'insufficient_funds', party: 'payment_network' },
      appliedAs: null,
      receiptAvailable: false,
    });
    // A late `succeeded` hint cannot move a final status: the API says canceled anyway.
    await sendWebhook(t, payment.providerPaymentId, 'payment.succeeded');
    expect((await viewPayment(t, f.headers, payment.paymentId)).status).toBe('canceled');
    expect(await moneyIn(t.ctx, f.masha.id)).toBe(inBefore);
  });

  it('refuses notifications from foreign addresses and logs them; unknown payments answer 200', async () => {
    const payment = await startPayment(t, f.headers, {
      purpose: 'balance_top_up',
      targetId: f.masha.id,
      amountKopecks: 110_000,
    });
    await payBySandboxCard(t.ctx, payment.providerPaymentId);
    const inBefore = await moneyIn(t.ctx, f.masha.id);
    const foreign = await sendWebhook(
      t,
      payment.providerPaymentId,
      'payment.succeeded',
      '203.0.113.9',
    );
    expect(foreign.statusCode).toBe(403);
    const [rejected] = await rowsOf<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from payment_events
          where outcome = 'rejected_source' and source_ip = '203.0.113.9'`,
    );
    expect(must(rejected).n).toBe(1);
    expect(await moneyIn(t.ctx, f.masha.id)).toBe(inBefore);
    const unknown = await sendWebhook(t, 'not-a-payment');
    expect(unknown.statusCode).toBe(200);
    expect((await sendWebhook(t, payment.providerPaymentId)).statusCode).toBe(200);
    expect(await moneyIn(t.ctx, f.masha.id)).toBe(inBefore + 110_000);
  });

  it('does not apply a payment whose amount differs from the attempt', async () => {
    const payment = await startPayment(t, f.headers, {
      purpose: 'balance_top_up',
      targetId: f.masha.id,
      amountKopecks: 120_000,
    });
    // As if our row and the provider's payment disagreed (a bug, or a forged object).
    await t.ctx.db
      .update(paymentAttempts)
      .set({ amountKopecks: 120_100 })
      .where(eq(paymentAttempts.id, payment.paymentId));
    await payBySandboxCard(t.ctx, payment.providerPaymentId);
    const inBefore = await moneyIn(t.ctx, f.masha.id);
    expect((await sendWebhook(t, payment.providerPaymentId)).statusCode).toBe(200);
    const [row] = await t.ctx.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, payment.paymentId));
    expect(must(row).appliedAt).toBeNull();
    expect(must(row).status).toBe('pending');
    const events = await t.ctx.db
      .select()
      .from(paymentEvents)
      .where(
        and(eq(paymentEvents.paymentId, payment.paymentId), eq(paymentEvents.outcome, 'mismatch')),
      );
    expect(events.length).toBeGreaterThan(0);
    expect(await moneyIn(t.ctx, f.masha.id)).toBe(inBefore);
  });

  it('refunds a top-up in part and then the rest, never more than was paid', async () => {
    const payment = await startPayment(t, f.headers, {
      purpose: 'balance_top_up',
      targetId: f.petya.id,
      amountKopecks: 130_000,
    });
    await payBySandboxCard(t.ctx, payment.providerPaymentId);
    await viewPayment(t, f.headers, payment.paymentId);
    // Маша's money is spent on her course: billing's rules refuse to return it.
    const spent = await startPayment(t, f.headers, {
      purpose: 'balance_top_up',
      targetId: f.masha.id,
      amountKopecks: 100_000,
    });
    await payBySandboxCard(t.ctx, spent.providerPaymentId);
    await viewPayment(t, f.headers, spent.paymentId);
    await expect(
      requestRefund(t.ctx, {
        organizationId: f.organization.id,
        paymentId: spent.paymentId,
        actorId: f.parent.id,
        amountKopecks: 100_000,
        reason: 'Возврат',
        clientKey: 'r-spent',
      }),
    ).rejects.toMatchObject({ code: 'insufficient_free_balance' });

    const base = {
      organizationId: f.organization.id,
      paymentId: payment.paymentId,
      actorId: f.parent.id,
    };
    const balance = (await studentRow(f.petya.id)).balanceKopecks;
    const part = await requestRefund(t.ctx, {
      ...base,
      amountKopecks: 30_000,
      reason: 'Ошибка',
      clientKey: 'r-part-1',
    });
    expect(part.status).toBe('succeeded');
    const again = await requestRefund(t.ctx, {
      ...base,
      amountKopecks: 30_000,
      reason: 'Ошибка',
      clientKey: 'r-part-1',
    });
    expect(again.id).toBe(part.id);
    await expect(
      requestRefund(t.ctx, {
        ...base,
        amountKopecks: 100_001,
        reason: 'Всё',
        clientKey: 'r-too-much',
      }),
    ).rejects.toMatchObject({ code: 'refund_exceeds_payment' });
    const rest = await requestRefund(t.ctx, {
      ...base,
      amountKopecks: 100_000,
      reason: 'Всё',
      clientKey: 'r-rest',
    });
    expect(rest.status).toBe('succeeded');
    expect((await studentRow(f.petya.id)).balanceKopecks).toBe(balance - 130_000);
    expect((await viewPayment(t, f.headers, payment.paymentId)).refundedKopecks).toBe(130_000);
    const refunds = await t.ctx.db
      .select()
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.studentId, f.petya.id), eq(ledgerEntries.kind, 'refund')));
    expect(refunds.map((entry) => entry.amountKopecks).sort()).toEqual([-100_000, -30_000].sort());
    await expectLedgerBalanced(t.ctx, f.organization.id);
  });

  it('lists the payer’s payments newest first and hides others’ payments', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/payments?page=1',
      headers: f.headers,
    });
    expect(response.statusCode).toBe(200);
    const list = response.json<PaymentList>();
    expect(list.items.length).toBeGreaterThan(5);
    const times = list.items.map((item) => item.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const stranger = await createCabinetFamily(t);
    const foreign = await t.app.inject({
      method: 'GET',
      url: `/api/payments/${must(list.items[0]).id}`,
      headers: stranger.headers,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ReconciliationReport,
  StaffPaymentDetail,
  StaffRefundView,
} from '../../src/shared/contracts/payments-staff.js';
import { localDay } from '../../src/server/modules/calendar/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCabinetFamily, type CabinetFamily } from '../helpers/cabinet-fixtures.js';
import { createUser, signInAs } from '../helpers/factories.js';
import { payBySandboxCard, startPayment, viewPayment } from './payments-core-support.js';
import { outboxOf } from './payments-staff-fixtures.js';

type Headers = { host: string; cookie: string };
type ErrorBody = { error: { code: string } };

describe('staff payments: refunds and the whole path through the sandbox provider', () => {
  let t: TestApp;
  let f: CabinetFamily;
  let staff: Headers;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createCabinetFamily(t);
    const manager = await createUser(t.ctx, f.organization, {
      role: 'manager',
      name: 'Мария Менеджер',
    });
    staff = await signInAs(t.app, f.organization, manager.email);
  });
  afterAll(async () => {
    await t.close();
  });

  /** The parent tops up Петя's balance by the sandbox card; the return page applies it. */
  async function paidTopUp(amountKopecks: number) {
    const payment = await startPayment(t, f.headers, {
      purpose: 'balance_top_up',
      targetId: f.petya.id,
      amountKopecks,
    });
    await payBySandboxCard(t.ctx, payment.providerPaymentId);
    const view = await viewPayment(t, f.headers, payment.paymentId);
    expect(view.status).toBe('succeeded');
    return payment;
  }

  const refund = (paymentId: string, body: object, key: string | null = randomUUID()) =>
    t.app.inject({
      method: 'POST',
      url: `/api/staff/payments/${paymentId}/refunds`,
      headers: { ...staff, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });

  const detail = async (paymentId: string) => {
    const response = await t.app.inject({
      url: `/api/staff/payments/${paymentId}`,
      headers: staff,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ payment: StaffPaymentDetail }>().payment;
  };

  it('sends the receipt email once when a real payment is applied', async () => {
    const before = (await outboxOf(t.ctx, f.organization.id, 'payment_receipt')).length;
    const payment = await paidTopUp(50_000);
    await viewPayment(t, f.headers, payment.paymentId);
    const receipts = await outboxOf(t.ctx, f.organization.id, 'payment_receipt');
    expect(receipts).toHaveLength(before + 1);
    expect(receipts.at(-1)?.textBody).toContain(`/api/payments/${payment.paymentId}/receipt.html`);
    expect(receipts.at(-1)?.textBody).toContain('Способ оплаты: Банковская карта *4444');
  });

  it('refunds part and then the rest with a reason, idempotently, and shows them', async () => {
    const payment = await paidTopUp(120_000);
    const key = randomUUID();
    const part = await refund(
      payment.paymentId,
      { amountKopecks: 20_000, reason: 'Ошибочная сумма' },
      key,
    );
    expect(part.statusCode, part.body).toBe(201);
    const first = part.json<{ refund: StaffRefundView }>().refund;
    expect(first).toMatchObject({
      amountKopecks: 20_000,
      reason: 'Ошибочная сумма',
      status: 'succeeded',
      createdBy: { displayName: 'Мария Менеджер' },
    });
    const retried = await refund(
      payment.paymentId,
      { amountKopecks: 20_000, reason: 'Ошибочная сумма' },
      key,
    );
    expect(retried.json<{ refund: StaffRefundView }>().refund.id).toBe(first.id);

    const tooMuch = await refund(payment.paymentId, { amountKopecks: 100_001, reason: 'Всё' });
    expect([tooMuch.statusCode, tooMuch.json<ErrorBody>().error.code]).toEqual([
      409,
      'refund_exceeds_payment',
    ]);
    const rest = await refund(payment.paymentId, {
      amountKopecks: 100_000,
      reason: 'Отказ от занятий',
    });
    expect(rest.statusCode, rest.body).toBe(201);

    const shown = await detail(payment.paymentId);
    expect(shown.refundedKopecks).toBe(120_000);
    expect(shown.refunds.map((r) => [r.amountKopecks, r.status])).toEqual([
      [20_000, 'succeeded'],
      [100_000, 'succeeded'],
    ]);
    expect(shown.events.some((event) => event.source === 'refund')).toBe(true);

    const page = await t.app.inject({
      url: `/api/payments/${payment.paymentId}/receipt.html`,
      headers: f.headers,
    });
    expect(page.body).toContain('Возвращено всего');
  });

  it('needs a key and a reason, and refuses payments that did not succeed', async () => {
    const payment = await paidTopUp(30_000);
    const noKey = await refund(
      payment.paymentId,
      { amountKopecks: 1_000, reason: 'Причина' },
      null,
    );
    expect(noKey.statusCode).toBe(400);
    const noReason = await refund(payment.paymentId, { amountKopecks: 1_000, reason: ' ' });
    expect([noReason.statusCode, noReason.json<ErrorBody>().error.code]).toEqual([
      400,
      'validation_failed',
    ]);
    const unpaid = await startPayment(t, f.headers, {
      purpose: 'balance_top_up',
      targetId: f.petya.id,
      amountKopecks: 30_000,
    });
    const refused = await refund(unpaid.paymentId, { amountKopecks: 1_000, reason: 'Причина' });
    expect([refused.statusCode, refused.json<ErrorBody>().error.code]).toEqual([
      409,
      'payment_not_refundable',
    ]);
    const parentTries = await t.app.inject({
      method: 'POST',
      url: `/api/staff/payments/${payment.paymentId}/refunds`,
      headers: { ...f.headers, 'idempotency-key': randomUUID() },
      payload: { amountKopecks: 1_000, reason: 'Верните' },
    });
    expect(parentTries.statusCode).toBe(403);
  });

  it('finds nothing wrong in the reconciliation report after real payments and refunds', async () => {
    const payment = await paidTopUp(40_000);
    expect(
      (await refund(payment.paymentId, { amountKopecks: 10_000, reason: 'Перерасчёт' })).statusCode,
    ).toBe(201);
    const today = localDay(new Date(), f.organization.timezone);
    const response = await t.app.inject({
      url: `/api/staff/payments/reconciliation?from=${today}&to=${today}`,
      headers: staff,
    });
    const report = response.json<ReconciliationReport>();
    expect(report).toMatchObject({
      succeededNotApplied: [],
      ledgerMismatches: [],
      amountMismatches: [],
      refundsPending: [],
    });
    expect(report.totals.succeededKopecks).toBeGreaterThanOrEqual(40_000);
    expect(report.totals.refundedKopecks).toBeGreaterThanOrEqual(10_000);
    expect(report.totals.netKopecks).toBe(
      report.totals.succeededKopecks - report.totals.refundedKopecks,
    );
  });
});

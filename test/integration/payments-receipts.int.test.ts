import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/shared/money.js';
import { enqueuePaymentReceipt } from '../../src/server/modules/payments/receipts/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { courseAccessGrants, courseOffers } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { insertStudent } from '../helpers/classes-factories.js';
import { createSignedInStaff, createUser, hostOf, signInAs } from '../helpers/factories.js';
import { insertAttempt, insertRefund, outboxOf } from './payments-staff-fixtures.js';

// 14:05 in Moscow, the organization's default time zone.
const PAID_AT = new Date('2026-11-20T11:05:00Z');

describe('payment receipts: the email, the HTML page and the PDF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** An organization with money staff, a parent who paid 8 000 ₽ by card, and a stranger. */
  async function paidSubscription(locale: 'ru' | 'en' = 'ru') {
    const { organization, headers: staff } = await createSignedInStaff(t.app, t.ctx);
    const payer = await createUser(t.ctx, organization, {
      role: null,
      name: 'Анна Иванова',
      locale,
    });
    const student = await insertStudent(t.ctx, organization.id, { fullName: 'Маша Иванова' });
    const attempt = await insertAttempt(t.ctx, organization.id, {
      purpose: 'subscription_purchase',
      payerId: payer.id,
      studentId: student.id,
      amountKopecks: 800_000,
      description: 'Абонемент «8 занятий» — Маша Иванова',
      finishedAt: PAID_AT,
    });
    return { organization, staff, payer, attempt };
  }

  const enqueue = (attemptId: string) =>
    t.ctx.db.transaction((tx) => enqueuePaymentReceipt(t.ctx, tx, attemptId));

  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });

  const customer = async (organization: Organization) => {
    const person = await createUser(t.ctx, organization, { role: null });
    return { person, headers: await signInAs(t.app, organization, person.email) };
  };

  it('emails the payer a receipt in their language with the time in the organization time zone', async () => {
    const { organization, payer, attempt } = await paidSubscription();
    const outboxId = await enqueue(attempt.id);
    const [mail, ...others] = await outboxOf(t.ctx, organization.id);
    expect(others).toEqual([]);
    expect(mail).toMatchObject({
      id: outboxId,
      template: 'payment_receipt',
      toAddress: payer.email,
      toName: 'Анна Иванова',
      locale: 'ru',
      subject: `Платёж №${String(attempt.number)} на ${formatMoney(800_000)} прошёл`,
    });
    const text = mail?.textBody ?? '';
    expect(text).toContain('Здравствуйте, Анна Иванова!');
    expect(text).toContain('«Тестовый центр» получил ваш платёж');
    expect(text).toContain('За что: Абонемент «8 занятий» — Маша Иванова');
    expect(text).toContain(`Сумма: ${formatMoney(800_000)}`);
    expect(text).toContain('Когда: 20 ноября 2026 г., 14:05');
    expect(text).toContain('Способ оплаты: Банковская карта *4444');
    expect(text).toContain('не кассовый чек');
    expect(text).toContain(
      `Открыть квитанцию: http://kabinet.test/api/payments/${attempt.id}/receipt.html?lang=ru`,
    );
    expect(mail?.htmlBody).toContain('Абонемент «8 занятий» — Маша Иванова');
  });

  it('writes English receipts for English speakers and names СБП', async () => {
    const { organization, payer } = await paidSubscription('en');
    const sbp = await insertAttempt(t.ctx, organization.id, {
      payerId: payer.id,
      method: 'sbp',
      paidWith: 'СБП',
      finishedAt: PAID_AT,
    });
    await enqueue(sbp.id);
    const [mail] = await outboxOf(t.ctx, organization.id);
    expect(mail?.locale).toBe('en');
    expect(mail?.subject).toBe(
      `Payment No. ${String(sbp.number)} of ${formatMoney(100_000, 'en')} received`,
    );
    expect(mail?.textBody).toContain('When: 20 November 2026, 14:05');
    expect(mail?.textBody).toContain('Paid with: SBP (Faster Payments System)');
  });

  it('sends a course buyer without an account the receipt at the email they gave', async () => {
    const { organization } = await paidSubscription();
    const bought = await insertAttempt(t.ctx, organization.id, {
      purpose: 'course_access',
      receiptEmail: 'buyer@example.com',
      details: { buyerName: 'Пётр Покупателев', buyerEmail: 'buyer@example.com', locale: 'en' },
    });
    await enqueue(bought.id);
    const [mail] = await outboxOf(t.ctx, organization.id);
    expect(mail).toMatchObject({
      toAddress: 'buyer@example.com',
      toName: 'Пётр Покупателев',
      locale: 'en',
    });

    const nobody = await insertAttempt(t.ctx, organization.id, { purpose: 'course_access' });
    expect(await enqueue(nobody.id)).toBeNull();
    expect(await outboxOf(t.ctx, organization.id)).toHaveLength(1);
  });

  it('refuses to write a receipt for a payment that has not succeeded', async () => {
    const { organization } = await paidSubscription();
    const pending = await insertAttempt(t.ctx, organization.id, { status: 'pending' });
    await expect(enqueue(pending.id)).rejects.toThrow(/has not succeeded/);
    expect(await outboxOf(t.ctx, organization.id)).toEqual([]);
  });

  it('shows the payer a printable page of their own payment, in Russian or English', async () => {
    const { organization, payer, attempt } = await paidSubscription();
    const headers = await signInAs(t.app, organization, payer.email);
    const page = await get(`/api/payments/${attempt.id}/receipt.html`, headers);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-disposition']).toBe(
      `inline; filename="receipt-${String(attempt.number)}.html"`,
    );
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.body).toContain(`<title>Квитанция об оплате №${String(attempt.number)}</title>`);
    expect(page.body).toContain('20 ноября 2026 г., 14:05');
    expect(page.body).toContain(formatMoney(800_000));
    expect(page.body).toContain('Банковская карта *4444');
    expect(page.body).toContain('не является кассовым чеком');
    expect(page.body).not.toContain('Возвраты');

    const english = await get(`/api/payments/${attempt.id}/receipt.html?lang=en`, headers);
    expect(english.body).toContain(`Payment receipt No. ${String(attempt.number)}`);
    expect(english.body).toContain('is not a fiscal receipt');
  });

  it('lists refunds that succeeded and what was paid after them', async () => {
    const { organization, staff, attempt } = await paidSubscription();
    await insertRefund(t.ctx, attempt, { amountKopecks: 300_000 });
    await insertRefund(t.ctx, attempt, {
      amountKopecks: 100_000,
      status: 'pending',
      appliedAt: null,
    });
    const page = await get(`/api/payments/${attempt.id}/receipt.html`, staff);
    expect(page.body).toContain('Возвраты');
    expect(page.body).toContain(formatMoney(-300_000));
    expect(page.body).not.toContain(formatMoney(-100_000));
    expect(page.body).toContain(
      `Итого оплачено с учётом возвратов</th><td>${formatMoney(500_000)}`,
    );
    expect(organization.id).toBeTruthy();
  });

  it('answers 404 for another person’s payment and lets money staff read any', async () => {
    const { organization, staff, attempt } = await paidSubscription();
    const stranger = await customer(organization);
    const url = `/api/payments/${attempt.id}/receipt.html`;
    expect((await get(url, stranger.headers)).statusCode).toBe(404);
    expect(
      (await get(`/api/payments/${attempt.id}/receipt.pdf`, stranger.headers)).statusCode,
    ).toBe(404);
    const teacher = await createUser(t.ctx, organization, { role: 'teacher' });
    expect((await get(url, await signInAs(t.app, organization, teacher.email))).statusCode).toBe(
      404,
    );
    expect((await get(url, staff)).statusCode).toBe(200);
    expect((await get(url, { host: hostOf(organization) })).statusCode).toBe(401);
    const other = await createSignedInStaff(t.app, t.ctx);
    expect((await get(url, other.headers)).statusCode).toBe(404);
  });

  it('explains that a receipt exists only once the payment succeeded', async () => {
    const { organization, payer } = await paidSubscription();
    const headers = await signInAs(t.app, organization, payer.email);
    for (const status of ['pending', 'canceled'] as const) {
      const attempt = await insertAttempt(t.ctx, organization.id, { payerId: payer.id, status });
      const page = await get(`/api/payments/${attempt.id}/receipt.pdf`, headers);
      expect([page.statusCode, page.json<{ error: { code: string } }>().error.code]).toEqual([
        409,
        'payment_receipt_unavailable',
      ]);
    }
  });

  it('renders the PDF with an embedded Cyrillic font as a download', async () => {
    const { organization, payer, attempt } = await paidSubscription();
    await insertRefund(t.ctx, attempt);
    const headers = await signInAs(t.app, organization, payer.email);
    const pdf = await get(`/api/payments/${attempt.id}/receipt.pdf`, headers);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="receipt-${String(attempt.number)}.pdf"`,
    );
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('lets the account a paid course opened read the receipt of that course', async () => {
    const { organization } = await paidSubscription();
    const buyer = await customer(organization);
    const [offer] = await t.ctx.db
      .insert(courseOffers)
      .values({
        organizationId: organization.id,
        title: 'Курс',
        priceKopecks: 100_000,
        accessDays: 30,
      })
      .returning();
    const bought = await insertAttempt(t.ctx, organization.id, {
      purpose: 'course_access',
      targetId: offer?.id ?? null,
    });
    const url = `/api/payments/${bought.id}/receipt.html`;
    expect((await get(url, buyer.headers)).statusCode).toBe(404);
    await t.ctx.db.insert(courseAccessGrants).values({
      organizationId: organization.id,
      attemptId: bought.id,
      offerId: offer?.id ?? '',
      userId: buyer.person.id,
      accountCreated: true,
      accessDays: 30,
    });
    expect((await get(url, buyer.headers)).statusCode).toBe(200);
  });
});

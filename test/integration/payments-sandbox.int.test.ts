import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentProvider } from '../../src/server/modules/payments/providers/provider.js';
import { createSandboxProvider } from '../../src/server/modules/payments/providers/sandbox/sandbox.provider.js';
import { sandboxPayments } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  payByCard,
  paymentRequest,
  postForm,
  queuedNotifications,
} from './payments-sandbox-support.js';

describe('sandbox provider: payments by card and their outcomes', () => {
  let t: TestApp;
  let provider: PaymentProvider;
  beforeAll(async () => {
    t = await createTestApp();
    provider = createSandboxProvider(t.ctx);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a pending payment with its amount echoed and a confirmation page on our server', async () => {
    const request = await paymentRequest(t.ctx);
    const payment = await provider.createPayment(request);
    expect(payment).toMatchObject({
      status: 'pending',
      amountKopecks: 100_050,
      currency: 'RUB',
      cancellation: null,
      paidWith: null,
      metadata: request.metadata,
      confirmationUrl: `http://kabinet.test/sandbox/pay/${payment.id}`,
    });
    expect(payment.raw).toMatchObject({
      id: payment.id,
      status: 'pending',
      paid: false,
      amount: { value: '1000.50', currency: 'RUB' },
      confirmation: { type: 'redirect', confirmation_url: payment.confirmationUrl },
      test: true,
    });
    expect(await provider.getPayment(payment.id)).toMatchObject({
      id: payment.id,
      status: 'pending',
    });
  });

  it('returns the same payment for a reused idempotence key and refuses the key with other data', async () => {
    const request = await paymentRequest(t.ctx);
    const first = await provider.createPayment(request);
    const again = await provider.createPayment({ ...request });
    expect(again.id).toBe(first.id);
    await expect(provider.createPayment({ ...request, amountKopecks: 5000 })).rejects.toMatchObject(
      {
        name: 'SandboxApiError',
        code: 'invalid_request',
      },
    );
    const rows = await t.ctx.db
      .select()
      .from(sandboxPayments)
      .where(eq(sandboxPayments.idempotenceKey, request.idempotenceKey));
    expect(rows).toHaveLength(1);
  });

  it('refuses amounts that are not positive kopecks and unknown payment ids', async () => {
    const request = await paymentRequest(t.ctx);
    await expect(provider.createPayment({ ...request, amountKopecks: 0 })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(provider.getPayment(randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    await expect(provider.getPayment('not-an-id')).rejects.toMatchObject({ code: 'not_found' });
  });

  const outcomes = [
    ['5555 5555 5555 4444', 'succeeded', null, 'Карта *4444'],
    ['2200 0000 0000 0004', 'succeeded', null, 'Карта *0004'],
    ['4111111111111111', 'succeeded', null, 'Карта *1111'],
    ['4000 0000 0000 9995', 'canceled', 'insufficient_funds', 'Карта *9995'],
    ['5555 5555 5555 1010', 'canceled', 'payment_method_limit_exceeded', 'Карта *1010'],
    ['2200 0000 0000 0103', 'canceled', 'payment_method_restricted', 'Карта *0103'],
    ['4000 0000 0000 0069', 'canceled', 'card_expired', 'Карта *0069'],
    ['4100 0000 0000 0019', 'canceled', 'fraud_suspected', 'Карта *0019'],
  ] as const;

  for (const [number, status, reason, paidWith] of outcomes) {
    it(`card ${number} ends ${status}${reason ? ` with ${reason}` : ''}`, async () => {
      const payment = await provider.createPayment(await paymentRequest(t.ctx));
      const posted = await payByCard(t.app, payment.id, number);
      expect(posted.statusCode).toBe(303);
      expect(posted.headers.location).toBe(`/sandbox/pay/${payment.id}?lang=ru`);
      const now = await provider.getPayment(payment.id);
      expect(now).toMatchObject({ status, paidWith, confirmationUrl: null });
      expect(now.cancellation).toEqual(
        reason
          ? { party: reason === 'fraud_suspected' ? 'yoo_money' : 'payment_network', reason }
          : null,
      );
      const notifications = await queuedNotifications(t.ctx, payment.id);
      expect(notifications.map((n) => [n.type, n.event, n.object.status])).toEqual([
        ['notification', `payment.${status}`, status],
      ]);
    });
  }

  it('declines a success card whose expiry date has passed as card_expired', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, payment.id, '5555555555554444', { expiry: '01/20' });
    expect((await provider.getPayment(payment.id)).cancellation?.reason).toBe('card_expired');
  });

  it('keeps the payment pending and shows the mistakes when the form is filled wrongly', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    const wrong = await payByCard(t.app, payment.id, '5555 5555 5555 4445', {
      expiry: '13/30',
      cvc: '12',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Проверьте номер карты');
    expect(wrong.body).toContain('ММ/ГГ');
    expect(wrong.body).toContain('три цифры');
    expect(wrong.body).toContain('aria-invalid="true"');
    const notTest = await payByCard(t.app, payment.id, '4242 4242 4242 4242');
    expect(notTest.body).toContain('Это не тестовая карта');
    expect((await provider.getPayment(payment.id)).status).toBe('pending');
    expect(await queuedNotifications(t.ctx, payment.id)).toEqual([]);
  });

  it('asks for the 3-D Secure code and succeeds with 12345', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, payment.id, '5555 5555 5555 4477');
    expect((await provider.getPayment(payment.id)).status).toBe('pending');
    const page = await t.app.inject({ url: `/sandbox/pay/${payment.id}` });
    expect(page.body).toContain('Введите код 12345');
    expect(page.body).toContain('*4477');
    const confirmed = await postForm(t.app, `/sandbox/pay/${payment.id}/3ds`, { code: '12345' });
    expect(confirmed.statusCode).toBe(303);
    expect(await provider.getPayment(payment.id)).toMatchObject({
      status: 'succeeded',
      paidWith: 'Карта *4477',
    });
  });

  it('fails the payment with 3d_secure_failed on a wrong code', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, payment.id, '5555555555554477');
    await postForm(t.app, `/sandbox/pay/${payment.id}/3ds`, { code: '11111', lang: 'en' });
    expect((await provider.getPayment(payment.id)).cancellation).toEqual({
      party: 'payment_network',
      reason: '3d_secure_failed',
    });
    const page = await t.app.inject({ url: `/sandbox/pay/${payment.id}?lang=en` });
    expect(page.body).toContain('Payment declined');
    expect(page.body).toContain('3d_secure_failed');
  });

  it('changes nothing when a finished payment is posted again (a double click)', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, payment.id, '5555555555554444');
    await payByCard(t.app, payment.id, '4000000000009995');
    expect((await provider.getPayment(payment.id)).status).toBe('succeeded');
    expect(await queuedNotifications(t.ctx, payment.id)).toHaveLength(1);
  });

  it('expires a payment nobody confirms with expired_on_confirmation', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await t.ctx.db
      .update(sandboxPayments)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sandboxPayments.id, payment.id));
    expect((await provider.getPayment(payment.id)).cancellation).toEqual({
      party: 'yoo_money',
      reason: 'expired_on_confirmation',
    });
    expect((await queuedNotifications(t.ctx, payment.id)).map((n) => n.event)).toEqual([
      'payment.canceled',
    ]);
  });

  it('refuses a form post from another site', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    const response = await t.app.inject({
      method: 'POST',
      url: `/sandbox/pay/${payment.id}/card`,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
      },
      payload: 'number=5555555555554444&expiry=12%2F35&cvc=123',
    });
    expect(response.statusCode).toBe(403);
    expect((await provider.getPayment(payment.id)).status).toBe('pending');
  });
});

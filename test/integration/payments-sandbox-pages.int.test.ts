import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentProvider } from '../../src/server/modules/payments/providers/provider.js';
import { setSandboxPaymentOptions } from '../../src/server/modules/payments/providers/sandbox/sandbox.checkout.js';
import { createSandboxProvider } from '../../src/server/modules/payments/providers/sandbox/sandbox.provider.js';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.js';
import {
  payByCard,
  paymentRequest,
  postForm,
  queuedNotifications,
} from './payments-sandbox-support.js';

describe('sandbox provider: pages, СБП, capture and refunds', () => {
  let t: TestApp;
  let provider: PaymentProvider;
  beforeAll(async () => {
    t = await createTestApp();
    provider = createSandboxProvider(t.ctx);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the card page in Russian with the amount, the banner, the form and the test cards', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    const page = await t.app.inject({ url: `/sandbox/pay/${payment.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="ru">');
    expect(page.body).toContain('Тестовый режим — деньги не списываются');
    expect(page.body).toContain('1\u00A0000,50\u00A0₽');
    expect(page.body).toContain('Школа «Радуга»');
    expect(page.body).toContain('Абонемент «8 занятий» — Миша');
    for (const label of ['Номер карты', 'Срок действия', 'CVC', 'Доставка уведомлений']) {
      expect(page.body).toContain(label);
    }
    expect(page.body).toContain('<label for="number">');
    expect(page.body).toContain('5555 5555 5555 4444');
    expect(page.body).toContain('2200 0000 0000 0103');
    expect(page.body).not.toMatch(/<script/);
  });

  it('speaks English by ?lang=en or Accept-Language, and escapes what the merchant wrote', async () => {
    const payment = await provider.createPayment(
      await paymentRequest(t.ctx, { description: 'Course <b>"Piano"</b>' }),
    );
    const byQuery = await t.app.inject({ url: `/sandbox/pay/${payment.id}?lang=en` });
    expect(byQuery.body).toContain('Test mode — no money is charged');
    expect(byQuery.body).toContain('1,000.50\u00A0₽');
    expect(byQuery.body).toContain('Course &lt;b&gt;&quot;Piano&quot;&lt;/b&gt;');
    const byHeader = await t.app.inject({
      url: `/sandbox/pay/${payment.id}`,
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(byHeader.body).toContain('<html lang="en">');
    expect(byHeader.body).toContain(`href="/sandbox/pay/${payment.id}?lang=ru"`);
  });

  it('documents the page and its form posts in OpenAPI', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/sandbox/pay/{id}',
        '/sandbox/pay/{id}/card',
        '/sandbox/pay/{id}/3ds',
        '/sandbox/pay/{id}/sbp',
      ]),
    );
  });

  it('answers 404 with a page for unknown or malformed ids', async () => {
    for (const id of [randomUUID(), 'nonsense']) {
      const page = await t.app.inject({ url: `/sandbox/pay/${id}` });
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('Платёж не найден');
      const posted = await payByCard(t.app, id, '5555555555554444');
      expect(posted.statusCode).toBe(404);
    }
  });

  it('pays by СБП from the QR page', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx, { method: 'sbp' }));
    const page = await t.app.inject({ url: `/sandbox/pay/${payment.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Оплата через СБП');
    expect(page.body).toMatch(/<img class="qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    expect(page.body).toContain('Оплатить в приложении банка (тест)');
    expect(page.body).toContain('Отказаться');
    const answered = await postForm(t.app, `/sandbox/pay/${payment.id}/sbp`, { answer: 'pay' });
    expect(answered.statusCode).toBe(303);
    expect(await provider.getPayment(payment.id)).toMatchObject({
      status: 'succeeded',
      paidWith: 'СБП',
    });
    const result = await t.app.inject({ url: `/sandbox/pay/${payment.id}` });
    expect(result.body).toContain('Оплата прошла');
    expect(result.body).toContain(`href="http://kabinet.test/cabinet/payments/return"`);
    expect(result.body).toContain('Вернуться в магазин');
  });

  it('declines an СБП payment the person refuses', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx, { method: 'sbp' }));
    await postForm(t.app, `/sandbox/pay/${payment.id}/sbp`, { answer: 'refuse' });
    expect((await provider.getPayment(payment.id)).cancellation).toEqual({
      party: 'payment_network',
      reason: 'general_decline',
    });
    const result = await t.app.inject({ url: `/sandbox/pay/${payment.id}` });
    expect(result.body).toContain('Платёж отклонён');
    expect(result.body).toContain('general_decline');
  });

  it('refunds in parts, never more than was paid, and the same key returns the same refund', async () => {
    const request = await paymentRequest(t.ctx);
    const payment = await provider.createPayment(request);
    const refund = (amountKopecks: number, idempotenceKey = randomUUID()) =>
      provider.createRefund({
        idempotenceKey,
        paymentId: payment.id,
        amountKopecks,
        currency: 'RUB',
        description: 'Возврат',
        receipt: request.receipt,
      });
    await expect(refund(100)).rejects.toMatchObject({ code: 'invalid_request' });
    await payByCard(t.app, payment.id, '5555555555554444');

    const key = randomUUID();
    const first = await refund(60_000, key);
    expect(first).toMatchObject({
      paymentId: payment.id,
      status: 'succeeded',
      amountKopecks: 60_000,
    });
    expect((await refund(60_000, key)).id).toBe(first.id);
    await expect(refund(40_051)).rejects.toMatchObject({ code: 'invalid_request' });
    const rest = await refund(40_050);
    expect(rest.id).not.toBe(first.id);
    await expect(refund(1)).rejects.toMatchObject({ code: 'invalid_request' });

    expect(await provider.getRefund(first.id)).toMatchObject({ id: first.id, status: 'succeeded' });
    await expect(provider.getRefund(randomUUID())).rejects.toMatchObject({ code: 'not_found' });
    expect((await provider.getPayment(payment.id)).raw).toMatchObject({
      refunded_amount: { value: '1000.50', currency: 'RUB' },
      refundable: false,
    });
    const refundNotifications = await queuedNotifications(t.ctx, first.id);
    expect(refundNotifications.map((n) => [n.event, n.object.payment_id])).toEqual([
      ['refund.succeeded', payment.id],
    ]);
  });

  it('holds a two-stage payment in waiting_for_capture until it is captured', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await setSandboxPaymentOptions(t.ctx, payment.id, { capture: 'manual' });
    await payByCard(t.app, payment.id, '2200000000000004');
    expect((await provider.getPayment(payment.id)).status).toBe('waiting_for_capture');
    const page = await t.app.inject({ url: `/sandbox/pay/${payment.id}` });
    expect(page.body).toContain('Оплата подтверждена');

    const captured = await provider.capturePayment(payment.id, randomUUID());
    expect(captured.status).toBe('succeeded');
    expect((await provider.capturePayment(payment.id, randomUUID())).status).toBe('succeeded');
    expect((await queuedNotifications(t.ctx, payment.id)).map((n) => n.event)).toEqual([
      'payment.waiting_for_capture',
      'payment.succeeded',
    ]);
    const pending = await provider.createPayment(await paymentRequest(t.ctx));
    await expect(provider.capturePayment(pending.id, randomUUID())).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  it('reads YooKassa-shaped notifications and trusts only loopback sources', () => {
    const id = randomUUID();
    expect(
      provider.parseNotification({
        type: 'notification',
        event: 'payment.succeeded',
        object: { id, status: 'succeeded' },
      }),
    ).toEqual({ event: 'payment.succeeded', objectType: 'payment', objectId: id });
    expect(
      provider.parseNotification({
        type: 'notification',
        event: 'refund.succeeded',
        object: { id },
      }),
    ).toEqual({ event: 'refund.succeeded', objectType: 'refund', objectId: id });
    expect(provider.parseNotification({ event: 'payment.succeeded', object: { id } })).toBeNull();
    expect(provider.parseNotification('payment.succeeded')).toBeNull();
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(provider.isAllowedNotificationSource(ip)).toBe(true);
    }
    for (const ip of ['10.0.0.1', '185.71.76.1', '::ffff:10.0.0.1']) {
      expect(provider.isAllowedNotificationSource(ip)).toBe(false);
    }
  });
});

describe('sandbox provider when YooKassa takes the payments', () => {
  let t: TestApp;
  beforeAll(async () => {
    const { payments } = testConfig();
    t = await createTestApp({ config: { payments: { ...payments, provider: 'yookassa' } } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('hides the sandbox page (404) even for a payment it took before', async () => {
    const payment = await createSandboxProvider(t.ctx).createPayment(await paymentRequest(t.ctx));
    const page = await t.app.inject({ url: `/sandbox/pay/${payment.id}` });
    expect(page.statusCode).toBe(404);
    const posted = await payByCard(t.app, payment.id, '5555555555554444');
    expect(posted.statusCode).toBe(404);
  });
});

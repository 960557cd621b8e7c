import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentProvider } from '../../src/server/modules/payments/providers/provider.js';
import { setSandboxPaymentOptions } from '../../src/server/modules/payments/providers/sandbox/sandbox.checkout.js';
import { createSandboxProvider } from '../../src/server/modules/payments/providers/sandbox/sandbox.provider.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { eventually } from '../helpers/factories.js';
import { payByCard, paymentRequest } from './payments-sandbox-support.js';

interface Received {
  path: string;
  ip: string | undefined;
  at: number;
  body: {
    type: string;
    event: string;
    object: { id: string; status: string } & Record<string, unknown>;
  };
}

/**
 * The sandbox's notifications delivered over real HTTP: PUBLIC_URL points at a listener of this
 * test standing in for our webhook, and the job queue runs.
 */
describe('sandbox provider: notification delivery', { timeout: 60_000 }, () => {
  let t: TestApp;
  let provider: PaymentProvider;
  let server: http.Server;
  const received: Received[] = [];
  /** Object ids whose next notification the listener answers with 503. */
  const failNext = new Set<string>();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
        received.push({
          path: request.url ?? '',
          ip: request.socket.remoteAddress,
          at: Date.now(),
          body,
        });
        const fail = failNext.delete(body.object.id);
        response.statusCode = fail ? 503 : 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await createTestApp({ config: { publicUrl: `http://127.0.0.1:${port}` } });
    // Workers start once the app is ready: polling PGlite on a busy machine can starve startup.
    await t.ctx.queue.start(t.ctx, { work: true });
    provider = createSandboxProvider(t.ctx);
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const deliveredFor = (id: string) => received.filter((item) => item.body.object.id === id);
  // Generous: a loaded machine polls the queue slowly.
  const waitFor = (id: string, count: number, timeoutMs = 40_000) =>
    eventually(
      () => Promise.resolve(deliveredFor(id).length >= count ? deliveredFor(id) : undefined),
      timeoutMs,
    );

  it('posts one YooKassa-shaped notification to our webhook from loopback', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, payment.id, '5555 5555 5555 4444');
    const [delivered] = await waitFor(payment.id, 1);
    expect(delivered?.path).toBe('/api/payments/webhooks/sandbox');
    expect(provider.isAllowedNotificationSource(delivered?.ip ?? '')).toBe(true);
    expect(delivered?.body).toMatchObject({
      type: 'notification',
      event: 'payment.succeeded',
      object: {
        id: payment.id,
        status: 'succeeded',
        paid: true,
        amount: { value: '1000.50', currency: 'RUB' },
      },
    });
    expect(provider.parseNotification(delivered?.body)).toEqual({
      event: 'payment.succeeded',
      objectType: 'payment',
      objectId: payment.id,
    });
  });

  it('sends each notification three times in the duplicate mode', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, payment.id, '4000 0000 0000 9995', { delivery: 'duplicate' });
    const delivered = await waitFor(payment.id, 3);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      deliveredFor(payment.id).map((item) => [item.body.event, item.body.object.status]),
    ).toEqual([
      ['payment.canceled', 'canceled'],
      ['payment.canceled', 'canceled'],
      ['payment.canceled', 'canceled'],
    ]);
    expect(delivered[0]?.body.object.cancellation_details).toEqual({
      party: 'payment_network',
      reason: 'insufficient_funds',
    });
  });

  it('delivers a stale waiting_for_capture after succeeded in the out-of-order mode', async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx));
    await setSandboxPaymentOptions(t.ctx, payment.id, { delivery: 'out_of_order' });
    await payByCard(t.app, payment.id, '2200000000000004');
    const delivered = await waitFor(payment.id, 2);
    expect(delivered.map((item) => [item.body.event, item.body.object.status])).toEqual([
      ['payment.succeeded', 'succeeded'],
      ['payment.waiting_for_capture', 'waiting_for_capture'],
    ]);
    expect((delivered[1]?.at ?? 0) - (delivered[0]?.at ?? 0)).toBeGreaterThanOrEqual(1500);
    // The provider's API still says what is true now.
    expect((await provider.getPayment(payment.id)).status).toBe('succeeded');
  });

  it('sends nothing in the none mode, leaving the result to polling', async () => {
    const silent = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, silent.id, '5555555555554444', { delivery: 'none' });
    const control = await provider.createPayment(await paymentRequest(t.ctx));
    await payByCard(t.app, control.id, '5555555555554444');
    await waitFor(control.id, 1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(deliveredFor(silent.id)).toEqual([]);
    expect((await provider.getPayment(silent.id)).status).toBe('succeeded');
  });

  it('retries a notification the webhook did not accept', { timeout: 90_000 }, async () => {
    const payment = await provider.createPayment(await paymentRequest(t.ctx, { method: 'sbp' }));
    failNext.add(payment.id);
    const answered = await t.app.inject({
      method: 'POST',
      url: `/sandbox/pay/${payment.id}/sbp`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'answer=pay',
    });
    expect(answered.statusCode).toBe(303);
    const delivered = await waitFor(payment.id, 2, 80_000);
    expect(delivered.map((item) => item.body.event)).toEqual([
      'payment.succeeded',
      'payment.succeeded',
    ]);
  });

  it('notifies refund.succeeded with the refund object', async () => {
    const request = await paymentRequest(t.ctx);
    const payment = await provider.createPayment(request);
    await payByCard(t.app, payment.id, '5555555555554444');
    const refund = await provider.createRefund({
      idempotenceKey: randomUUID(),
      paymentId: payment.id,
      amountKopecks: 50_000,
      currency: 'RUB',
      description: 'Возврат части абонемента',
      receipt: request.receipt,
    });
    const [delivered] = await waitFor(refund.id, 1);
    expect(delivered?.body).toMatchObject({
      event: 'refund.succeeded',
      object: {
        id: refund.id,
        payment_id: payment.id,
        status: 'succeeded',
        amount: { value: '500.00' },
      },
    });
    expect(provider.parseNotification(delivered?.body)).toMatchObject({
      objectType: 'refund',
      objectId: refund.id,
    });
  });
});

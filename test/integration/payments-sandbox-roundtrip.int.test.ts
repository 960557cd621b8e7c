import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentAttempts, paymentEvents } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createCabinetFamily } from '../helpers/cabinet-fixtures.js';
import { eventually } from '../helpers/factories.js';
import { payByCard } from './payments-sandbox-support.js';

/**
 * The whole loop over real HTTP: a parent starts a payment through our API, pays on the
 * sandbox's page, and the sandbox's notifications reach our own webhook, which re-fetches the
 * payment and applies it once — whatever the delivery mode.
 */
describe('sandbox provider and our webhook: a payment round trip', { timeout: 90_000 }, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Workers start once the app is ready: polling PGlite on a busy machine can starve startup.
    await t.ctx.queue.start(t.ctx, { work: true });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as AddressInfo;
    // The sandbox notifies PUBLIC_URL; here that is this very server on loopback.
    t.ctx.config.publicUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  async function startTopUp(delivery: string) {
    const family = await createCabinetFamily(t);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/payments',
      headers: { ...family.headers, 'idempotency-key': randomUUID() },
      payload: {
        purpose: 'balance_top_up',
        studentId: family.masha.id,
        amountKopecks: 150_000,
        method: 'card',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<{ paymentId: string; confirmationUrl: string }>();
    const url = new URL(created.confirmationUrl);
    expect(url.pathname).toMatch(/^\/sandbox\/pay\/[0-9a-f-]{36}$/);
    const sandboxId = url.pathname.split('/').at(-1) ?? '';
    const page = await t.app.inject({ url: `${url.pathname}?delivery=${delivery}` });
    expect(page.body).toContain('1\u00A0500\u00A0₽');
    return { family, attemptId: created.paymentId, sandboxId };
  }

  const webhookEvents = (attemptId: string) =>
    t.ctx.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, attemptId))
      .orderBy(asc(paymentEvents.createdAt))
      .then((rows) => rows.filter((row) => row.source === 'webhook'));
  const attemptOf = async (id: string) =>
    (await t.ctx.db.select().from(paymentAttempts).where(eq(paymentAttempts.id, id)))[0];

  it('applies a paid top-up once although every notification comes three times', async () => {
    const { family, attemptId, sandboxId } = await startTopUp('duplicate');
    const paid = await payByCard(t.app, sandboxId, '5555 5555 5555 4444', {
      delivery: 'duplicate',
    });
    expect(paid.statusCode).toBe(303);

    const events = await eventually(async () => {
      const rows = await webhookEvents(attemptId);
      return rows.length >= 3 ? rows : undefined;
    }, 60_000);
    expect(events.map((event) => event.event)).toEqual([
      'payment.succeeded',
      'payment.succeeded',
      'payment.succeeded',
    ]);
    expect(events.filter((event) => event.outcome === 'applied')).toHaveLength(1);
    const attempt = await attemptOf(attemptId);
    expect(attempt).toMatchObject({ status: 'succeeded', paidWith: 'Карта *4444' });
    expect(attempt?.appliedAt).not.toBeNull();

    const view = await t.app.inject({ url: `/api/payments/${attemptId}`, headers: family.headers });
    expect(view.json()).toMatchObject({ status: 'succeeded', amountKopecks: 150_000 });
  });

  it('learns a decline from the notification with the provider’s reason', async () => {
    const { attemptId, sandboxId } = await startTopUp('normal');
    await payByCard(t.app, sandboxId, '2200 0000 0000 0103');
    await eventually(
      async () => ((await webhookEvents(attemptId)).length >= 1 ? true : undefined),
      60_000,
    );
    expect(await attemptOf(attemptId)).toMatchObject({
      status: 'canceled',
      cancellationParty: 'payment_network',
      cancellationReason: 'payment_method_restricted',
      appliedAt: null,
    });
  });
});

import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeBalanceOf } from '../../src/server/modules/billing/index.js';
import { paymentAttempts, paymentEvents } from '../../src/server/schema.js';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { insertStudent, linkStudentAccount } from '../helpers/classes-factories.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';
import { startYooKassaStandIn, type YooKassaStandIn } from '../helpers/yookassa-standin.js';

/**
 * Online payment through the app with PAYMENT_PROVIDER=yookassa pointed at the YooKassa
 * stand-in, behind a reverse proxy (X-Forwarded-For from a trusted 127.0.0.1): YooKassa's
 * notifications are hints, accepted from its addresses only and checked against its API.
 */

const YOOKASSA_ADDRESS = '185.71.76.5';
const WEBHOOK = '/api/payments/webhooks/yookassa';

let t: TestApp;
let standIn: YooKassaStandIn;

beforeAll(async () => {
  standIn = await startYooKassaStandIn();
  const base = testConfig();
  t = await createTestApp({
    config: {
      trustProxy: ['127.0.0.1'],
      payments: {
        ...base.payments,
        provider: 'yookassa',
        yookassa: {
          shopId: standIn.shopId,
          secretKey: standIn.secretKey,
          apiUrl: standIn.apiUrl,
          webhookAllowedIps: ['185.71.76.0/27', '2a02:5180::/32'],
        },
      },
    },
  });
});

afterAll(async () => {
  await t.close();
  await standIn.close();
});

/** A parent signed in, with a child whose balance they top up. */
async function family() {
  const organization = await createOrganization(t.ctx);
  const parent = await createUser(t.ctx, organization, { role: null, name: 'Ольга Родителева' });
  const student = await insertStudent(t.ctx, organization.id, { fullName: 'Миша Родителев' });
  await linkStudentAccount(t.ctx, organization.id, student.id, parent.id);
  const headers = await signInAs(t.app, organization, parent.email);
  return { organization, parent, student, headers };
}

/** Starts a balance top-up through the API; returns our payment and YooKassa's id of it. */
async function topUp(people: Awaited<ReturnType<typeof family>>, amountKopecks: number) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/payments',
    headers: { ...people.headers, 'idempotency-key': randomUUID() },
    payload: {
      purpose: 'balance_top_up',
      studentId: people.student.id,
      amountKopecks,
      method: 'card',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json<{ paymentId: string; status: string; confirmationUrl: string }>();
  const [atYooKassa] = standIn
    .payments()
    .filter((payment) => payment.metadata.attemptId === created.paymentId);
  if (!atYooKassa) throw new Error('YooKassa has no payment for the attempt');
  return { created, yookassaId: atYooKassa.id };
}

function notify(body: unknown, from: string) {
  return t.app.inject({
    method: 'POST',
    url: WEBHOOK,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    payload: JSON.stringify(body),
  });
}

async function attemptOf(paymentId: string) {
  const [attempt] = await t.ctx.db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, paymentId));
  if (!attempt) throw new Error('no attempt');
  return attempt;
}

describe('YooKassa through the app', () => {
  it('credits the balance once when YooKassa notifies that the payment succeeded', async () => {
    const people = await family();
    const { created, yookassaId } = await topUp(people, 150_000);
    expect(created.status).toBe('pending');
    expect(created.confirmationUrl).toBe(
      `${new URL(standIn.apiUrl).origin}/checkout/${yookassaId}`,
    );

    const sent = standIn.requests.find(
      (request) =>
        request.path === '/payments' &&
        (request.body as { metadata?: { attemptId?: string } }).metadata?.attemptId ===
          created.paymentId,
    );
    expect(sent?.body).toMatchObject({
      amount: { value: '1500.00', currency: 'RUB' },
      capture: true,
      confirmation: { type: 'redirect' },
      payment_method_data: { type: 'bank_card' },
      receipt: {
        customer: { email: people.parent.email },
        items: [{ amount: { value: '1500.00', currency: 'RUB' }, quantity: 1, vat_code: 1 }],
      },
    });

    standIn.succeed(yookassaId, { last4: '1234' });
    const notification = standIn.notification('payment.succeeded', yookassaId);
    expect((await notify(notification, YOOKASSA_ADDRESS)).statusCode).toBe(200);
    // YooKassa repeats a notification until it gets a 200, and may repeat it anyway.
    expect((await notify(notification, YOOKASSA_ADDRESS)).statusCode).toBe(200);

    expect(await freeBalanceOf(t.ctx.db, people.student.id)).toBe(150_000);
    const attempt = await attemptOf(created.paymentId);
    expect(attempt).toMatchObject({
      status: 'succeeded',
      providerPaymentId: yookassaId,
      paidWith: 'Карта *1234',
    });
    expect(attempt.appliedAt).not.toBeNull();
    const applied = await t.ctx.db
      .select()
      .from(paymentEvents)
      .where(
        and(eq(paymentEvents.paymentId, created.paymentId), eq(paymentEvents.outcome, 'applied')),
      );
    expect(applied).toHaveLength(1);
  });

  it('refuses a notification from an address YooKassa does not send from', async () => {
    const people = await family();
    const { created, yookassaId } = await topUp(people, 50_000);
    standIn.succeed(yookassaId);

    const response = await notify(
      standIn.notification('payment.succeeded', yookassaId),
      '203.0.113.7',
    );
    expect(response.statusCode).toBe(403);

    expect(await freeBalanceOf(t.ctx.db, people.student.id)).toBe(0);
    expect((await attemptOf(created.paymentId)).status).toBe('pending');
    const rejected = await t.ctx.db
      .select()
      .from(paymentEvents)
      .where(
        and(
          eq(paymentEvents.sourceIp, '203.0.113.7'),
          eq(paymentEvents.outcome, 'rejected_source'),
        ),
      );
    expect(rejected.length).toBeGreaterThan(0);
  });

  it('applies nothing when a forged notification claims a pending payment succeeded', async () => {
    const people = await family();
    const { created, yookassaId } = await topUp(people, 70_000);
    // Perfectly shaped, from an allowed address, but YooKassa's API says the payment is pending.
    const forged = standIn.notification('payment.succeeded', yookassaId, {
      status: 'succeeded',
      paid: true,
    });

    expect((await notify(forged, YOOKASSA_ADDRESS)).statusCode).toBe(200);

    expect(await freeBalanceOf(t.ctx.db, people.student.id)).toBe(0);
    const attempt = await attemptOf(created.paymentId);
    expect(attempt.status).toBe('pending');
    expect(attempt.appliedAt).toBeNull();
    const fetched = standIn.requests.filter(
      (request) => request.method === 'GET' && request.path === `/payments/${yookassaId}`,
    );
    expect(fetched.length).toBeGreaterThan(0);
  });

  it('records YooKassa’s reason when the bank declines, and credits nothing', async () => {
    const people = await family();
    const { created, yookassaId } = await topUp(people, 20_000);
    standIn.cancel(yookassaId, 'insufficient_funds', 'payment_network');

    const notification = standIn.notification('payment.canceled', yookassaId);
    expect((await notify(notification, YOOKASSA_ADDRESS)).statusCode).toBe(200);

    expect(await attemptOf(created.paymentId)).toMatchObject({
      status: 'canceled',
      cancellationParty: 'payment_network',
      cancellationReason: 'insufficient_funds',
    });
    expect(await freeBalanceOf(t.ctx.db, people.student.id)).toBe(0);
  });
});

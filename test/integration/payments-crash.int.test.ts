import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/infra/db.js';
import { reconcilePayments } from '../../src/server/modules/payments/index.js';
import { paymentAttempts } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { must } from '../helpers/cabinet-fixtures.js';
import { insertStudent, linkStudentAccount } from '../helpers/classes-factories.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';
import { spawnServer, waitUntilHealthy } from '../helpers/server-process.js';
import {
  createPayment,
  expectLedgerBalanced,
  moneyIn,
  payBySandboxCard,
  sendWebhook,
  type Headers,
} from './payments-core-support.js';

/**
 * A crash between the provider's answer and our commit (docs/payments.md, «Crash safety»): the
 * provider holds a payment our row does not name yet. In-process, the crash is the fault point
 * throwing right after the provider answered, so nothing of the answer is stored — exactly what
 * a killed process leaves behind.
 */
describe('crash between the provider’s answer and our commit', () => {
  let t: TestApp;
  let organizationId: string;
  let parentId: string;
  let headers: Headers;
  beforeAll(async () => {
    t = await createTestApp();
    const organization = await createOrganization(t.ctx);
    organizationId = organization.id;
    const parent = await createUser(t.ctx, organization, { role: null });
    parentId = parent.id;
    headers = await signInAs(t.app, organization, parent.email);
  });
  afterEach(() => {
    delete process.env.KABINET_PAYMENTS_FAULT;
  });
  afterAll(async () => {
    await t.close();
  });

  async function crashedPayment(amountKopecks: number) {
    const student = await insertStudent(t.ctx, organizationId, { fullName: 'Ученик Сбоя' });
    await linkStudentAccount(t.ctx, organizationId, student.id, parentId);
    const key = crypto.randomUUID();
    const body = { purpose: 'balance_top_up', targetId: student.id, amountKopecks };
    process.env.KABINET_PAYMENTS_FAULT = 'after_provider_answer:throw';
    const crashed = await createPayment(t, headers, body, key);
    delete process.env.KABINET_PAYMENTS_FAULT;
    expect(crashed.statusCode).toBe(500);
    const [attempt] = await t.ctx.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.studentId, student.id));
    // Our row survived (committed before the call) but knows nothing of the provider's payment.
    expect(attempt).toMatchObject({ status: 'created', providerPaymentId: null });
    const [provider] = await rowsOf<{ id: string }>(
      t.ctx.db,
      sql`select id from sandbox_payments where idempotence_key = ${must(attempt).providerKey}`,
    );
    expect(provider).toBeDefined();
    return { student, attempt: must(attempt), providerPaymentId: must(provider).id, key, body };
  }

  async function sandboxPaymentsFor(providerKey: string) {
    const [row] = await rowsOf<{ n: number }>(
      t.ctx.db,
      sql`select count(*)::int as n from sandbox_payments where idempotence_key = ${providerKey}`,
    );
    return must(row).n;
  }

  it('reconciliation re-creates with the same key: one provider payment, credited once', async () => {
    const { student, attempt, providerPaymentId } = await crashedPayment(140_000);
    // The person found the payment page anyway (e.g. the provider's own email) and paid.
    await payBySandboxCard(t.ctx, providerPaymentId);
    const result = await reconcilePayments(t.ctx, new Date(Date.now() + 60_000));
    expect(result.failed).toBe(0);
    const [after] = await t.ctx.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, attempt.id));
    expect(must(after).providerPaymentId).toBe(providerPaymentId);
    expect(await sandboxPaymentsFor(attempt.providerKey)).toBe(1);
    // The creation answer said pending; the next check (or a webhook) sees the money.
    await sendWebhook(t, providerPaymentId);
    await reconcilePayments(t.ctx, new Date(Date.now() + 3_600_000));
    expect(await moneyIn(t.ctx, student.id)).toBe(140_000);
    const [final] = await t.ctx.db
      .select()
      .from(paymentAttempts)
      .where(eq(paymentAttempts.id, attempt.id));
    expect(final).toMatchObject({ status: 'succeeded', nextCheckAt: null });
    await expectLedgerBalanced(t.ctx, organizationId);
  });

  it('a webhook before recovery finds the attempt by the id echoed in metadata', async () => {
    const { student, attempt, providerPaymentId } = await crashedPayment(150_000);
    await payBySandboxCard(t.ctx, providerPaymentId);
    expect((await sendWebhook(t, providerPaymentId)).statusCode).toBe(200);
    expect(await moneyIn(t.ctx, student.id)).toBe(150_000);
    await reconcilePayments(t.ctx, new Date(Date.now() + 3_600_000));
    await sendWebhook(t, providerPaymentId);
    expect(await moneyIn(t.ctx, student.id)).toBe(150_000);
    expect(await sandboxPaymentsFor(attempt.providerKey)).toBe(1);
  });

  it('the person retrying with the same key gets the same payment, never a second one', async () => {
    const { student, attempt, providerPaymentId, key, body } = await crashedPayment(160_000);
    const retried = await createPayment(t, headers, body, key);
    expect(retried.statusCode).toBe(201);
    expect(retried.json<{ paymentId: string }>().paymentId).toBe(attempt.id);
    await payBySandboxCard(t.ctx, providerPaymentId);
    await reconcilePayments(t.ctx, new Date(Date.now() + 3_600_000));
    expect(await moneyIn(t.ctx, student.id)).toBe(160_000);
    expect(await sandboxPaymentsFor(attempt.providerKey)).toBe(1);
  });

  /** A POST over plain HTTP with our own Host header; resolves with the status or the error. */
  function post(
    port: number,
    url: string,
    headers: Headers & Record<string, string>,
    body: unknown,
  ) {
    return new Promise<number | Error>((resolve) => {
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: url,
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', resolve);
      request.end(JSON.stringify(body));
    });
  }

  it.skipIf(process.env.KABINET_TEST_DRIVER !== 'postgres')(
    'a server process killed with SIGKILL after the provider answered is recovered by reconciliation',
    async () => {
      const url = must(t.testDatabase?.url, 'a PostgreSQL database url');
      const student = await insertStudent(t.ctx, organizationId, {
        fullName: 'Ученик Убитого Процесса',
      });
      await linkStudentAccount(t.ctx, organizationId, student.id, parentId);
      const server = await spawnServer(
        {
          DATABASE_URL: url,
          KABINET_DATA_DIR: path.join(os.tmpdir(), `kabinet-crash-${process.pid}`),
          KABINET_PAYMENTS_FAULT: 'after_provider_answer:kill',
          PAYMENT_PROVIDER: 'sandbox',
        },
        'test/integration/payments-crash-child.mjs',
      );
      try {
        await waitUntilHealthy(server);
        const answer = await post(
          server.port,
          '/api/payments',
          { ...headers, 'idempotency-key': crypto.randomUUID() },
          {
            purpose: 'balance_top_up',
            targetId: student.id,
            amountKopecks: 170_000,
            method: 'card',
          },
        );
        expect(answer).toBeInstanceOf(Error);
        expect(await server.exited).toBeNull();
        expect(server.child.signalCode).toBe('SIGKILL');
      } finally {
        await server.stop();
      }
      const [attempt] = await t.ctx.db
        .select()
        .from(paymentAttempts)
        .where(eq(paymentAttempts.studentId, student.id));
      expect(attempt).toMatchObject({ status: 'created', providerPaymentId: null });
      const providerKey = must(attempt).providerKey;
      const [provider] = await rowsOf<{ id: string }>(
        t.ctx.db,
        sql`select id from sandbox_payments where idempotence_key = ${providerKey}`,
      );
      await payBySandboxCard(t.ctx, must(provider).id);
      await reconcilePayments(t.ctx, new Date(Date.now() + 60_000));
      await reconcilePayments(t.ctx, new Date(Date.now() + 3_600_000));
      expect(await moneyIn(t.ctx, student.id)).toBe(170_000);
      expect(await sandboxPaymentsFor(providerKey)).toBe(1);
      await expectLedgerBalanced(t.ctx, organizationId);
    },
    240_000,
  );
});

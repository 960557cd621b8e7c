import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { CreatePaymentResponse, PaymentView } from '../../src/shared/contracts/payments.js';
import type { AppContext } from '../../src/server/infra/context.js';
import { rowsOf } from '../../src/server/infra/db.js';
import { paymentAttempts } from '../../src/server/schema.js';
import { payWithCard } from '../../src/server/modules/payments/providers/sandbox/sandbox.checkout.js';
import { notificationBody } from '../../src/server/modules/payments/providers/sandbox/sandbox.wire.js';
import type { TestApp } from '../helpers/app.js';

/** Shared steps of the payments core tests (sandbox provider, real database). */

export type Headers = { host: string; cookie: string };

export function createPayment(
  t: TestApp,
  headers: Headers,
  payload: Record<string, unknown>,
  key: string = crypto.randomUUID(),
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/payments',
    headers: { ...headers, 'idempotency-key': key },
    payload: { method: 'card', ...payload },
  });
}

export async function startPayment(
  t: TestApp,
  headers: Headers,
  payload: Record<string, unknown>,
): Promise<CreatePaymentResponse & { providerPaymentId: string }> {
  const response = await createPayment(t, headers, payload);
  expect(response.statusCode, response.body).toBe(201);
  const body = response.json<CreatePaymentResponse>();
  const [row] = await t.ctx.db
    .select({ providerPaymentId: paymentAttempts.providerPaymentId })
    .from(paymentAttempts)
    .where(eq(paymentAttempts.id, body.paymentId));
  if (!row?.providerPaymentId) throw new Error('the provider never answered');
  return { ...body, providerPaymentId: row.providerPaymentId };
}

/** The person pays on the sandbox's page; its own notifications are switched off. */
export async function payBySandboxCard(
  ctx: AppContext,
  providerPaymentId: string,
  number = '5555555555554444',
) {
  const result = await payWithCard(
    ctx,
    providerPaymentId,
    { number, expiry: '12/35', cvc: '123', holder: '' },
    { delivery: 'none' },
  );
  if (!result.ok) throw new Error(`card refused: ${JSON.stringify(result.errors)}`);
  return result.payment;
}

/** A notification as the sandbox would send it, delivered from loopback. */
export function sendWebhook(
  t: TestApp,
  providerPaymentId: string,
  event = 'payment.succeeded',
  remoteAddress = '127.0.0.1',
) {
  return t.app.inject({
    method: 'POST',
    url: '/api/payments/webhooks/sandbox',
    remoteAddress,
    headers: { host: 'kabinet.test' },
    payload: notificationBody(event, { id: providerPaymentId }),
  });
}

export async function viewPayment(t: TestApp, headers: Headers, paymentId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/payments/${paymentId}`,
    headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PaymentView>();
}

/** The ledger invariant: every balance equals the sum of its student's entries. */
export async function expectLedgerBalanced(ctx: AppContext, organizationId: string) {
  const rows = await rowsOf<{ id: string; balance: number; sum: number }>(
    ctx.db,
    sql`select s.id, s.balance_kopecks::int as balance,
               coalesce((select sum(amount_kopecks) from ledger_entries e where e.student_id = s.id), 0)::int as sum
        from students s where s.organization_id = ${organizationId}`,
  );
  for (const row of rows) expect(row.balance, `balance of ${row.id}`).toBe(row.sum);
}

/** Kopecks that came in for a student (payments and deposits). */
export async function moneyIn(ctx: AppContext, studentId: string): Promise<number> {
  const [row] = await rowsOf<{ total: number }>(
    ctx.db,
    sql`select coalesce(sum(amount_kopecks), 0)::int as total from ledger_entries
        where student_id = ${studentId} and kind in ('payment_in', 'deposit')`,
  );
  return row?.total ?? 0;
}

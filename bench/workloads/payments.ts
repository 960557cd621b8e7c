/**
 * Online payments: creating a payment (attempt row committed first, then the provider call) and
 * the webhook path (log the notification, re-fetch the payment from the provider, lock the
 * attempt, apply once). Both on PostgreSQL with the built-in sandbox provider, whose "API" is in
 * the same process and database: a real provider adds its network round trip to creation, and
 * the webhook's re-fetch — the figures are Kabinet's own share of the work.
 */
import { randomUUID } from 'node:crypto';
import type { HttpWorkload, RequestVariant, WorkloadResources } from '../lib/workload.js';

const PARENT_TOKEN = 'bench-payments-parent-session-token-0001';
const PARENT_EMAIL = 'parent@example.com';
/** Payments the webhook workload notifies about, in turn. */
const NOTIFIED_PAYMENTS = 64;
const GOOD_CARD = { number: '5555 5555 5555 4444', expiry: '12/35', cvc: '123', holder: '' };

/** Kabinet with the demo data (a parent who sees two children) and a session for the parent. */
async function startPaymentsKabinet(resources: WorkloadResources) {
  if (!resources.postgresUrl) throw new Error('the payments workloads need PostgreSQL');
  const { startKabinet } = await import('../lib/kabinet.js');
  const { loadDemoData } = await import('../../src/server/cli/demo.js');
  const { hashToken } = await import('../../src/server/modules/access/tokens.js');
  const { sql } = await import('drizzle-orm');
  const server = await startKabinet({ postgresUrl: resources.postgresUrl });
  try {
    const { ctx, defaultOrganization } = server.runtime;
    await loadDemoData(ctx, defaultOrganization.id, 'bench-password-2026');
    const rows = (await ctx.db.execute(
      sql`select id from users where organization_id = ${defaultOrganization.id}
            and email = ${PARENT_EMAIL}`,
    )) as { rows: { id: string }[] };
    const parentId = rows.rows[0]?.id;
    if (!parentId) throw new Error('the demo parent is missing');
    await ctx.db.execute(sql`
      insert into sessions (organization_id, user_id, token_hash, expires_at)
      values (${defaultOrganization.id}, ${parentId}, ${hashToken(PARENT_TOKEN)},
              now() + interval '1 day')
      on conflict (token_hash) do update
        set expires_at = excluded.expires_at, ended_at = null, ended_reason = null`);
    const headers = { cookie: `kabinet_session=${PARENT_TOKEN}` };
    const response = await fetch(`${server.url}/api/me/students`, { headers });
    const { students } = (await response.json()) as { students: { id: string }[] };
    const studentId = students[0]?.id;
    if (!studentId) throw new Error('the demo parent sees no student');
    return { server, headers, studentId };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

const topUpBody = (studentId: string) =>
  JSON.stringify({
    purpose: 'balance_top_up',
    targetId: studentId,
    amountKopecks: 1_000_00,
    method: 'card',
  });

export const paymentsCreate: HttpWorkload = {
  name: 'payments-create',
  title: 'Kabinet POST /api/payments (balance top-up by card, sandbox provider), PostgreSQL',
  notes:
    'A signed-in parent starts a 1 000 ₽ top-up; every request has its own Idempotency-Key, so ' +
    'each is a new attempt: visibility check, attempt row and number committed, the sandbox ' +
    "provider's createPayment (its own rows, in-process: no network), the attempt updated with " +
    "the provider's id and confirmation URL.",
  kind: 'http',
  connections: 10,
  needs: ['postgres'],
  request: {
    method: 'POST',
    path: '/api/payments',
    headers: { 'content-type': 'application/json' },
    uniqueIdempotencyKey: true,
  },
  async start(resources) {
    const { server, headers, studentId } = await startPaymentsKabinet(resources);
    return {
      ...server,
      variants: [
        {
          path: '/api/payments',
          headers: { ...headers, 'content-type': 'application/json' },
          body: topUpBody(studentId),
        },
      ],
    };
  },
};

export const paymentsWebhook: HttpWorkload = {
  name: 'payments-webhook',
  title: 'Kabinet POST /api/payments/webhooks/sandbox (payment.succeeded), PostgreSQL',
  notes:
    `${NOTIFIED_PAYMENTS} top-ups are paid with a test card before the run (without ` +
    'notifications); the load then sends `payment.succeeded` for them in turn from loopback, ' +
    'like a provider retrying: each request logs the event, re-fetches the payment from the ' +
    'sandbox, locks the attempt and applies it — the first notification of each credits the ' +
    'ledger (receipt email and push enqueued), every later one finds it applied.',
  kind: 'http',
  connections: 10,
  needs: ['postgres'],
  request: {
    method: 'POST',
    path: '/api/payments/webhooks/sandbox',
    headers: { 'content-type': 'application/json' },
  },
  async start(resources) {
    const { server, headers, studentId } = await startPaymentsKabinet(resources);
    const { payWithCard } =
      await import('../../src/server/modules/payments/providers/sandbox/sandbox.checkout.js');
    const variants: RequestVariant[] = [];
    for (let k = 0; k < NOTIFIED_PAYMENTS; k++) {
      const response = await fetch(`${server.url}/api/payments`, {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'idempotency-key': `bench-webhook-${randomUUID()}`,
        },
        body: topUpBody(studentId),
      });
      const created = (await response.json()) as { confirmationUrl: string | null };
      const sandboxId = created.confirmationUrl?.split('/').at(-1);
      if (!sandboxId) throw new Error(`payment ${k} has no sandbox page: ${response.status}`);
      await payWithCard(server.runtime.ctx, sandboxId, GOOD_CARD, { delivery: 'none' });
      variants.push({
        path: '/api/payments/webhooks/sandbox',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'notification',
          event: 'payment.succeeded',
          object: { id: sandboxId, status: 'succeeded' },
        }),
      });
    }
    return { ...server, variants };
  },
};

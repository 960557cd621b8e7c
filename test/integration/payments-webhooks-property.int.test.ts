import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/server/infra/db.js';
import { reconcilePayments } from '../../src/server/modules/payments/index.js';
import { setSandboxPaymentOptions } from '../../src/server/modules/payments/providers/sandbox/sandbox.checkout.js';
import { paymentAttempts } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { must } from '../helpers/cabinet-fixtures.js';
import { insertStudent, linkStudentAccount } from '../helpers/classes-factories.js';
import { createOrganization, createUser, signInAs } from '../helpers/factories.js';
import {
  expectLedgerBalanced,
  moneyIn,
  payBySandboxCard,
  sendWebhook,
  startPayment,
  type Headers,
} from './payments-core-support.js';

/** One thing that may happen to a payment after its creation, in any order and any number. */
type Step =
  { kind: 'webhook'; event: string } | { kind: 'poll' } | { kind: 'reconcile' } | { kind: 'pay' };

const EVENTS = [
  'payment.succeeded',
  'payment.waiting_for_capture',
  'payment.canceled',
  'payment.pending',
];

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constantFrom(...EVENTS).map((event) => ({ kind: 'webhook' as const, event })),
  fc.constant({ kind: 'poll' as const }),
  fc.constant({ kind: 'reconcile' as const }),
);

/**
 * Batches of steps run concurrently (`Promise.all`); the person's payment happens at a random
 * point among them, so notifications arrive before, during and after it — duplicated (the same
 * event many times), reordered (any event names any status) and concurrent.
 */
const scenario = fc.record({
  batches: fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
  payAt: fc.nat({ max: 5 }),
  manualCapture: fc.boolean(),
});

describe('property: webhooks for one payment credit the ledger exactly once', () => {
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
  afterAll(async () => {
    await t.close();
  });

  it('any interleaving of duplicate, reordered and concurrent webhooks, polls and reconciliation', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ batches, payAt, manualCapture }) => {
        const student = await insertStudent(t.ctx, organizationId, { fullName: 'Ученик Свойств' });
        await linkStudentAccount(t.ctx, organizationId, student.id, parentId);
        const payment = await startPayment(t, headers, {
          purpose: 'balance_top_up',
          targetId: student.id,
          amountKopecks: 123_400,
        });
        if (manualCapture) {
          await setSandboxPaymentOptions(t.ctx, payment.providerPaymentId, { capture: 'manual' });
        }
        const run = async (s: Step) => {
          if (s.kind === 'pay') await payBySandboxCard(t.ctx, payment.providerPaymentId);
          else if (s.kind === 'webhook') {
            const response = await sendWebhook(t, payment.providerPaymentId, s.event);
            expect(response.statusCode).toBe(200);
          } else if (s.kind === 'poll') {
            const response = await t.app.inject({
              method: 'GET',
              url: `/api/payments/${payment.paymentId}`,
              headers,
            });
            expect(response.statusCode).toBe(200);
          } else await reconcilePayments(t.ctx, new Date(Date.now() + 3_600_000));
        };
        const plan = batches.map((batch) => [...batch]);
        const at = Math.min(payAt, plan.length - 1);
        const chosen = must(plan[at]);
        chosen.splice(Math.min(payAt, chosen.length), 0, { kind: 'pay' });
        for (const batch of plan) await Promise.all(batch.map(run));
        // Whatever happened, one last hint settles it (as the provider's retries would).
        await run({ kind: 'webhook', event: 'payment.succeeded' });

        const [attempt] = await t.ctx.db
          .select()
          .from(paymentAttempts)
          .where(eq(paymentAttempts.id, payment.paymentId));
        expect(must(attempt).status).toBe('succeeded');
        expect(must(attempt).appliedAt).not.toBeNull();
        expect(await moneyIn(t.ctx, student.id)).toBe(123_400);
        const [entries] = await rowsOf<{ n: number }>(
          t.ctx.db,
          sql`select count(*)::int as n from ledger_entries where student_id = ${student.id}`,
        );
        expect(must(entries).n).toBe(1);
        await expectLedgerBalanced(t.ctx, organizationId);
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';
import { paymentJobs } from './payments.jobs.js';
import { paymentsRoutes } from './payments.routes.js';
import { sandboxJobs } from './providers/sandbox/sandbox.jobs.js';
import { sandboxRoutes } from './providers/sandbox/sandbox.routes.js';
import { staffPaymentsRoutes } from './staff/staff-payments.routes.js';

export { requestRefund, submitRefund, type RequestRefundOptions } from './refunds.service.js';
export { createOnlinePayment, type CreateOnlinePaymentOptions } from './payment-create.service.js';
export { applyProviderPayment, type Observation } from './payment-apply.service.js';
export { applyProviderRefund } from './refund-apply.service.js';
export { reconcilePayments, type ReconcileResult } from './reconcile.service.js';
export { presentPayment } from './payment-view.js';
export { DECLINE_GUIDANCE, declineCodeOf } from './payment-decline.js';
export type { AttemptRow } from './payment-attempts.repo.js';
export type { RefundRow } from './payment-refunds.repo.js';

/** Jobs of online payments: reconciliation, and the sandbox provider's notifications. */
export const paymentsJobs: JobDefinition<AppContext>[] = [...paymentJobs, ...sandboxJobs];

/** Online payments: attempts, providers, webhooks, receipts, refunds (docs/payments.md). */
export async function paymentsModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  await paymentsRoutes(app, ctx, guards);
  await staffPaymentsRoutes(app, ctx, guards);
  await sandboxRoutes(app, ctx);
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';
import { billingJobs as moneyJobs } from './billing.jobs.js';
import { billingRoutes } from './billing.routes.js';

/** Jobs of billing (ending subscriptions). */
export const billingJobs: JobDefinition<AppContext>[] = [...moneyJobs];

/** Subscriptions, payments, refunds and the ledger (staff side); charging rules. */
export async function billingModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  await billingRoutes(app, ctx, guards);
}

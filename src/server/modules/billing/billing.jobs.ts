import { z } from 'zod';
import { defineAppJob, type AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import { endDueSubscriptions } from './subscriptions-end.service.js';

/**
 * Hourly, so each organization's subscriptions end soon after its own local midnight;
 * `kabinet jobs run billing.subscriptions-end --now <ISO>` runs it "at" that time.
 */
export const subscriptionsEndJob = defineAppJob({
  name: 'billing.subscriptions-end',
  payload: z.object({}),
  schedule: { cron: '7 * * * *', payload: {} },
  async handler(_payload, run) {
    const result = await endDueSubscriptions(run.app, run.now, run.stopping);
    if (result.ended) run.log.info(result, 'subscriptions ended');
  },
});

/** Billing's jobs (the charging part adds its own in index.ts). */
export const billingJobs: JobDefinition<AppContext>[] = [subscriptionsEndJob];

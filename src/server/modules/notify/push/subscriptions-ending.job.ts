import { z } from 'zod';
import { defineAppJob } from '../../../infra/context.js';
import { notifySubscriptionsEnding } from './subscriptions-ending.service.js';

/**
 * Hourly, so a subscription reaching a threshold is announced within the hour (quiet hours
 * then hold non-urgent notifications until the morning). `kabinet jobs run
 * notify.subscriptions-ending --now <ISO>` runs it "at" that time.
 */
export const subscriptionsEndingJob = defineAppJob({
  name: 'notify.subscriptions-ending',
  payload: z.object({}),
  schedule: { cron: '17 * * * *', payload: {} },
  async handler(_payload, run) {
    const result = await notifySubscriptionsEnding(run.app, run.now, run.stopping);
    if (result.notified) run.log.info(result, 'subscriptions-ending notifications written');
  },
});

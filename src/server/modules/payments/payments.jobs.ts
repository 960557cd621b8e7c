import { z } from 'zod';
import { defineAppJob, type AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import { reconcilePayments } from './reconcile.service.js';

/**
 * Every minute: payments and refunds the provider has not finished (or never answered) are
 * asked about again with backoff. `kabinet jobs run payments.reconcile` runs it now.
 */
export const reconcilePaymentsJob = defineAppJob({
  name: 'payments.reconcile',
  payload: z.object({}),
  schedule: { cron: '* * * * *', payload: {} },
  async handler(_payload, run) {
    const result = await reconcilePayments(run.app, run.now, run.stopping);
    if (result.payments || result.refunds || result.failed)
      run.log.info(result, 'payments reconciled');
  },
});

/** Reconciliation of payments and refunds stuck before a final status. */
export const paymentJobs: JobDefinition<AppContext>[] = [reconcilePaymentsJob];

import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';

/** Reconciliation of payments and refunds stuck before a final status. */
export const paymentJobs: JobDefinition<AppContext>[] = [];

import type { AppContext } from '../../../../infra/context.js';
import type { JobDefinition } from '../../../../infra/queue.js';

/** The sandbox provider's jobs (its notifications to our webhook). */
export const sandboxJobs: JobDefinition<AppContext>[] = [];

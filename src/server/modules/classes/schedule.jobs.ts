import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';

// SCAFFOLD: the owning helper replaces this file.
export const scheduleJobs: JobDefinition<AppContext>[] = [];

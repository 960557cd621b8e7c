import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';

/** Jobs of the help desk (auto-close, reminders, certificate expiry). */
export const helpdeskJobs: JobDefinition<AppContext>[] = [];

/** Support certificates, tickets and the staff queue. */
export async function helpdeskModule(
  _app: FastifyInstance,
  _options: { ctx: AppContext; guards: Guards },
) {
  // Routes are registered here as the module grows.
}

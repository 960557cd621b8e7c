import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';

/** Jobs of the knowledge base. */
export const kbJobs: JobDefinition<AppContext>[] = [];

/** Knowledge base: articles, search and suggestions, FAQ. */
export async function kbModule(
  _app: FastifyInstance,
  _options: { ctx: AppContext; guards: Guards },
) {
  // Routes are registered here as the module grows.
}

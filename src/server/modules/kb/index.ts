import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';
import { kbStaffRoutes } from './kb-staff.routes.js';
import { kbRoutes } from './kb.routes.js';

export { seedDemoKnowledgeBase } from './demo/seed.js';
export { suggestArticles } from './kb.service.js';

/** Jobs of the knowledge base: none; views and votes are written as they happen. */
export const kbJobs: JobDefinition<AppContext>[] = [];

/** Knowledge base: articles, search and suggestions, FAQ pages, staff editing and stats. */
export function kbModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  kbRoutes(app, ctx, guards);
  kbStaffRoutes(app, ctx, guards);
  return Promise.resolve();
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../infra/context.js';
import type { JobDefinition } from '../../../infra/queue.js';
import type { Guards } from '../../access/index.js';

/** Jobs of notifications (push sending, the subscriptions-ending sweep). */
export const pushJobs: JobDefinition<AppContext>[] = [];

/** Web push, notification preferences and the notification log. */
export async function pushModule(
  _app: FastifyInstance,
  _deps: { ctx: AppContext; guards: Guards },
) {}

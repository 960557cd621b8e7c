import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { deliverEmailJob } from './mail.jobs.js';
import { outboxRoutes } from './outbox.routes.js';

export { enqueueEmail, enqueueEmails } from './outbox.service.js';
export { listOutbox } from './outbox.service.js';
export { MAIL_TEMPLATES, type MailTemplateName } from './mail-templates.js';

/** Jobs of the notify module, registered with the queue by the app. */
export const notifyJobs = [deliverEmailJob];

/** Email (and later SMS and push) notifications. */
export function notifyModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  outboxRoutes(app, ctx, guards);
}

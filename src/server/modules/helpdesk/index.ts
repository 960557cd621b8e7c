import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';
import { certificateExpiryJob } from './certificates.jobs.js';
import { certificatesRoutes } from './certificates.routes.js';
import { deskRoutes } from './desk.routes.js';
import { attachmentRoutes } from './attachments.routes.js';
import { ticketJobs } from './helpdesk.jobs.js';
import { ticketRoutes } from './tickets.routes.js';

export { importCertificates } from './certificate-import.service.js';
export { countTicketsCreatedSince } from './tickets.repo.js';
export { seedDemoHelpdesk, DEMO_FREE_CERTIFICATE } from './demo.service.js';

/** Jobs of the help desk (auto-close, reminders, certificate expiry). */
export const helpdeskJobs: JobDefinition<AppContext>[] = [
  certificateExpiryJob,
  ...(ticketJobs as JobDefinition<AppContext>[]),
];

/** Support certificates, tickets and the staff queue. */
export async function helpdeskModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  await certificatesRoutes(app, ctx, guards);
  deskRoutes(app, ctx, guards);
  ticketRoutes(app, ctx, guards);
  await attachmentRoutes(app, ctx, guards);
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../infra/context.js';
import type { Guards } from '../../access/index.js';
import { deliverSmsJob } from './sms.jobs.js';
import { smsRoutes } from './sms.routes.js';

export { enqueueSms, type EnqueueSmsOptions } from './sms.service.js';
export { SMS_TEMPLATES, type SmsTemplateName } from './sms-templates.js';
export { createSmsProvider, SmsGatewayError, type SmsProvider } from './sms-provider.js';

/** Jobs of the SMS outbox, registered with the queue by the runtime. */
export const smsJobs = [deliverSmsJob];

/** SMS notifications: the outbox, its delivery job and the staff page. */
export function smsModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  smsRoutes(app, ctx, guards);
}

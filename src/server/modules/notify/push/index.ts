import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../infra/context.js';
import type { JobDefinition } from '../../../infra/queue.js';
import type { Guards } from '../../access/index.js';
import { deliverNotificationJob } from './deliver.job.js';
import { notificationsRoutes } from './notifications.routes.js';
import { subscriptionsEndingJob } from './subscriptions-ending.job.js';

export { notifyPerson, type NotifyPersonOptions } from './notify-person.js';
export type { NotificationParams, LocalizedText } from './notification-texts.js';
export {
  notifyAccessEnding,
  notifyNewDebts,
  notifySubscriptionsEnded,
  notifyTicketEvent,
} from './hooks.js';

/** Jobs of notifications (push sending, the subscriptions-ending sweep). */
export const pushJobs: JobDefinition<AppContext>[] = [
  deliverNotificationJob,
  subscriptionsEndingJob,
];

/** Web push, notification preferences and the notification log. */
export function pushModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  notificationsRoutes(app, ctx, guards);
}

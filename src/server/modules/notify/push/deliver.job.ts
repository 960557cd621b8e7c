import { z } from 'zod';
import { defineAppJob } from '../../../infra/context.js';
import { deliverNotification } from './deliver.service.js';

/** Delivers one notification by push (every device of the person) or by the fallback email. */
export const deliverNotificationJob = defineAppJob({
  name: 'notify.deliver',
  payload: z.object({ notificationId: z.uuid(), organizationId: z.uuid() }),
  retryLimit: 6,
  retryDelaySeconds: 30,
  concurrency: 4,
  async handler({ notificationId }, run) {
    await deliverNotification(run.app, notificationId, {
      isLastAttempt: run.isLastAttempt,
      log: run.log,
    });
  },
});

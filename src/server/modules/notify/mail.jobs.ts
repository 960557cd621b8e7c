import { z } from 'zod';
import { defineAppJob } from '../../infra/context.js';
import { deliverOutboxMessage } from './outbox.service.js';

/** Delivers one outbox row to SMTP (or marks it stored when there is no relay). */
export const deliverEmailJob = defineAppJob({
  name: 'mail.deliver',
  payload: z.object({ outboxId: z.uuid(), organizationId: z.uuid() }),
  retryLimit: 8,
  retryDelaySeconds: 30,
  concurrency: 4,
  async handler({ outboxId }, run) {
    await deliverOutboxMessage(run.app, outboxId, run.isLastAttempt);
  },
});

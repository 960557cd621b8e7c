import { z } from 'zod';
import { defineAppJob } from '../../../infra/context.js';
import { deliverSms } from './sms.service.js';

/** Sends one SMS-outbox row through the gateway (or marks it stored when there is none). */
export const deliverSmsJob = defineAppJob({
  name: 'sms.deliver',
  payload: z.object({ smsId: z.uuid() }),
  // Codes expire in 10 minutes: retry quickly, and not for long.
  retryLimit: 4,
  retryDelaySeconds: 10,
  concurrency: 4,
  async handler({ smsId }, run) {
    await deliverSms(run.app, smsId, run.isLastAttempt);
  },
});

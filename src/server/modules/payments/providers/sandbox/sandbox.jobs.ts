import { z } from 'zod';
import { defineAppJob, type AppContext } from '../../../../infra/context.js';
import type { JobDefinition } from '../../../../infra/queue.js';

/** The YooKassa-shaped body the sandbox posts; `object` is the payment or refund at that moment. */
export const ZSandboxNotification = z.object({
  type: z.literal('notification'),
  event: z.string(),
  object: z.looseObject({ id: z.string() }),
});
export type SandboxNotification = z.infer<typeof ZSandboxNotification>;

/** Where the sandbox delivers: our own webhook, as a provider would reach it from outside. */
export function sandboxWebhookUrl(publicUrl: string): string {
  return `${publicUrl}/api/payments/webhooks/sandbox`;
}

/**
 * Posts one notification to our webhook. Anything but a 2xx answer (or no answer in ten
 * seconds) fails the job, and pg-boss retries it with backoff for about 17 hours — like YooKassa,
 * which keeps trying for a day — so a webhook that was down still hears about the payment.
 */
export const sandboxNotifyJob = defineAppJob({
  name: 'payments.sandbox-notify',
  payload: z.object({ notification: ZSandboxNotification }),
  retryLimit: 12,
  retryDelaySeconds: 10,
  concurrency: 4,
  async handler({ notification }, run) {
    const url = sandboxWebhookUrl(run.app.config.publicUrl);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(10_000),
    });
    // The answer's body is of no interest, but it must be read for the connection to be reused.
    await response.arrayBuffer();
    if (!response.ok) {
      const message = `the webhook answered ${response.status} to ${notification.event}`;
      if (run.isLastAttempt) run.log.warn({ url, event: notification.event }, message);
      throw new Error(message);
    }
  },
});

/** The sandbox provider's jobs (its notifications to our webhook). */
export const sandboxJobs: JobDefinition<AppContext>[] = [sandboxNotifyJob];

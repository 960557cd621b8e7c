import webpush from 'web-push';
import type { PushPayload } from '../../../../shared/contracts/notifications.js';
import type { AppContext } from '../../../infra/context.js';

/** A stored subscription, as `web-push` wants it. */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** How long a push service keeps an undelivered message: a day (reminders go stale after). */
export const PUSH_TTL_SECONDS = 24 * 3600;
const PUSH_TIMEOUT_MS = 10_000;

/** The push service's answer: its HTTP status and (for failures) the start of its body. */
export interface PushResult {
  status: number;
  body: string;
}

/**
 * Encrypts (aes128gcm) and signs (VAPID) one message with `web-push`, then POSTs it with fetch:
 * `web-push`'s own sender speaks only https, and the tests' local push service is plain http.
 * Network errors and timeouts throw.
 */
export async function sendPush(
  ctx: AppContext,
  target: PushTarget,
  payload: PushPayload,
  options: { topic: string | null; urgent: boolean },
): Promise<PushResult> {
  const details = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: {
        subject: ctx.config.vapidSubject,
        publicKey: ctx.secrets.vapid.publicKey,
        privateKey: ctx.secrets.vapid.privateKey,
      },
      TTL: PUSH_TTL_SECONDS,
      urgency: options.urgent ? 'high' : 'normal',
      ...(options.topic ? { topic: options.topic } : {}),
    },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) headers[name] = value;
  const response = await fetch(details.endpoint, {
    method: details.method,
    headers,
    body: new Uint8Array(details.body),
    redirect: 'error',
    signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
  });
  const body = response.ok ? '' : (await response.text()).slice(0, 300);
  if (response.ok) await response.body?.cancel();
  return { status: response.status, body };
}

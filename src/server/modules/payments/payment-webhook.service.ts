import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import {
  findAttempt,
  findAttemptByProviderId,
  recordPaymentEvent,
} from './payment-attempts.repo.js';
import { applyProviderPayment } from './payment-apply.service.js';
import { findRefundByProviderId } from './payment-refunds.repo.js';
import { ProviderUnavailableError, type PaymentProvider } from './providers/provider.js';
import { providerFromPath } from './providers/registry.js';
import { applyProviderRefund } from './refund-apply.service.js';

/** A notification as it arrived. */
export interface IncomingNotification {
  providerName: string;
  body: unknown;
  sourceIp: string;
}

/** Asks the provider; an object it does not know is null (the hint was wrong or forged). */
async function refetch<T>(ask: () => Promise<T>): Promise<T | null> {
  try {
    return await ask();
  } catch (error) {
    // Unavailable: answer 5xx so the provider retries the notification later.
    if (error instanceof ProviderUnavailableError)
      throw new AppError('payment_provider_unavailable');
    return null;
  }
}

async function handlePayment(
  ctx: AppContext,
  provider: PaymentProvider,
  objectId: string,
  base: Base,
) {
  const observed = await refetch(() => provider.getPayment(objectId));
  // Our id the provider echoes back finds an attempt whose creation answer never reached us.
  const attempt = observed
    ? ((await findAttemptByProviderId(ctx.db, provider.name, observed.id)) ??
      (observed.metadata.attemptId ? await findAttempt(ctx.db, observed.metadata.attemptId) : null))
    : null;
  if (!observed || !attempt || attempt.provider !== provider.name) {
    await recordPaymentEvent(ctx.db, { ...base, outcome: 'unknown_payment' });
    return;
  }
  await applyProviderPayment(ctx, attempt.id, observed, {
    source: 'webhook',
    event: base.event,
    sourceIp: base.sourceIp,
    body: base.body,
  });
}

async function handleRefund(
  ctx: AppContext,
  provider: PaymentProvider,
  objectId: string,
  base: Base,
) {
  const observed = await refetch(() => provider.getRefund(objectId));
  const refund = observed ? await findRefundByProviderId(ctx.db, observed.id) : null;
  if (!observed || !refund) {
    await recordPaymentEvent(ctx.db, { ...base, outcome: 'unknown_payment' });
    return;
  }
  await applyProviderRefund(ctx, refund.id, observed, {
    source: 'webhook',
    event: base.event,
    sourceIp: base.sourceIp,
    body: base.body,
  });
}

interface Base {
  provider: string;
  source: 'webhook';
  event: string;
  sourceIp: string;
  body: unknown;
}

/**
 * `POST /api/payments/webhooks/{provider}` (docs/payments.md, «Webhooks»). A notification is
 * only a hint: from an address outside the provider's allow-list it is refused (403, logged as
 * `rejected_source`); otherwise the payment or refund it names is re-fetched from the provider's
 * API and only what the API says is applied. Unknown objects are logged and answered 200, so
 * the provider stops retrying.
 */
export async function handleNotification(
  ctx: AppContext,
  notification: IncomingNotification,
): Promise<void> {
  const provider = providerFromPath(ctx, notification.providerName);
  const body = notification.body ?? null;
  const base: Base = {
    provider: provider.name,
    source: 'webhook',
    event: 'notification',
    sourceIp: notification.sourceIp,
    body,
  };
  if (!provider.isAllowedNotificationSource(notification.sourceIp)) {
    await recordPaymentEvent(ctx.db, { ...base, outcome: 'rejected_source' });
    ctx.log.warn(
      { ip: notification.sourceIp, provider: provider.name },
      'webhook from a foreign address',
    );
    throw new AppError('forbidden');
  }
  const hint = provider.parseNotification(notification.body);
  if (!hint) {
    await recordPaymentEvent(ctx.db, { ...base, outcome: 'unknown_notification' });
    return;
  }
  const hinted = { ...base, event: hint.event };
  if (hint.objectType === 'payment') await handlePayment(ctx, provider, hint.objectId, hinted);
  else await handleRefund(ctx, provider, hint.objectId, hinted);
}

import { z } from 'zod';
import type { AppConfig } from '../../../../infra/config.js';
import { createIpAllowList } from '../ip-allow-list.js';
import type { NotificationHint, PaymentProvider } from '../provider.js';
import { createYooKassaClient } from './yookassa-client.js';
import { paymentRequestBody, readPayment, readRefund, refundRequestBody } from './yookassa-wire.js';

export { YooKassaRequestError } from './yookassa-client.js';
export { YooKassaProtocolError } from './yookassa-wire.js';

/** Knobs tests turn; production uses the defaults. */
export interface YooKassaProviderOptions {
  /** Per HTTP call (default 15 s). */
  timeoutMs?: number;
  /** How often a «202 processing» answer is asked again within one call (default 2). */
  processingRetries?: number;
}

/** `PAYMENT_PROVIDER=yookassa` without the shop's credentials. */
export class YooKassaNotConfiguredError extends Error {
  override readonly name = 'YooKassaNotConfiguredError';
}

/**
 * The notifications YooKassa sends for payments and refunds
 * (https://yookassa.ru/developers/using-api/webhooks). A notification carries the whole object,
 * but nobody signs it: only its event and object id are read, and the object is fetched again.
 */
const NOTIFICATION_EVENTS = {
  'payment.succeeded': 'payment',
  'payment.waiting_for_capture': 'payment',
  'payment.canceled': 'payment',
  'refund.succeeded': 'refund',
} as const;

const ZNotification = z.object({
  type: z.literal('notification'),
  event: z.string(),
  // YooKassa's ids are 36 characters; anything much longer is not one of theirs.
  object: z.object({ id: z.string().min(1).max(64) }),
});

/**
 * The adapter of YooKassa's API v3 (docs/payments.md): one-stage payments with a redirect
 * confirmation and a 54-FZ receipt, capture, refunds, and notification hints checked against
 * the configured source addresses. Every read is what the API says now.
 */
export function createYooKassaProvider(
  config: AppConfig,
  options: YooKassaProviderOptions = {},
): PaymentProvider {
  const { shopId, secretKey, apiUrl, webhookAllowedIps } = config.payments.yookassa;
  const missing = [
    shopId ? null : 'YOOKASSA_SHOP_ID',
    secretKey ? null : 'YOOKASSA_SECRET_KEY',
  ].filter((name): name is string => name !== null);
  if (!shopId || !secretKey) {
    throw new YooKassaNotConfiguredError(
      `YooKassa payments need the shop's credentials: set ${missing.join(' and ')} ` +
        '(YooKassa dashboard → Integration → API keys), or use PAYMENT_PROVIDER=sandbox.',
    );
  }
  const request = createYooKassaClient({
    shopId,
    secretKey,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    timeoutMs: options.timeoutMs ?? 15_000,
    processingRetries: options.processingRetries ?? 2,
  });
  const isAllowed = createIpAllowList(webhookAllowedIps);
  const paymentPath = (id: string) => `/payments/${encodeURIComponent(id)}`;

  return {
    name: 'yookassa',

    async createPayment(payment) {
      const body = paymentRequestBody(payment);
      return readPayment(
        await request('POST', '/payments', { body, idempotenceKey: payment.idempotenceKey }),
      );
    },

    async getPayment(providerPaymentId) {
      return readPayment(await request('GET', paymentPath(providerPaymentId)));
    },

    async capturePayment(providerPaymentId, idempotenceKey) {
      // An empty body captures the whole authorised amount with the receipt sent at creation.
      const path = `${paymentPath(providerPaymentId)}/capture`;
      return readPayment(await request('POST', path, { body: {}, idempotenceKey }));
    },

    async createRefund(refund) {
      const body = refundRequestBody(refund);
      return readRefund(
        await request('POST', '/refunds', { body, idempotenceKey: refund.idempotenceKey }),
      );
    },

    async getRefund(providerRefundId) {
      return readRefund(await request('GET', `/refunds/${encodeURIComponent(providerRefundId)}`));
    },

    parseNotification(body): NotificationHint | null {
      const parsed = ZNotification.safeParse(body);
      if (!parsed.success) return null;
      const { event, object } = parsed.data;
      if (!Object.hasOwn(NOTIFICATION_EVENTS, event)) return null;
      const objectType = NOTIFICATION_EVENTS[event as keyof typeof NOTIFICATION_EVENTS];
      return { event, objectType, objectId: object.id };
    },

    isAllowedNotificationSource(ip) {
      return isAllowed(ip);
    },
  };
}

import { z } from 'zod';
import type { AppContext } from '../../../../infra/context.js';
import type { NotificationHint, PaymentProvider } from '../provider.js';
import {
  captureSandboxPayment,
  createSandboxPayment,
  createSandboxRefund,
  findSandboxRefund,
} from './sandbox.payments.js';
import { currentSandboxPayment } from './sandbox.transitions.js';
import { toProviderPayment, toProviderRefund } from './sandbox.wire.js';

/** The addresses the sandbox's notifications come from: this very server. */
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** YooKassa's notification body; only the event and the object's id matter (it is re-fetched). */
const ZNotification = z.object({
  type: z.literal('notification'),
  event: z.string().regex(/^(payment|refund)\.[a-z_]+$/),
  object: z.object({ id: z.string().min(1).max(100) }),
});

/**
 * The built-in sandbox provider: behaves like YooKassa (statuses, cancellation details, refunds,
 * idempotence keys, notifications) with its state in its own tables and its payment page on our
 * server (README.md in this folder). Errors it throws are `SandboxApiError`s — definite refusals,
 * like YooKassa's 4xx answers; it is never "unavailable".
 */
export function createSandboxProvider(ctx: AppContext): PaymentProvider {
  const publicUrl = () => ctx.config.publicUrl;
  return {
    name: 'sandbox',
    async createPayment(request) {
      return toProviderPayment(await createSandboxPayment(ctx, request), publicUrl());
    },
    async getPayment(providerPaymentId) {
      return toProviderPayment(await currentSandboxPayment(ctx, providerPaymentId), publicUrl());
    },
    async capturePayment(providerPaymentId) {
      // Capture is idempotent by nature here (capturing a captured payment returns it), so the
      // key needs no bookkeeping.
      return toProviderPayment(await captureSandboxPayment(ctx, providerPaymentId), publicUrl());
    },
    async createRefund(request) {
      return toProviderRefund(await createSandboxRefund(ctx, request));
    },
    async getRefund(providerRefundId) {
      return toProviderRefund(await findSandboxRefund(ctx, providerRefundId));
    },
    parseNotification(body): NotificationHint | null {
      const parsed = ZNotification.safeParse(body);
      if (!parsed.success) return null;
      const { event, object } = parsed.data;
      return {
        event,
        objectType: event.startsWith('refund.') ? 'refund' : 'payment',
        objectId: object.id,
      };
    },
    isAllowedNotificationSource(ip) {
      return LOOPBACK.has(ip);
    },
  };
}

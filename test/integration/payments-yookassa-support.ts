import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/server/infra/config.js';
import type {
  CreateProviderPaymentRequest,
  CreateProviderRefundRequest,
} from '../../src/server/modules/payments/providers/provider.js';
import { createYooKassaProvider } from '../../src/server/modules/payments/providers/yookassa/yookassa.provider.js';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { PaymentProvider } from '../../src/server/modules/payments/providers/provider.js';
import { startYooKassaStandIn, type YooKassaStandIn } from '../helpers/yookassa-standin.js';

/** Helpers of the YooKassa adapter's tests (payments-yookassa*.int.test.ts). */

/** The adapter configured for `standIn` (credentials and API URL may be overridden). */
export function adapterFor(
  standIn: YooKassaStandIn,
  overrides: { secretKey?: string; apiUrl?: string } = {},
  options: { timeoutMs?: number; processingRetries?: number } = {},
) {
  // The adapter needs no database or app: its configuration alone.
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  return createYooKassaProvider(
    {
      ...config,
      payments: {
        ...config.payments,
        provider: 'yookassa',
        yookassa: {
          shopId: standIn.shopId,
          secretKey: overrides.secretKey ?? standIn.secretKey,
          apiUrl: overrides.apiUrl ?? standIn.apiUrl,
          webhookAllowedIps: ['185.71.76.0/27', '2a02:5180::/32'],
        },
      },
    },
    { timeoutMs: 1_000, ...options },
  );
}

/** A 1 000 ₽ card payment with a one-item receipt; a fresh idempotence key each time. */
export function paymentRequest(
  overrides: Partial<CreateProviderPaymentRequest> = {},
): CreateProviderPaymentRequest {
  return {
    idempotenceKey: randomUUID(),
    amountKopecks: 100_000,
    currency: 'RUB',
    method: 'card',
    description: 'Абонемент «8 занятий» — Миша',
    returnUrl: 'https://kabinet.test/payments/return/attempt-1',
    metadata: { attemptId: randomUUID(), organizationId: randomUUID() },
    receipt: {
      customer: { email: 'parent@example.com' },
      items: [
        {
          description: 'Абонемент «8 занятий»',
          quantity: 1,
          amountKopecks: 100_000,
          vatCode: 1,
          paymentMode: 'full_prepayment',
          paymentSubject: 'service',
        },
      ],
    },
    ...overrides,
  };
}

/** A refund of `amountKopecks` of a payment, with its receipt. */
export function refundRequest(
  paymentId: string,
  amountKopecks: number,
): CreateProviderRefundRequest {
  return {
    idempotenceKey: randomUUID(),
    paymentId,
    amountKopecks,
    currency: 'RUB',
    description: 'Возврат по заявлению',
    receipt: {
      customer: { email: 'parent@example.com' },
      items: [
        {
          description: 'Абонемент «8 занятий»',
          quantity: 1,
          amountKopecks,
          vatCode: 1,
          paymentMode: 'full_prepayment',
          paymentSubject: 'service',
        },
      ],
    },
  };
}

/** The parts of a sent `POST /payments` body that the tests look into. */
export interface SentPayment {
  amount: unknown;
  payment_method_data: unknown;
  description: string;
  receipt: { customer: unknown; items: unknown[] };
}

/** The calls the stand-in received at `path`. */
export const requestsTo = (standIn: YooKassaStandIn, path: string) =>
  standIn.requests.filter((request) => request.path === path);

/**
 * A stand-in started for the calling test file (its hooks registered there), the adapter
 * against it, and its helpers. The stand-in's injected failures are cleared after each test.
 */
export function useYooKassaStandIn() {
  let standIn: YooKassaStandIn | undefined;
  let provider: PaymentProvider | undefined;
  const started = () => {
    if (!standIn) throw new Error('the YooKassa stand-in is not started');
    return standIn;
  };
  beforeAll(async () => {
    standIn = await startYooKassaStandIn();
    provider = adapterFor(standIn);
  });
  afterEach(() => {
    standIn?.clearFailures();
  });
  afterAll(async () => {
    await standIn?.close();
  });
  return {
    get standIn() {
      return started();
    },
    get provider() {
      if (!provider) throw new Error('the YooKassa stand-in is not started');
      return provider;
    },
    providerFor: (
      overrides?: Parameters<typeof adapterFor>[1],
      options?: Parameters<typeof adapterFor>[2],
    ) => adapterFor(started(), overrides, options),
    requestsTo: (path: string) => requestsTo(started(), path),
  };
}

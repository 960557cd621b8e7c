import type { AppContext } from '../../../infra/context.js';
import { AppError } from '../../../infra/app-error.js';
import type { PaymentProvider } from './provider.js';
import { createSandboxProvider } from './sandbox/sandbox.provider.js';
import {
  createYooKassaProvider,
  YooKassaNotConfiguredError,
} from './yookassa/yookassa.provider.js';

export type ProviderName = PaymentProvider['name'];

const cache = new WeakMap<AppContext, Map<ProviderName, PaymentProvider>>();

/**
 * The provider called `name`. New payments use the configured one (`PAYMENT_PROVIDER`); a
 * payment is always followed up (re-fetch, capture, refund) by the provider that took it.
 */
export function paymentProvider(ctx: AppContext, name: ProviderName): PaymentProvider {
  let providers = cache.get(ctx);
  if (!providers) cache.set(ctx, (providers = new Map<ProviderName, PaymentProvider>()));
  let provider = providers.get(name);
  if (!provider) {
    provider = name === 'sandbox' ? createSandboxProvider(ctx) : createYooKassaProvider(ctx.config);
    providers.set(name, provider);
  }
  return provider;
}

/** The provider new payments go to. */
export function currentPaymentProvider(ctx: AppContext): PaymentProvider {
  return paymentProvider(ctx, ctx.config.payments.provider);
}

/** A provider named in a URL (`/api/payments/webhooks/{provider}`); unknown names are 404. */
export function providerFromPath(ctx: AppContext, name: string): PaymentProvider {
  if (name !== 'sandbox' && name !== 'yookassa') throw new AppError('not_found');
  try {
    return paymentProvider(ctx, name);
  } catch (error) {
    // A provider this instance is not set up for does not exist here.
    if (error instanceof YooKassaNotConfiguredError) throw new AppError('not_found');
    throw error;
  }
}

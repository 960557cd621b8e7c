import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { recordPaymentEvent, type AttemptRow } from './payment-attempts.repo.js';
import { applyProviderPayment, type Observation } from './payment-apply.service.js';
import { faultPoint } from './payment-fault.js';
import type { CreateProviderPaymentRequest, ReceiptData } from './providers/provider.js';
import { ProviderUnavailableError } from './providers/provider.js';
import { paymentProvider, type ProviderName } from './providers/registry.js';

type ReceiptItem = ReceiptData['items'][number];

/** How the receipt item is described (54-FZ), fixed at creation in `details.receipt`. */
export interface AttemptReceiptTerms {
  paymentMode: ReceiptItem['paymentMode'];
  paymentSubject: ReceiptItem['paymentSubject'];
}

/** The 54-FZ receipt of an attempt (or of a refund of `amountKopecks` of it). */
export function receiptOf(
  ctx: AppContext,
  attempt: AttemptRow,
  amountKopecks = attempt.amountKopecks,
): ReceiptData {
  const terms = (attempt.details as { receipt?: AttemptReceiptTerms }).receipt;
  return {
    customer: {
      ...(attempt.receiptEmail ? { email: attempt.receiptEmail } : {}),
      ...(attempt.receiptPhone ? { phone: attempt.receiptPhone } : {}),
    },
    items: [
      {
        description: attempt.description.slice(0, 128),
        quantity: 1,
        amountKopecks,
        vatCode: ctx.config.payments.receiptVatCode,
        paymentMode: terms?.paymentMode ?? 'full_prepayment',
        paymentSubject: terms?.paymentSubject ?? 'service',
      },
    ],
  };
}

/** The provider's creation request of an attempt; identical on every retry. */
export function creationRequestOf(
  ctx: AppContext,
  attempt: AttemptRow,
): CreateProviderPaymentRequest {
  return {
    idempotenceKey: attempt.providerKey,
    amountKopecks: attempt.amountKopecks,
    currency: 'RUB',
    method: attempt.method,
    description: attempt.description,
    returnUrl: `${ctx.config.publicUrl}/payments/${attempt.id}`,
    metadata: { attemptId: attempt.id, organizationId: attempt.organizationId },
    receipt: receiptOf(ctx, attempt),
  };
}

/**
 * Asks the provider to create the attempt's payment (committed before this call) with the
 * attempt's own idempotence key, so a retry — the person's, or reconciliation's after a crash —
 * gets the same payment back instead of a second one; then applies the answer. A provider that
 * does not answer leaves the attempt `created` for reconciliation (`payment_provider_unavailable`);
 * a refusal also leaves it for a later retry, since a payment may exist despite an error.
 */
export async function submitAttempt(
  ctx: AppContext,
  attempt: AttemptRow,
  observation: Observation,
): Promise<AttemptRow> {
  const provider = paymentProvider(ctx, attempt.provider as ProviderName);
  let answer;
  try {
    answer = await provider.createPayment(creationRequestOf(ctx, attempt));
  } catch (error) {
    const unavailable = error instanceof ProviderUnavailableError;
    await recordPaymentEvent(ctx.db, {
      organizationId: attempt.organizationId,
      paymentId: attempt.id,
      provider: attempt.provider,
      source: observation.source,
      event: 'create_failed',
      outcome: unavailable ? 'provider_unavailable' : 'provider_refused',
      fromStatus: attempt.status,
      toStatus: attempt.status,
      body: { message: error instanceof Error ? error.message : String(error) },
    });
    ctx.log.warn({ attemptId: attempt.id, err: error }, 'payment creation failed');
    throw new AppError(unavailable ? 'payment_provider_unavailable' : 'payment_provider_refused');
  }
  // The honest crash test kills the process here: the provider has the payment, we have not
  // stored its id. Reconciliation must recover it with the same key.
  faultPoint('after_provider_answer');
  return applyProviderPayment(ctx, attempt.id, answer, { ...observation, event: 'create' });
}

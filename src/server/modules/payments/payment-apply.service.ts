import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import {
  lockAttempt,
  recordPaymentEvent,
  updateAttempt,
  type AttemptRow,
  type NewAttempt,
} from './payment-attempts.repo.js';
import { derivedKey } from './payment-keys.js';
import { announceDeclined, announceSucceeded } from './payment-outcome.js';
import { applyPurpose } from './payment-purposes.js';
import { forwardStatus, isFinalStatus } from './payment-status.js';
import { ProviderUnavailableError, type ProviderPayment } from './providers/provider.js';
import { paymentProvider, type ProviderName } from './providers/registry.js';

/** Where an observation of the provider's payment came from (`payment_events.source`). */
export interface Observation {
  source: 'webhook' | 'return' | 'reconcile' | 'create' | 'capture' | 'refund';
  /** The notification's event name; the observed status otherwise. */
  event?: string;
  sourceIp?: string | null;
  /** The notification as received; the provider's object otherwise. */
  body?: unknown;
  now?: Date;
}

/** Whether what the provider reports is the payment this attempt asked for. */
function matchesAttempt(attempt: AttemptRow, observed: ProviderPayment): boolean {
  const echoedId = observed.metadata.attemptId;
  return (
    (attempt.providerPaymentId === null || attempt.providerPaymentId === observed.id) &&
    observed.amountKopecks === attempt.amountKopecks &&
    observed.currency === attempt.currency &&
    (echoedId === undefined || echoedId === attempt.id)
  );
}

/**
 * Applies what the provider's API says about an attempt's payment — the one path used by the
 * creation call, webhooks, the return page and reconciliation (docs/payments.md, «Safety»).
 * Under the attempt's row lock: a payment that is not the one we asked for (id, amount,
 * currency) is logged as `mismatch` and changes nothing; the status only moves forward; when it
 * becomes `succeeded` the money is applied to billing in this same transaction, once
 * (`applied_at`). An authorised payment is captured outside the lock and the answer applied
 * again. Every observation is logged in `payment_events`.
 */
export async function applyProviderPayment(
  ctx: AppContext,
  attemptId: string,
  observed: ProviderPayment,
  observation: Observation,
): Promise<AttemptRow> {
  const now = observation.now ?? new Date();
  const attempt = await ctx.db.transaction(async (tx) => {
    const current = await lockAttempt(tx, attemptId);
    if (!current) throw new AppError('not_found');
    const event = {
      organizationId: current.organizationId,
      paymentId: current.id,
      provider: current.provider,
      source: observation.source,
      event: observation.event ?? `payment.${observed.status}`,
      sourceIp: observation.sourceIp ?? null,
      fromStatus: current.status,
      body: observation.body ?? observed.raw ?? null,
    };
    if (!matchesAttempt(current, observed)) {
      await recordPaymentEvent(tx, { ...event, outcome: 'mismatch', toStatus: observed.status });
      ctx.log.error({ attemptId, observedId: observed.id }, 'provider payment does not match');
      return current;
    }

    const status = forwardStatus(current.status, observed.status);
    const final = isFinalStatus(status);
    const changes: Partial<NewAttempt> = {
      providerPaymentId: observed.id,
      confirmationUrl: final ? null : (observed.confirmationUrl ?? current.confirmationUrl),
    };
    if (observed.paidWith) changes.paidWith = observed.paidWith;
    if (status !== current.status) {
      changes.status = status;
      if (final) changes.finishedAt = now;
      if (status === 'canceled') {
        changes.cancellationParty = observed.cancellation?.party ?? 'unknown';
        changes.cancellationReason = observed.cancellation?.reason ?? 'unknown';
        changes.nextCheckAt = null;
      }
    }
    let updated = await updateAttempt(tx, current.id, changes);
    let outcome = status !== current.status ? 'advanced' : 'unchanged';
    // Both final: a report contradicting the final status we hold is kept for staff, not applied.
    if (isFinalStatus(current.status) && observed.status !== current.status) outcome = 'conflict';

    if (updated.status === 'succeeded' && !updated.appliedAt) {
      const applied = await applyPurpose(ctx, tx, updated);
      updated = await updateAttempt(tx, current.id, {
        appliedAt: now,
        appliedAs: applied.appliedAs,
        ledgerEntryId: applied.ledgerEntryId,
        nextCheckAt: null,
      });
      await announceSucceeded(ctx, tx, updated);
      outcome = 'applied';
    } else if (updated.status === 'canceled' && current.status !== 'canceled') {
      await announceDeclined(ctx, tx, updated);
    }
    await recordPaymentEvent(tx, { ...event, outcome, toStatus: updated.status });
    return updated;
  });

  if (attempt.status !== 'waiting_for_capture' || !attempt.providerPaymentId) return attempt;
  // Authorised: take the money (a purpose that can no longer be served still gets it, on the
  // balance). A failed capture is retried by reconciliation with the same key.
  const provider = paymentProvider(ctx, attempt.provider as ProviderName);
  try {
    const captured = await provider.capturePayment(
      attempt.providerPaymentId,
      derivedKey(attempt.providerKey, 'capture'),
    );
    return await applyProviderPayment(ctx, attemptId, captured, { source: 'capture', now });
  } catch (error) {
    if (!(error instanceof ProviderUnavailableError)) throw error;
    ctx.log.warn({ attemptId, err: error }, 'capture failed; reconciliation retries it');
    return attempt;
  }
}

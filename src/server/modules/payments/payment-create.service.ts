import { eq } from 'drizzle-orm';
import type {
  CreatePaymentRequest,
  CreatePaymentResponse,
} from '../../../shared/contracts/payments.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { users } from '../../schema.js';
import {
  findAttemptByClientKey,
  insertAttempt,
  nextPaymentNumber,
  recordPaymentEvent,
  type AttemptRow,
} from './payment-attempts.repo.js';
import { scopedClientKey } from './payment-keys.js';
import { quotePayment } from './payment-quote.js';
import { submitAttempt } from './payment-submit.js';
import { currentPaymentProvider } from './providers/registry.js';

/** Options of `createOnlinePayment`. */
export interface CreateOnlinePaymentOptions {
  organization: { id: string; timezone: string };
  /** The signed-in account; null for a course bought without one (`buyer` then required). */
  userId: string | null;
  locale: Locale;
  request: CreatePaymentRequest;
  /** The client's Idempotency-Key. */
  idempotencyKey: string;
  now?: Date;
}

/** The request as it is compared on a retry (fixed key order, absent fields as null). */
function fingerprint(request: CreatePaymentRequest) {
  return {
    purpose: request.purpose,
    targetId: request.targetId ?? null,
    studentId: request.studentId ?? null,
    amountKopecks: request.amountKopecks ?? null,
    method: request.method,
    buyerEmail: request.buyer?.email.toLowerCase() ?? null,
  };
}

function assertSameRequest(attempt: AttemptRow, request: CreatePaymentRequest) {
  const stored = (attempt.details as { request?: Record<string, unknown> }).request ?? {};
  // Field by field: jsonb does not keep the key order.
  const same = Object.entries(fingerprint(request)).every(
    ([field, value]) => (stored[field] ?? null) === value,
  );
  if (!same) throw new AppError('idempotency_key_reused');
}

/** First attempt to reach the provider after creation (30 s: the webhook usually comes first). */
const FIRST_CHECK_MS = 30_000;

export function toCreateResponse(attempt: AttemptRow): CreatePaymentResponse {
  return {
    paymentId: attempt.id,
    status: attempt.status,
    confirmationUrl: attempt.confirmationUrl,
    amountKopecks: attempt.amountKopecks,
  };
}

/**
 * `POST /api/payments` (docs/payments.md, «Creating a payment»). The attempt row — amount
 * computed here, purpose, target, number, description, receipt contact, both keys — is
 * committed BEFORE the provider is called, so a crash at any later point leaves a row that
 * reconciliation finishes. The same Idempotency-Key returns the same attempt (calling the
 * provider again with the same key if it never answered); with another body it is refused.
 */
export async function createOnlinePayment(
  ctx: AppContext,
  options: CreateOnlinePaymentOptions,
): Promise<CreatePaymentResponse> {
  const { organization, userId, request } = options;
  const now = options.now ?? new Date();
  if (!userId && request.purpose !== 'course_access') throw new AppError('unauthenticated');
  const buyerEmail = request.buyer?.email.toLowerCase();
  if (!userId && !buyerEmail) throw new AppError('payment_buyer_required');
  const payer = userId ? { userId } : { buyerEmail: buyerEmail ?? '' };
  const clientKey = scopedClientKey(payer, options.idempotencyKey);
  const provider = currentPaymentProvider(ctx);

  const attempt = await ctx.db.transaction(async (tx) => {
    const existing = await findAttemptByClientKey(tx, organization.id, clientKey);
    if (existing) {
      assertSameRequest(existing, request);
      return existing;
    }
    const quote = await quotePayment(tx, {
      organizationId: organization.id,
      timezone: organization.timezone,
      userId,
      locale: options.locale,
      request,
      now,
    });
    const [account] = userId
      ? await tx
          .select({ email: users.email, phone: users.phone })
          .from(users)
          .where(eq(users.id, userId))
      : [];
    const inserted = await insertAttempt(tx, {
      organizationId: organization.id,
      number: await nextPaymentNumber(tx, organization.id),
      payerId: userId,
      studentId: quote.studentId,
      purpose: request.purpose,
      targetId: quote.targetId,
      amountKopecks: quote.amountKopecks,
      method: request.method,
      description: quote.description,
      provider: provider.name,
      clientKey,
      receiptEmail: request.buyer?.email ?? account?.email ?? null,
      receiptPhone: request.buyer || account?.email ? null : (account?.phone ?? null),
      details: {
        ...quote.details,
        request: fingerprint(request),
        receipt: { paymentMode: quote.paymentMode, paymentSubject: quote.paymentSubject },
      },
      nextCheckAt: new Date(now.getTime() + FIRST_CHECK_MS),
    });
    // Lost a race with the same key: the winner's row is the answer.
    if (!inserted) {
      const winner = await findAttemptByClientKey(tx, organization.id, clientKey);
      if (!winner) throw new Error('payment attempt vanished after a key conflict');
      assertSameRequest(winner, request);
      return winner;
    }
    await recordPaymentEvent(tx, {
      organizationId: organization.id,
      paymentId: inserted.id,
      provider: provider.name,
      source: 'create',
      event: 'attempt.created',
      outcome: 'created',
      toStatus: 'created',
    });
    return inserted;
  });

  if (attempt.status !== 'created' || attempt.providerPaymentId) return toCreateResponse(attempt);
  return toCreateResponse(await submitAttempt(ctx, attempt, { source: 'create', now }));
}

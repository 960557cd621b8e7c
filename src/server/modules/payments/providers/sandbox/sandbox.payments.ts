import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../../infra/context.js';
import type { CreateProviderPaymentRequest, CreateProviderRefundRequest } from '../provider.js';
import { notifyRefund } from './sandbox.notifications.js';
import { sandboxPayments, sandboxRefunds } from './sandbox.schema.js';
import {
  CONFIRMATION_TTL_MS,
  currentSandboxPayment,
  findSandboxPayment,
  transitionPayment,
} from './sandbox.transitions.js';
import {
  isSandboxId,
  SandboxApiError,
  type SandboxPaymentRow,
  type SandboxRefundRow,
} from './sandbox.wire.js';

/**
 * The sandbox's API side: what YooKassa's `POST /payments`, `POST /payments/{id}/capture` and
 * `POST /refunds` do, against the sandbox's own tables.
 */

function checkAmount(amountKopecks: number, currency: string) {
  if (!Number.isSafeInteger(amountKopecks) || amountKopecks <= 0) {
    throw new SandboxApiError('invalid_request', 'amount must be a positive number of kopecks');
  }
  if (currency !== 'RUB') throw new SandboxApiError('invalid_request', 'only RUB is accepted');
}

/**
 * Creates a payment, or returns the one created earlier with the same idempotence key. Like
 * YooKassa, the same key with different parameters is refused rather than silently reused.
 */
export async function createSandboxPayment(
  ctx: AppContext,
  request: CreateProviderPaymentRequest,
  now = new Date(),
): Promise<SandboxPaymentRow> {
  checkAmount(request.amountKopecks, request.currency);
  const [inserted] = await ctx.db
    .insert(sandboxPayments)
    .values({
      organizationId: request.metadata.organizationId,
      idempotenceKey: request.idempotenceKey,
      amountKopecks: request.amountKopecks,
      currency: request.currency,
      method: request.method,
      description: request.description,
      returnUrl: request.returnUrl,
      metadata: { ...request.metadata },
      receipt: request.receipt,
      expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS),
    })
    .onConflictDoNothing({ target: sandboxPayments.idempotenceKey })
    .returning();
  if (inserted) return inserted;
  const [existing] = await ctx.db
    .select()
    .from(sandboxPayments)
    .where(eq(sandboxPayments.idempotenceKey, request.idempotenceKey));
  if (
    !existing ||
    existing.amountKopecks !== request.amountKopecks ||
    existing.method !== request.method ||
    existing.metadata.attemptId !== request.metadata.attemptId
  ) {
    throw new SandboxApiError('invalid_request', 'idempotence key reused with other parameters');
  }
  return existing;
}

/** Captures a two-stage payment in full; capturing a captured one returns it unchanged. */
export async function captureSandboxPayment(
  ctx: AppContext,
  id: string,
  now = new Date(),
): Promise<SandboxPaymentRow> {
  const row = await currentSandboxPayment(ctx, id, now);
  if (row.status === 'waiting_for_capture') {
    const captured = await transitionPayment(
      ctx,
      id,
      ['waiting_for_capture'],
      { status: 'succeeded', capturedAt: now },
      now,
    );
    if (captured) return captured;
  }
  const current = await findSandboxPayment(ctx, id);
  if (current.status === 'succeeded') return current;
  throw new SandboxApiError('invalid_request', `a ${current.status} payment cannot be captured`);
}

/**
 * Refunds part or all of a succeeded payment; the same idempotence key returns the same refund.
 * The payment row is locked first, so concurrent refunds never add up to more than was paid.
 */
export async function createSandboxRefund(
  ctx: AppContext,
  request: CreateProviderRefundRequest,
): Promise<SandboxRefundRow> {
  checkAmount(request.amountKopecks, request.currency);
  if (!isSandboxId(request.paymentId)) {
    throw new SandboxApiError('not_found', `payment ${request.paymentId} not found`);
  }
  return ctx.db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(sandboxPayments)
      .where(eq(sandboxPayments.id, request.paymentId))
      .for('update');
    if (!payment) throw new SandboxApiError('not_found', `payment ${request.paymentId} not found`);
    const [existing] = await tx
      .select()
      .from(sandboxRefunds)
      .where(eq(sandboxRefunds.idempotenceKey, request.idempotenceKey));
    if (existing) {
      if (existing.paymentId !== payment.id || existing.amountKopecks !== request.amountKopecks) {
        throw new SandboxApiError(
          'invalid_request',
          'idempotence key reused with other parameters',
        );
      }
      return existing;
    }
    if (payment.status !== 'succeeded') {
      throw new SandboxApiError(
        'invalid_request',
        `a ${payment.status} payment cannot be refunded`,
      );
    }
    if (request.amountKopecks > payment.amountKopecks - payment.refundedKopecks) {
      throw new SandboxApiError(
        'invalid_request',
        'the refund exceeds what is left of the payment',
      );
    }
    const [refund] = await tx
      .insert(sandboxRefunds)
      .values({
        organizationId: payment.organizationId,
        paymentId: payment.id,
        idempotenceKey: request.idempotenceKey,
        status: 'succeeded',
        amountKopecks: request.amountKopecks,
        currency: request.currency,
        description: request.description,
        receipt: request.receipt,
      })
      .returning();
    const [updated] = await tx
      .update(sandboxPayments)
      .set({ refundedKopecks: payment.refundedKopecks + request.amountKopecks })
      .where(eq(sandboxPayments.id, payment.id))
      .returning();
    if (!refund || !updated) throw new Error('the refund was not written');
    await notifyRefund(ctx, tx, updated, refund);
    return refund;
  });
}

/** A refund by id; `SandboxApiError('not_found')` for ids the sandbox never issued. */
export async function findSandboxRefund(ctx: AppContext, id: string): Promise<SandboxRefundRow> {
  const [row] = isSandboxId(id)
    ? await ctx.db.select().from(sandboxRefunds).where(eq(sandboxRefunds.id, id))
    : [];
  if (!row) throw new SandboxApiError('not_found', `refund ${id} not found`);
  return row;
}

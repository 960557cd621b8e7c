import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../../../infra/context.js';
import { cancellationParty, type SandboxCancellationReason } from './sandbox.cards.js';
import { notifyPaymentStatus } from './sandbox.notifications.js';
import { sandboxPayments } from './sandbox.schema.js';
import { isSandboxId, SandboxApiError, type SandboxPaymentRow } from './sandbox.wire.js';

type PaymentStatus = SandboxPaymentRow['status'];
type PaymentChanges = Partial<Omit<typeof sandboxPayments.$inferInsert, 'id'>>;

/** How long a payment waits for the person before YooKassa-style expiry. */
export const CONFIRMATION_TTL_MS = 60 * 60 * 1000;

/** A sandbox payment by id; `SandboxApiError('not_found')` for ids it never issued. */
export async function findSandboxPayment(ctx: AppContext, id: string): Promise<SandboxPaymentRow> {
  const [row] = isSandboxId(id)
    ? await ctx.db.select().from(sandboxPayments).where(eq(sandboxPayments.id, id))
    : [];
  if (!row) throw new SandboxApiError('not_found', `payment ${id} not found`);
  return row;
}

/**
 * Moves a payment from one of `from` to a new status and enqueues its notifications, in one
 * transaction. The status check is in the UPDATE itself, so of two concurrent moves (a double
 * click, a page and an expiry) exactly one happens and only it notifies. Returns null when the
 * payment was no longer in `from`.
 */
export async function transitionPayment(
  ctx: AppContext,
  id: string,
  from: PaymentStatus[],
  changes: PaymentChanges,
  now = new Date(),
): Promise<SandboxPaymentRow | null> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(sandboxPayments)
      .set(changes)
      .where(and(eq(sandboxPayments.id, id), inArray(sandboxPayments.status, from)))
      .returning();
    if (!row) return null;
    if (row.status !== 'pending') await notifyPaymentStatus(ctx, tx, row, now);
    return row;
  });
}

/** The changes that cancel a payment for `reason`. */
export function cancellation(reason: SandboxCancellationReason, now: Date): PaymentChanges {
  return {
    status: 'canceled',
    confirmationStep: null,
    cancellationParty: cancellationParty(reason),
    cancellationReason: reason,
    canceledAt: now,
  };
}

/** The changes of a successful authorisation: captured at once unless the payment is two-stage. */
export function authorisation(row: SandboxPaymentRow, now: Date): PaymentChanges {
  return row.capture === 'auto'
    ? { status: 'succeeded', confirmationStep: null, authorizedAt: now, capturedAt: now }
    : { status: 'waiting_for_capture', confirmationStep: null, authorizedAt: now };
}

/**
 * A payment as it stands now: one still pending past its expiry is canceled first with
 * `expired_on_confirmation` (YooKassa does it on its own clock; the sandbox does it when asked).
 */
export async function currentSandboxPayment(
  ctx: AppContext,
  id: string,
  now = new Date(),
): Promise<SandboxPaymentRow> {
  const row = await findSandboxPayment(ctx, id);
  if (row.status !== 'pending' || row.expiresAt > now) return row;
  const expired = await transitionPayment(
    ctx,
    id,
    ['pending'],
    cancellation('expired_on_confirmation', now),
    now,
  );
  return expired ?? (await findSandboxPayment(ctx, id));
}

import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../../infra/context.js';
import {
  findTestCard,
  isCardExpired,
  isValidCvc,
  normalizeCardNumber,
  parseCardExpiry,
  passesLuhn,
  SANDBOX_3DS_CODE,
} from './sandbox.cards.js';
import { sandboxPayments } from './sandbox.schema.js';
import {
  authorisation,
  cancellation,
  currentSandboxPayment,
  transitionPayment,
} from './sandbox.transitions.js';
import type { SandboxPaymentRow } from './sandbox.wire.js';

/**
 * What the person does on the sandbox's payment page: pay by card (maybe with a 3-D Secure
 * step), pay or refuse by СБП. Also usable from tests without the page.
 */

export type SandboxDelivery = SandboxPaymentRow['delivery'];

export interface CardFormInput {
  number: string;
  /** `MM/YY`. */
  expiry: string;
  cvc: string;
  holder: string;
}

/** Why a card form field was refused (the page shows the text; the payment does not change). */
export type CardFieldError =
  'number_invalid' | 'number_not_test' | 'expiry_invalid' | 'cvc_invalid' | 'holder_invalid';

export type CardFormErrors = Partial<Record<keyof CardFormInput, CardFieldError>>;

export type CardPaymentResult =
  | { ok: true; payment: SandboxPaymentRow }
  | { ok: false; errors: CardFormErrors; payment: SandboxPaymentRow };

export interface SandboxPaymentOptions {
  /** How its notifications are delivered (see sandbox.notifications.ts). */
  delivery?: SandboxDelivery;
  /** `manual`: authorised payments wait in `waiting_for_capture` until the merchant captures. */
  capture?: 'auto' | 'manual';
}

/** Sets how a pending payment behaves; no effect once it has left `pending`. */
export async function setSandboxPaymentOptions(
  ctx: AppContext,
  id: string,
  options: SandboxPaymentOptions,
): Promise<void> {
  await currentSandboxPayment(ctx, id);
  if (!options.delivery && !options.capture) return;
  await ctx.db
    .update(sandboxPayments)
    .set({
      ...(options.delivery ? { delivery: options.delivery } : {}),
      ...(options.capture ? { capture: options.capture } : {}),
    })
    .where(and(eq(sandboxPayments.id, id), eq(sandboxPayments.status, 'pending')));
}

function checkCardForm(input: CardFormInput, now: Date) {
  const errors: CardFormErrors = {};
  const digits = normalizeCardNumber(input.number);
  const card = digits && passesLuhn(digits) ? findTestCard(digits) : undefined;
  if (!digits || !passesLuhn(digits)) errors.number = 'number_invalid';
  else if (!card) errors.number = 'number_not_test';
  const expiry = parseCardExpiry(input.expiry);
  if (!expiry) errors.expiry = 'expiry_invalid';
  if (!isValidCvc(input.cvc)) errors.cvc = 'cvc_invalid';
  if (!/^[A-Za-z .'-]{0,60}$/.test(input.holder.trim())) errors.holder = 'holder_invalid';
  if (!card || !expiry || Object.keys(errors).length > 0) return { errors };
  const details = {
    cardFirst6: card.number.slice(0, 6),
    cardLast4: card.number.slice(-4),
    cardType: card.brand,
    cardExpiryMonth: String(expiry.month).padStart(2, '0'),
    cardExpiryYear: String(expiry.year),
  };
  // A card past its date is declined by the bank whatever its number says.
  const outcome = isCardExpired(expiry, now)
    ? ({ kind: 'decline', reason: 'card_expired' } as const)
    : card.outcome;
  return { errors, details, outcome };
}

/**
 * Pays a pending card payment with a test card: it succeeds, is declined with the card's
 * reason, or moves to the 3-D Secure step. A payment no longer waiting for a card is returned
 * as it is (a repeated form post changes nothing).
 */
export async function payWithCard(
  ctx: AppContext,
  id: string,
  input: CardFormInput,
  { delivery, now = new Date() }: { delivery?: SandboxDelivery; now?: Date } = {},
): Promise<CardPaymentResult> {
  const payment = await currentSandboxPayment(ctx, id, now);
  if (payment.status !== 'pending' || payment.method !== 'card' || payment.confirmationStep) {
    return { ok: true, payment };
  }
  const checked = checkCardForm(input, now);
  if (!checked.details) return { ok: false, errors: checked.errors, payment };
  const changes = {
    ...checked.details,
    ...(delivery ? { delivery } : {}),
    ...(checked.outcome.kind === 'success'
      ? authorisation(payment, now)
      : checked.outcome.kind === '3ds'
        ? { confirmationStep: '3ds' as const }
        : cancellation(checked.outcome.reason, now)),
  };
  const moved = await transitionPayment(ctx, id, ['pending'], changes, now);
  return { ok: true, payment: moved ?? (await currentSandboxPayment(ctx, id, now)) };
}

/** The bank's 3-D Secure page: the right code authorises, any other fails the payment. */
export async function confirm3ds(
  ctx: AppContext,
  id: string,
  code: string,
  now = new Date(),
): Promise<SandboxPaymentRow> {
  const payment = await currentSandboxPayment(ctx, id, now);
  if (payment.status !== 'pending' || payment.confirmationStep !== '3ds') return payment;
  const changes =
    code.trim() === SANDBOX_3DS_CODE
      ? authorisation(payment, now)
      : cancellation('3d_secure_failed', now);
  const moved = await transitionPayment(ctx, id, ['pending'], changes, now);
  return moved ?? (await currentSandboxPayment(ctx, id, now));
}

/**
 * The person's answer in the bank app for an СБП payment: pay, or refuse — which a bank reports
 * as a plain decline (`general_decline`).
 */
export async function answerSbp(
  ctx: AppContext,
  id: string,
  answer: 'pay' | 'refuse',
  { delivery, now = new Date() }: { delivery?: SandboxDelivery; now?: Date } = {},
): Promise<SandboxPaymentRow> {
  const payment = await currentSandboxPayment(ctx, id, now);
  if (payment.status !== 'pending' || payment.method !== 'sbp') return payment;
  const changes = {
    ...(delivery ? { delivery } : {}),
    ...(answer === 'pay' ? authorisation(payment, now) : cancellation('general_decline', now)),
  };
  const moved = await transitionPayment(ctx, id, ['pending'], changes, now);
  return moved ?? (await currentSandboxPayment(ctx, id, now));
}

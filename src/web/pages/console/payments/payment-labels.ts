import type { TFunction } from 'i18next';
import { ZPaymentPurpose, type PaymentPurpose } from '../../../../shared/contracts/payments.js';

const SOURCES = [
  'webhook',
  'return',
  'reconcile',
  'create',
  'refund',
  'capture',
  'balance',
] as const;
const OUTCOMES = [
  'created',
  'applied',
  'advanced',
  'unchanged',
  'conflict',
  'stuck',
  'provider_refused',
  'rejected_source',
  'unknown_payment',
  'unknown_notification',
  'mismatch',
] as const;

function pick<T extends string>(list: readonly T[], value: string): T | undefined {
  return list.find((item) => item === value);
}

/** What a payment is for, in words. */
export function purposeLabel(purpose: PaymentPurpose, t: TFunction): string {
  return t(`paymentsConsole.purposes.${purpose}`);
}

/** A purpose from the address bar, if it is one. */
export function parsePurpose(value: string | null): PaymentPurpose | undefined {
  const parsed = ZPaymentPurpose.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Where a provider event came from, in words; an unknown source is shown as sent. */
export function sourceLabel(source: string, t: TFunction): string {
  const known = pick(SOURCES, source);
  return known ? t(`paymentsConsole.sources.${known}`) : source;
}

/** What applying a provider event did, in words; an unknown outcome is shown as sent. */
export function outcomeLabel(outcome: string, t: TFunction): string {
  const known = pick(OUTCOMES, outcome);
  return known ? t(`paymentsConsole.outcomes.${known}`) : outcome;
}

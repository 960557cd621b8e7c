/**
 * The sandbox's test cards and how the card form reads what people type. Pure: no database.
 * The table is also printed on the payment page and in README.md of this folder.
 */

/** Cancellation reasons the sandbox produces, named as YooKassa names them. */
export type SandboxCancellationReason =
  | 'insufficient_funds'
  | 'payment_method_limit_exceeded'
  | 'payment_method_restricted'
  | 'card_expired'
  | '3d_secure_failed'
  | 'fraud_suspected'
  | 'general_decline'
  | 'expired_on_confirmation'
  | 'canceled_by_merchant';

/** Who cancelled, as in YooKassa's `cancellation_details.party`. */
export type SandboxCancellationParty = 'payment_network' | 'yoo_money' | 'merchant';

export type CardOutcome =
  { kind: 'success' } | { kind: '3ds' } | { kind: 'decline'; reason: SandboxCancellationReason };

/** YooKassa's `card_type` values for the brands we test. */
export type CardBrand = 'MasterCard' | 'Visa' | 'Mir';

export interface TestCard {
  /** Digits only. */
  number: string;
  brand: CardBrand;
  outcome: CardOutcome;
}

/** The 3-D Secure code the sandbox's bank page accepts; any other code fails the payment. */
export const SANDBOX_3DS_CODE = '12345';

/** Every number passes the Luhn check, like a real card, so client-side validators accept it. */
export const TEST_CARDS: readonly TestCard[] = [
  { number: '5555555555554444', brand: 'MasterCard', outcome: { kind: 'success' } },
  { number: '2200000000000004', brand: 'Mir', outcome: { kind: 'success' } },
  { number: '4111111111111111', brand: 'Visa', outcome: { kind: 'success' } },
  { number: '5555555555554477', brand: 'MasterCard', outcome: { kind: '3ds' } },
  {
    number: '4000000000009995',
    brand: 'Visa',
    outcome: { kind: 'decline', reason: 'insufficient_funds' },
  },
  {
    number: '5555555555551010',
    brand: 'MasterCard',
    outcome: { kind: 'decline', reason: 'payment_method_limit_exceeded' },
  },
  {
    number: '2200000000000103',
    brand: 'Mir',
    outcome: { kind: 'decline', reason: 'payment_method_restricted' },
  },
  {
    number: '4000000000000069',
    brand: 'Visa',
    outcome: { kind: 'decline', reason: 'card_expired' },
  },
  {
    number: '4100000000000019',
    brand: 'Visa',
    outcome: { kind: 'decline', reason: 'fraud_suspected' },
  },
];

/** Which side declines for each reason (YooKassa: the bank or network, or its own antifraud). */
export function cancellationParty(reason: SandboxCancellationReason): SandboxCancellationParty {
  if (reason === 'canceled_by_merchant') return 'merchant';
  if (reason === 'fraud_suspected' || reason === 'expired_on_confirmation') return 'yoo_money';
  return 'payment_network';
}

/** `5555 5555 5555 4444` → groups of four, for the page. */
export function formatCardNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Digits of a typed card number: spaces (any kind) and dashes are ignored; null if not 12–19 digits. */
export function normalizeCardNumber(text: string): string | null {
  const digits = text.replace(/[\s\u00A0\u2007\u2009\u202F-]/g, '');
  return /^\d{12,19}$/.test(digits) ? digits : null;
}

/** The Luhn checksum every real card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function findTestCard(digits: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.number === digits);
}

/** `12/29`, `12 / 29`, `1229`, `12/2029` → month and four-digit year; null when unreadable. */
export function parseCardExpiry(text: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\s*[/.-]?\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const yearText = match[2] ?? '';
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (month < 1 || month > 12) return null;
  return { month, year };
}

/** A card is valid through the last day of its expiry month. */
export function isCardExpired(expiry: { month: number; year: number }, now: Date): boolean {
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  return expiry.year * 12 + (expiry.month - 1) < current;
}

/** CVC/CVV: three digits (the brands we test have no four-digit codes). */
export function isValidCvc(text: string): boolean {
  return /^\d{3}$/.test(text.trim());
}

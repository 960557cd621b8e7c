import { normalizeEmail, normalizeIdentifier } from './normalize.js';

export { hasInvisibleCharacters, normalizeIdentifier } from './normalize.js';

/**
 * Personal codes use only characters that cannot be confused when read aloud or typed:
 * no 0/O, 1/I/L, 2/Z, 5/S, 8/B.
 */
export const PERSONAL_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const PERSONAL_CODE_LENGTH = 8;

export type LoginKind = 'email' | 'phone' | 'personal_code';

/** A login as the server understands it after normalization. */
export interface NormalizedLogin {
  kind: LoginKind;
  value: string;
}

/**
 * Russian phone numbers in any usual notation (+7, 8, spaces, brackets, dashes) to E.164;
 * null when it is not a phone number.
 */
export function normalizePhone(raw: string): string | null {
  const text = normalizeIdentifier(raw);
  if (!/^[+\d\s()\-.]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) {
    return `+7${digits.slice(1)}`;
  }
  if (digits.length === 10 && digits.startsWith('9')) return `+7${digits}`;
  if (text.startsWith('+') && digits.length >= 10 && digits.length <= 15) return `+${digits}`;
  return null;
}

/** Personal codes are case-insensitive and may be typed with spaces or dashes. */
export function normalizePersonalCode(raw: string): string | null {
  const code = normalizeIdentifier(raw).toUpperCase().replace(/[\s-]/g, '');
  const pattern = new RegExp(`^[${PERSONAL_CODE_ALPHABET}]{${PERSONAL_CODE_LENGTH}}$`);
  return pattern.test(code) ? code : null;
}

/** Classifies and normalizes what a person typed in the one login field. */
export function parseLogin(raw: string): NormalizedLogin | null {
  const text = normalizeIdentifier(raw);
  if (text.includes('@')) return { kind: 'email', value: normalizeEmail(text) };
  const phone = normalizePhone(text);
  if (phone) return { kind: 'phone', value: phone };
  const code = normalizePersonalCode(text);
  if (code) return { kind: 'personal_code', value: code };
  return null;
}

/** Formats a personal code for people: `ABCD-EFGH`. */
export function formatPersonalCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

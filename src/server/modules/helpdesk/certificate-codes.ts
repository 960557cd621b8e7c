import { createHash, timingSafeEqual } from 'node:crypto';
import {
  formatActivationCode,
  normalizeCertificateKey,
} from '../../../shared/contracts/helpdesk-certificates.js';
import { generateCode } from '../access/index.js';

/** 12 characters of 25 look-alike-free symbols: about 56 bits, guessed only with throttling off. */
export const ACTIVATION_CODE_LENGTH = 12;

/** A new activation code, normalized (store its hash) and formatted (show it once). */
export function newActivationCode(): { code: string; formatted: string } {
  const code = generateCode(ACTIVATION_CODE_LENGTH);
  return { code, formatted: formatActivationCode(code) };
}

/** SHA-256 hex of the normalized code: what the database keeps. */
export function hashActivationCode(raw: string): string {
  return createHash('sha256').update(normalizeCertificateKey(raw), 'utf8').digest('hex');
}

/** Compares a typed code with the stored hash in constant time. */
export function activationCodeMatches(raw: string, storedHash: string): boolean {
  const given = Buffer.from(hashActivationCode(raw), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

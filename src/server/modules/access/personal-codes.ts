import { randomInt } from 'node:crypto';
import { PERSONAL_CODE_ALPHABET, PERSONAL_CODE_LENGTH } from '../../../shared/login.js';

/**
 * A random code from the look-alike-free alphabet: personal codes (logins) and the one-time
 * activation codes printed on access sheets. `randomInt` draws without modulo bias.
 */
export function generateCode(length = PERSONAL_CODE_LENGTH): string {
  let code = '';
  for (let i = 0; i < length; i++)
    code += PERSONAL_CODE_ALPHABET.charAt(randomInt(PERSONAL_CODE_ALPHABET.length));
  return code;
}

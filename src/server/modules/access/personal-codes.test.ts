import { describe, expect, it } from 'vitest';
import { normalizePersonalCode, PERSONAL_CODE_ALPHABET } from '../../../shared/login.js';
import { generateCode } from './personal-codes.js';

describe('generateCode', () => {
  it('draws codes that the sign-in field accepts as personal codes', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      expect(normalizePersonalCode(code)).toBe(code);
    }
  });

  it('uses every letter of the alphabet and nothing else', () => {
    const drawn = Array.from({ length: 300 }, () => generateCode()).join('');
    expect(drawn).toMatch(new RegExp(`^[${PERSONAL_CODE_ALPHABET}]+$`));
    for (const letter of PERSONAL_CODE_ALPHABET) expect(drawn).toContain(letter);
  });
});

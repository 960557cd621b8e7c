import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './normalize.js';

describe('normalizeEmail', () => {
  it.each([
    ['lower-cases', 'Anna.Petrova@Example.COM', 'anna.petrova@example.com'],
    ['trims spaces and tabs', '  anna@example.com\t\n', 'anna@example.com'],
    ['trims non-breaking spaces', '\u00A0anna@example.com\u00A0', 'anna@example.com'],
    [
      'drops zero-width spaces and joiners',
      '\u200Banna@exa\u200Cm\u200Dple.com\u2060',
      'anna@example.com',
    ],
    [
      'drops a byte-order mark and soft hyphens',
      '\uFEFFan\u00ADna@example.com',
      'anna@example.com',
    ],
    ['folds full-width characters', 'ＡＮＮＡ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'anna@example.com'],
    ['lower-cases Cyrillic', 'Анна@Почта.РФ', 'анна@почта.рф'],
    ['composes decomposed letters', 'e\u0301cole@example.com', 'école@example.com'],
  ])('%s', (_what, raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it('keeps an inner non-breaking space visible as a space, so the address stays invalid', () => {
    expect(normalizeEmail('anna\u00A0petrova@example.com')).toBe('anna petrova@example.com');
  });

  it('is idempotent', () => {
    const once = normalizeEmail(' \u200BＡnna@Example.com ');
    expect(normalizeEmail(once)).toBe(once);
  });
});

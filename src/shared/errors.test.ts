import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERRORS, localeFromAcceptLanguage } from './errors.js';

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['en', 'en'],
    ['en-GB,en;q=0.9,ru;q=0.5', 'en'],
    ['EN-us', 'en'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8', 'ru'],
    ['en;q=0.5, ru;q=0.9', 'ru'],
    ['de-DE,de;q=0.9,en;q=0.8', 'en'],
    ['fr-FR, de', 'ru'],
    ['*', 'ru'],
    ['ru;q=0, en', 'en'],
    ['en;q=abc, ru;q=0.1', 'ru'],
  ] as const)('reads %j as %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('the error table', () => {
  it('lists every code once, in snake_case', () => {
    expect(ERROR_CODES).toEqual(Object.keys(ERRORS));
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it.each(ERROR_CODES)(
    'gives %s an HTTP error status and a Russian and an English text',
    (code) => {
      const entry = ERRORS[code];
      expect(Number.isInteger(entry.status)).toBe(true);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
      expect(entry.ru).toMatch(/[а-яё]/i);
      expect(entry.en).toMatch(/^[A-Z][\x20-\x7e]+[.!]$/);
      expect(entry.ru).not.toBe(entry.en);
    },
  );
});

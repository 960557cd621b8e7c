import { describe, expect, it } from 'vitest';
import { discountFromPercent, formatMoney, formatMoneyInput, parseMoney } from './money.js';

const nb = '\u00A0';

describe('formatMoney', () => {
  it.each([
    [0, `0${nb}₽`],
    [5, `0,05${nb}₽`],
    [100_000, `1${nb}000${nb}₽`],
    [100_050, `1${nb}000,50${nb}₽`],
    [123_456_789, `1${nb}234${nb}567,89${nb}₽`],
    [-500_000, `\u22125${nb}000${nb}₽`],
  ])('shows %i kopecks as %s', (kopecks, expected) => {
    expect(formatMoney(kopecks)).toBe(expected);
  });

  it('uses English separators in English', () => {
    expect(formatMoney(100_050, 'en')).toBe(`1,000.50${nb}₽`);
  });

  it('shows a dash instead of a broken number', () => {
    expect(formatMoney(Number.NaN)).toBe('—');
    expect(formatMoney(1.5)).toBe('—');
  });
});

describe('parseMoney', () => {
  it.each([
    ['1000', 100_000],
    ['1 000', 100_000],
    [`1${nb}000,50${nb}₽`, 100_050],
    ['1\u202F000,5', 100_050],
    ['1000.05', 100_005],
    ['0,99', 99],
    ['1000 руб.', 100_000],
    [' 12 ₽ ', 1_200],
  ])('reads %j as %i kopecks', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it.each(['', ' ', 'abc', '1,001', '1.2.3', '1,', ',5', '10e3', '-5', '21474837', '1 000 $'])(
    'refuses %j',
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );

  it('reads a minus only when negatives are allowed', () => {
    expect(parseMoney('-1 000', { allowNegative: true })).toBe(-100_000);
    expect(parseMoney('\u2212250,5', { allowNegative: true })).toBe(-25_050);
  });

  it('reads back what formatMoney and formatMoneyInput wrote', () => {
    for (const kopecks of [0, 1, 99, 100, 100_050, 9_999_999]) {
      expect(parseMoney(formatMoney(kopecks))).toBe(kopecks);
      expect(parseMoney(formatMoneyInput(kopecks))).toBe(kopecks);
    }
  });
});

describe('discountFromPercent', () => {
  it('rounds half up to whole kopecks', () => {
    expect(discountFromPercent(99_900, 12.5)).toBe(12_488);
    expect(discountFromPercent(100_000, 10)).toBe(10_000);
    expect(discountFromPercent(333, 33.33)).toBe(111);
  });

  it('clamps to nothing and to the whole price', () => {
    expect(discountFromPercent(100_000, 0)).toBe(0);
    expect(discountFromPercent(100_000, 150)).toBe(100_000);
  });
});

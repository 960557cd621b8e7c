import { describe, expect, it } from 'vitest';
import { kopecksToValue, valueToKopecks } from './yookassa-amount.js';

describe('YooKassa amounts', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [29, '0.29'],
    [100, '1.00'],
    [100_000, '1000.00'],
    [123_456_789, '1234567.89'],
  ])('writes %i kopecks as «%s»', (kopecks, value) => {
    expect(kopecksToValue(kopecks)).toBe(value);
    expect(valueToKopecks(value)).toBe(kopecks);
  });

  it('reads values with one or no decimal digits', () => {
    expect(valueToKopecks('1000')).toBe(100_000);
    expect(valueToKopecks('10.5')).toBe(1050);
    expect(valueToKopecks('0.1')).toBe(10);
  });

  it('keeps every kopeck where floating point would lose one', () => {
    // 0.29 * 100 is 28.999999999999996 in binary floating point.
    expect(valueToKopecks('0.29')).toBe(29);
    expect(valueToKopecks('1.15')).toBe(115);
    for (let kopecks = 0; kopecks < 10_000; kopecks++) {
      expect(valueToKopecks(kopecksToValue(kopecks))).toBe(kopecks);
    }
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'refuses to write %s kopecks',
    (kopecks) => {
      expect(() => kopecksToValue(kopecks)).toThrow(RangeError);
    },
  );

  it.each(['', '1.234', '-1.00', '1,00', '1e3', ' 1.00', '.50', '1.', 'abc'])(
    'refuses to read «%s»',
    (value) => {
      expect(() => valueToKopecks(value)).toThrow(RangeError);
    },
  );
});

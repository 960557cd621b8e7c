/**
 * YooKassa writes money as a decimal string in roubles («1000.00»); Kabinet keeps integer
 * kopecks. Both directions go through strings and integers only: a float would turn 0.29 ₽
 * into 28 kopecks.
 */

const VALUE_PATTERN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** 100000 → «1000.00». Throws on a negative, fractional or unsafe number of kopecks. */
export function kopecksToValue(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks) || kopecks < 0) {
    throw new RangeError(`Not a whole non-negative number of kopecks: ${String(kopecks)}`);
  }
  const roubles = Math.trunc(kopecks / 100);
  const rest = kopecks % 100;
  return `${String(roubles)}.${String(rest).padStart(2, '0')}`;
}

/** «1000.00», «1000.5» or «1000» → 100000 / 100050 / 100000. Throws on anything else. */
export function valueToKopecks(value: string): number {
  const match = VALUE_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a YooKassa amount value: ${JSON.stringify(value)}`);
  const roubles = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return roubles * 100 + Number(fraction);
}

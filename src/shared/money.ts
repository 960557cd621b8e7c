/**
 * Money is stored and sent as integer kopecks; people read and type rubles. These helpers are
 * the one place where the two meet, shared by the server (messages, exports) and the web.
 *
 * Shown as `1 000 ₽` or `1 000,50 ₽` (kopecks only when there are any). Group separators and the
 * space before the sign are non-breaking, so an amount never wraps across lines.
 */

/** The non-breaking space used between digit groups and before `₽`. */
export const MONEY_SPACE = '\u00A0';
/** A real minus sign, not a hyphen: `−1 000 ₽`. */
const MINUS = '\u2212';

/** The largest amount the database column (`integer`) holds, in kopecks. */
export const MAX_KOPECKS = 2_147_483_647;

export type MoneyLocale = 'ru' | 'en';

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * `150000` → `1 500 ₽`, `100050` → `1 000,50 ₽`, `-5000` → `−50 ₽`. English uses a comma for
 * thousands and a point for kopecks (`1,000.50 ₽`), keeping the ruble sign after the amount.
 */
export function formatMoney(kopecks: number, locale: MoneyLocale = 'ru'): string {
  if (!Number.isSafeInteger(kopecks)) return '—';
  const sign = kopecks < 0 ? MINUS : '';
  const abs = Math.abs(kopecks);
  const rubles = Math.floor(abs / 100);
  const rest = abs % 100;
  const group = locale === 'ru' ? MONEY_SPACE : ',';
  const decimal = locale === 'ru' ? ',' : '.';
  const whole = groupDigits(String(rubles), group);
  const fraction = rest === 0 ? '' : `${decimal}${String(rest).padStart(2, '0')}`;
  return `${sign}${whole}${fraction}${MONEY_SPACE}₽`;
}

/**
 * An amount as typed into a field, without grouping or the sign: `100050` → `1000,50`,
 * `150000` → `1500`. `parseMoney` reads it back.
 */
export function formatMoneyInput(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const rest = abs % 100;
  return `${sign}${Math.floor(abs / 100)}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

/**
 * Reads rubles as people type them into kopecks: `1000`, `1 000`, `1 000,5`, `1000.50`,
 * `1 000,50 ₽`, `1000 руб.`; spaces of any kind (also non-breaking and thin) group digits.
 * Returns null for anything else: empty text, letters, more than two digits after the decimal
 * mark, several marks, or an amount the database cannot hold. A leading minus is accepted only
 * with `allowNegative` (corrections).
 */
export function parseMoney(
  text: string,
  { allowNegative = false }: { allowNegative?: boolean } = {},
): number | null {
  let value = text
    .replace(/[\s\u00A0\u2007\u2009\u202F]/g, '')
    .replace(/(₽|руб\.?|р\.|rub)$/i, '')
    .replace(/^[\u2212\u2013]/, '-');
  let negative = false;
  if (value.startsWith('-')) {
    if (!allowNegative) return null;
    negative = true;
    value = value.slice(1);
  }
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(value);
  if (!match) return null;
  const rubles = Number(match[1]);
  const kopecks = match[2] ? Number(match[2].padEnd(2, '0')) : 0;
  const total = rubles * 100 + kopecks;
  if (!Number.isSafeInteger(total) || total > MAX_KOPECKS) return null;
  return negative ? -total : total;
}

/**
 * A discount of `percent` (0…100, up to two decimals) off `priceKopecks`, rounded to whole
 * kopecks half up, so the server and the sale form show the same final price.
 */
export function discountFromPercent(priceKopecks: number, percent: number): number {
  if (percent <= 0) return 0;
  if (percent >= 100) return priceKopecks;
  // Percent in hundredths avoids float drift: 12.5% of 999 ₽ is 12 487.5 → 12 488 kopecks.
  const hundredths = Math.round(percent * 100);
  return Math.floor((priceKopecks * hundredths + 5000) / 10000);
}

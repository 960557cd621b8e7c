import { formatMoney } from '../../../../shared/money.js';

/**
 * Formatting of the classes console: money as `1 000 ₽`, lesson times and days in the
 * organization's time zone (the answer of the lessons API says which), never the browser's.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(language, options);
    formatters.set(key, found);
  }
  return found;
}

/** `150000` → `1 500 ₽` (English: `1,500 ₽`). */
export function money(kopecks: number, language: string): string {
  return formatMoney(kopecks, language.startsWith('en') ? 'en' : 'ru');
}

/** A calendar day `YYYY-MM-DD` as «31 марта 2026 г.» (`short`: «вт, 31 мар.»). */
export function formatDay(day: string, language: string, style: 'long' | 'short' = 'long') {
  const date = new Date(`${day}T12:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' };
  return formatter(language, options).format(date);
}

/** The local wall-clock time of an instant in `timeZone`, e.g. «18:00». */
export function formatTime(iso: string, timeZone: string, language: string): string {
  return formatter(language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** The local calendar day (`YYYY-MM-DD`) of an instant in `timeZone`. */
export function dayIn(iso: string | Date, timeZone: string): string {
  return formatter('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week `day` falls in. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
  return addDays(day, 1 - weekday);
}

/** Today in `timeZone` (Moscow until the organization's zone is known). */
export function today(timeZone = 'Europe/Moscow'): string {
  return dayIn(new Date(), timeZone);
}

/** The name of an ISO weekday (1 = Monday … 7 = Sunday) in the language. */
export function weekdayName(weekday: number, language: string): string {
  // 2024-01-01 was a Monday.
  return formatter(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday, 12)),
  );
}

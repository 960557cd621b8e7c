import { formatMoney } from '../../../shared/money.js';

/**
 * Formatting of the cabinet: money as `1 000 ₽`, lesson times and calendar days in the
 * organization's time zone (not the browser's: a parent travelling sees the centre's clock).
 */

function moneyLocale(language: string): 'ru' | 'en' {
  return language.startsWith('en') ? 'en' : 'ru';
}

/** `150000` → `1 500 ₽` (English: `1,500 ₽`). */
export function money(kopecks: number, language: string): string {
  return formatMoney(kopecks, moneyLocale(language));
}

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

/** A calendar day `YYYY-MM-DD` as a date, e.g. «31 марта 2026 г.» (`short`: «31.03»). */
export function formatDay(day: string, language: string, style: 'long' | 'short' = 'long') {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', timeZone: 'UTC' };
  return formatter(language, options).format(date);
}

/** A calendar day with its weekday, capitalized to start a line: «Понедельник, 2 марта». */
export function formatWeekday(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  const text = formatter(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The local time of an instant in the organization's zone, e.g. «17:30». */
export function formatTime(iso: string, timeZone: string, language: string): string {
  return formatter(language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** The local date and time of an instant, e.g. «2 мар. 2026 г., 17:30». */
export function formatDateTime(iso: string, timeZone: string, language: string): string {
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

/** The local calendar day (`YYYY-MM-DD`) of an instant in the organization's zone. */
export function localDayOf(iso: string, timeZone: string): string {
  const parts = formatter('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week containing `day` (weeks start on Monday in Russia). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

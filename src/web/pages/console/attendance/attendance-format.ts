/**
 * Days of the attendance pages: the address keeps `?date=YYYY-MM-DD` (the organization's local
 * day); dates are shifted as calendar days, never through the browser's time zone.
 */

/** `day` plus `days` calendar days. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A valid `YYYY-MM-DD` from the address bar, or undefined (then the server says «today»). */
export function dayParam(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

/** «вторник, 3 февраля 2026 г.» */
export function longDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

import { ORGANIZATION_TIME_ZONE } from './format.js';

/**
 * A `<input type="date">` value as the end of that day in the organization's time zone:
 * access "until 1 September" includes 1 September (Moscow keeps UTC+3 all year).
 */
export function endOfDayInOrganization(date: string): string | null {
  if (!/^\d{4}-\d\d-\d\d$/.test(date)) return null;
  return new Date(`${date}T23:59:59+03:00`).toISOString();
}

/** The organization-zone calendar date of an ISO timestamp, for a date input. */
export function dateInOrganization(iso: string | null): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ORGANIZATION_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
  return parts;
}

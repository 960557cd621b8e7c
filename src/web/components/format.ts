/** Formats an ISO timestamp as a local date and time, e.g. "21 нояб. 2026 г., 20:59". */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Pretty-prints JSON-like data for display (job payloads and outputs). */
export function formatJson(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    // Circular or BigInt data: say what it is rather than fail the page.
    return Object.prototype.toString.call(value);
  }
}

/**
 * Where to go after signing in: only a same-site path, never `//evil.example` or a full
 * URL, so that a crafted `?next=` cannot send the person to another site.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  return next;
}

/**
 * The time zone organizations work in. Access periods and block ends are told in it, so
 * "until 31 May, 23:59" means the same to the person and to the organization's staff.
 */
export const ORGANIZATION_TIME_ZONE = 'Europe/Moscow';

/** Formats an ISO timestamp in the organization's time zone, e.g. "31 мая 2026 г., 23:59 (МСК)". */
export function formatOrganizationDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: ORGANIZATION_TIME_ZONE,
  }).format(date);
  return `${text} (${locale.startsWith('ru') ? 'МСК' : 'Moscow time'})`;
}

import {
  CERTIFICATE_EXPIRING_DAYS,
  type CertificateStatus,
} from '../../../shared/contracts/helpdesk-certificates.js';

/** Today's calendar date `YYYY-MM-DD` in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** `date` moved by `days` calendar days. */
export function shiftDate(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A certificate's state on `today` (both ends inclusive) and the days left counting today:
 * a certificate ending today has 1 day left and is `expiring_soon`.
 */
export function certificateStatus(
  validFrom: string,
  validTo: string,
  today: string,
): { status: CertificateStatus; daysLeft: number } {
  const daysLeft = Math.max(0, dayNumber(validTo) - dayNumber(today) + 1);
  if (today > validTo) return { status: 'expired', daysLeft: 0 };
  if (today < validFrom) return { status: 'not_yet_valid', daysLeft };
  return { status: daysLeft <= CERTIFICATE_EXPIRING_DAYS ? 'expiring_soon' : 'valid', daysLeft };
}

/** The `validTo` range (inclusive) of certificates in the expiring window on `today`. */
export function expiringWindow(today: string): { from: string; to: string } {
  return { from: today, to: shiftDate(today, CERTIFICATE_EXPIRING_DAYS - 1) };
}

import { localDay, startOfDay, zonedInstant } from '../../calendar/index.js';

/** Quiet hours in minutes after local midnight; `from === to` means none. */
export interface QuietHours {
  fromMinutes: number;
  toMinutes: number;
  timeZone: string;
}

/** The brief's default: 21:00–09:00 in the organization's time zone. */
export const DEFAULT_QUIET_FROM_MINUTES = 21 * 60;
export const DEFAULT_QUIET_TO_MINUTES = 9 * 60;

function nextDay(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}

/**
 * When a non-urgent notification written at `now` may be delivered: null when `now` is outside
 * quiet hours, else the instant quiet hours end (the next morning after an evening `now`).
 * Hours may wrap midnight (21:00–09:00) or not (13:00–15:00).
 */
export function quietHoursEnd(now: Date, quiet: QuietHours): Date | null {
  const { fromMinutes: from, toMinutes: to, timeZone } = quiet;
  if (from === to) return null;
  const day = localDay(now, timeZone);
  const minutes = Math.floor((now.getTime() - startOfDay(day, timeZone).getTime()) / 60_000);
  if (from > to) {
    if (minutes >= from) return zonedInstant(nextDay(day), to, timeZone);
    if (minutes < to) return zonedInstant(day, to, timeZone);
    return null;
  }
  return minutes >= from && minutes < to ? zonedInstant(day, to, timeZone) : null;
}

/** `540` → `09:00`. */
export const minutesToClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

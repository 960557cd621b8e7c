import { nextDay, type DayKind } from './production-calendar.js';
import { localDay, startOfDay, zonedInstant } from './zoned-time.js';

/** The organization's working hours, in minutes from local midnight. */
export interface WorkingHours {
  dayStartMinutes: number;
  dayEndMinutes: number;
  /** How much earlier a shortened pre-holiday day ends. */
  shortDayMinutes: number;
}

/** Everything working-time arithmetic needs: the zone, the hours and each day's kind. */
export interface WorkingTimeRules {
  timeZone: string;
  hours: WorkingHours;
  kindOf(day: string): DayKind;
}

// Ten years of days: far beyond any SLA or auto-close, and a guard against a calendar with
// no working days at all (an operator marking everything off must not hang a job).
const MAX_DAYS_SCANNED = 3660;
const DAY_MS = 86_400_000;

function noWorkingTime(): never {
  throw new Error('the working-day calendar has no working days within ten years');
}

/** Working-day time (whole working days, midnight to midnight) elapsing from `from`. */
export function addWorkingDays(rules: WorkingTimeRules, from: Date, days: number): Date {
  let remaining = days * DAY_MS;
  let cursor = from;
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    const day = localDay(cursor, rules.timeZone);
    const dayEnd = startOfDay(nextDay(day), rules.timeZone);
    if (rules.kindOf(day) !== 'day_off') {
      const available = dayEnd.getTime() - cursor.getTime();
      if (remaining <= available) return new Date(cursor.getTime() + remaining);
      remaining -= available;
    }
    cursor = dayEnd;
  }
  return noWorkingTime();
}

/** The working window of a day as instants, or null on a day off. */
function workingWindow(rules: WorkingTimeRules, day: string): [Date, Date] | null {
  const kind = rules.kindOf(day);
  if (kind === 'day_off') return null;
  const { dayStartMinutes, dayEndMinutes, shortDayMinutes } = rules.hours;
  const end = kind === 'short' ? dayEndMinutes - shortDayMinutes : dayEndMinutes;
  if (end <= dayStartMinutes) return null;
  return [
    zonedInstant(day, dayStartMinutes, rules.timeZone),
    zonedInstant(day, end, rules.timeZone),
  ];
}

/** The instant at which `minutes` of working hours have passed since `from`. */
export function addWorkingMinutes(rules: WorkingTimeRules, from: Date, minutes: number): Date {
  let remaining = minutes * 60_000;
  let day = localDay(from, rules.timeZone);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    const window = workingWindow(rules, day);
    if (window) {
      const start = Math.max(window[0].getTime(), from.getTime());
      const available = window[1].getTime() - start;
      if (available > 0) {
        if (remaining <= available) return new Date(start + remaining);
        remaining -= available;
      }
    }
    day = nextDay(day);
  }
  return noWorkingTime();
}

/** Minutes of working hours between two instants; 0 when `to` is not after `from`. */
export function workingMinutesBetween(rules: WorkingTimeRules, from: Date, to: Date): number {
  if (to <= from) return 0;
  let total = 0;
  let day = localDay(from, rules.timeZone);
  const lastDay = localDay(to, rules.timeZone);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    const window = workingWindow(rules, day);
    if (window) {
      const start = Math.max(window[0].getTime(), from.getTime());
      const end = Math.min(window[1].getTime(), to.getTime());
      if (end > start) total += end - start;
    }
    if (day === lastDay) break;
    day = nextDay(day);
  }
  return Math.round(total / 60_000);
}

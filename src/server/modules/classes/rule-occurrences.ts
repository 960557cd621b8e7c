import { zonedInstant } from '../calendar/index.js';

/** The part of a rule and its group that decides when lessons happen. */
export interface OccurrenceRule {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local `HH:MM`. */
  startTime: string;
  durationMinutes: number;
  validFrom: string;
  validTo: string | null;
  groupStartsOn: string | null;
  groupEndsOn: string | null;
}

/** One lesson a rule asks for. */
export interface Occurrence {
  day: string;
  startsAt: Date;
  endsAt: Date;
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** Minutes after local midnight of an `HH:MM` time. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const later = (a: string, b: string | null) => (b && b > a ? b : a);
const earlier = (a: string, b: string | null) => (b && b < a ? b : a);

/**
 * The lessons a weekly rule asks for on local days `fromDay`…`toDay` (inclusive), inside the
 * rule's and the group's dates. Each start is the local wall-clock time in `timeZone`, so a
 * lesson at 10:00 stays at 10:00 across a daylight-saving change.
 */
export function ruleOccurrences(
  rule: OccurrenceRule,
  fromDay: string,
  toDay: string,
  timeZone: string,
): Occurrence[] {
  const first = later(later(fromDay, rule.validFrom), rule.groupStartsOn);
  const last = earlier(earlier(toDay, rule.validTo), rule.groupEndsOn);
  const out: Occurrence[] = [];
  if (first > last) return out;
  const shift = (rule.weekday - isoWeekday(first) + 7) % 7;
  const start = minutesOf(rule.startTime);
  for (let day = addDays(first, shift); day <= last; day = addDays(day, 7)) {
    const startsAt = zonedInstant(day, start, timeZone);
    out.push({
      day,
      startsAt,
      endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000),
    });
  }
  return out;
}

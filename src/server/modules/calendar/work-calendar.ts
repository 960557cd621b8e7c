import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { preparedStatement } from '../../infra/prepared.js';
import { organizations } from '../orgs/orgs.schema.js';
import { calendarDayOverrides, calendarSettings } from './calendar.schema.js';
import {
  officialDayKind,
  RUSSIAN_PRODUCTION_CALENDAR,
  type DayKind,
} from './production-calendar.js';
import {
  addWorkingDays,
  addWorkingMinutes,
  workingMinutesBetween,
  type WorkingHours,
  type WorkingTimeRules,
} from './working-time.js';

/**
 * An organization's working time: its time zone, working hours and the production calendar
 * (official Russian data, with staff edits).
 */
export interface WorkCalendar {
  timeZone: string;
  hours: WorkingHours;
  /** What the day is after staff edits. */
  kindOf(day: string): DayKind;
  /**
   * The instant at which `days` working days have passed since `from`: only time inside working
   * days counts (whole days, midnight to midnight in the organization's time zone). A staff
   * message on Friday 15:00 before a Monday holiday gives Thursday 15:00 for 3 days.
   */
  addWorkingDays(from: Date, days: number): Date;
  /** The instant at which `minutes` of working hours (shortened days included) have passed. */
  addWorkingMinutes(from: Date, minutes: number): Date;
  /** Working-hour minutes between two instants (0 when `to` is not after `from`). */
  workingMinutesBetween(from: Date, to: Date): number;
  /** Whether a local calendar date (`YYYY-MM-DD`) is a working day. */
  isWorkingDay(day: string): boolean;
}

/** Monday–Friday 9:00–18:00, shortened by an hour before holidays (Labour Code art. 95). */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  dayStartMinutes: 9 * 60,
  dayEndMinutes: 18 * 60,
  shortDayMinutes: 60,
};

/** A calendar from its parts (tests and callers that already hold the data). */
export function buildWorkCalendar(
  timeZone: string,
  hours: WorkingHours,
  overrides: ReadonlyMap<string, DayKind>,
): WorkCalendar {
  const kindOf = (day: string) =>
    overrides.get(day) ?? officialDayKind(RUSSIAN_PRODUCTION_CALENDAR, day);
  const rules: WorkingTimeRules = { timeZone, hours, kindOf };
  return {
    timeZone,
    hours,
    kindOf,
    addWorkingDays: (from, days) => addWorkingDays(rules, from, days),
    addWorkingMinutes: (from, minutes) => addWorkingMinutes(rules, from, minutes),
    workingMinutesBetween: (from, to) => workingMinutesBetween(rules, from, to),
    isWorkingDay: (day) => kindOf(day) !== 'day_off',
  };
}

interface CalendarRow {
  timezone: string | null;
  hours: WorkingHours | null;
  overrides: { day: string; kind: DayKind }[];
}

/**
 * The calendar of one organization in one statement (per request or job run: the staff queue
 * asks for it on every page, so it is one round trip, not one per table).
 */
export async function loadWorkCalendar(db: DbOrTx, organizationId: string): Promise<WorkCalendar> {
  const [row] = await calendarStatement.rows(db, { organizationId });
  return buildWorkCalendar(
    row?.timezone ?? 'Europe/Moscow',
    row?.hours ?? DEFAULT_WORKING_HOURS,
    new Map((row?.overrides ?? []).map((override) => [override.day, override.kind])),
  );
}

// Every SLA figure and due date reads it, so the staff queue asks for it on each page.
const calendarStatement = preparedStatement<CalendarRow, { organizationId: string }>(
  'work_calendar',
  ({ organizationId }) =>
    sql`select
          (select timezone from ${organizations} where id = ${organizationId}) as timezone,
          (select json_build_object('dayStartMinutes', s.day_start_minutes,
                                    'dayEndMinutes', s.day_end_minutes,
                                    'shortDayMinutes', s.short_day_minutes)
             from ${calendarSettings} s where s.organization_id = ${organizationId}) as hours,
          coalesce((select json_agg(json_build_object('day', d.day, 'kind', d.kind))
                      from ${calendarDayOverrides} d
                     where d.organization_id = ${organizationId}), '[]'::json) as overrides`,
);

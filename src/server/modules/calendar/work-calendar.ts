import type { DbOrTx } from '../../infra/db.js';

/**
 * An organization's working time: its time zone, working hours and the production calendar
 * (official Russian data, with staff edits).
 */
export interface WorkCalendar {
  timeZone: string;
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

/** The calendar of one organization, read once (cheap; call per request or per job run). */
export function loadWorkCalendar(db: DbOrTx, organizationId: string): Promise<WorkCalendar> {
  void db;
  void organizationId;
  return Promise.reject(new Error('loadWorkCalendar: being written by the lead'));
}

import { RUSSIAN_PRODUCTION_CALENDAR, type WorkCalendar } from '../calendar/index.js';

/** What a weekday off without a name of its own is called (a transferred day off, a staff edit). */
export const DAY_OFF_NAME = 'Нерабочий день';

/**
 * The public holiday a lesson on local `day` falls on, or null. A club works at weekends, so an
 * ordinary Saturday or Sunday is not one; a named holiday is (whatever the weekday), and so is a
 * weekday that the calendar makes a day off (a transfer, or a day staff marked off).
 */
export function holidayOn(calendar: Pick<WorkCalendar, 'kindOf'>, day: string): string | null {
  if (calendar.kindOf(day) !== 'day_off') return null;
  const name = RUSSIAN_PRODUCTION_CALENDAR.holidayNames.get(day.slice(5));
  if (name) return name;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? null : DAY_OFF_NAME;
}

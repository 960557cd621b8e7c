import { describe, expect, it } from 'vitest';
import {
  nextDay,
  officialDayKind,
  RUSSIAN_PRODUCTION_CALENDAR as RU,
  yearStatus,
} from './production-calendar.js';
import { buildWorkCalendar, DEFAULT_WORKING_HOURS } from './work-calendar.js';
import { localDay, zonedInstant } from './zoned-time.js';

const MSK = 'Europe/Moscow';
const moscow = buildWorkCalendar(MSK, DEFAULT_WORKING_HOURS, new Map());
const at = (iso: string) => new Date(iso);

function workingDaysIn(year: number) {
  let count = 0;
  for (let day = `${String(year)}-01-01`; day.startsWith(String(year)); day = nextDay(day)) {
    if (officialDayKind(RU, day) !== 'day_off') count++;
  }
  return count;
}

describe('the shipped Russian production calendar', () => {
  it('has the official number of working days in 2025 and 2026', () => {
    expect(workingDaysIn(2025)).toBe(247);
    expect(workingDaysIn(2026)).toBe(247);
  });

  it('knows the 2025 transfers', () => {
    expect(officialDayKind(RU, '2025-11-01')).toBe('short'); // a working (shortened) Saturday
    expect(officialDayKind(RU, '2025-11-03')).toBe('day_off');
    expect(officialDayKind(RU, '2025-05-02')).toBe('day_off');
    expect(officialDayKind(RU, '2025-05-08')).toBe('day_off');
    expect(officialDayKind(RU, '2025-06-13')).toBe('day_off');
    expect(officialDayKind(RU, '2025-05-05')).toBe('working');
  });

  it('knows the New Year holidays and the days before holidays', () => {
    for (let day = '2026-01-01'; day <= '2026-01-11'; day = nextDay(day)) {
      expect(officialDayKind(RU, day), day).toBe('day_off');
    }
    expect(officialDayKind(RU, '2026-01-12')).toBe('working');
    expect(officialDayKind(RU, '2025-12-31')).toBe('day_off');
    expect(officialDayKind(RU, '2026-11-03')).toBe('short');
    expect(officialDayKind(RU, '2026-11-04')).toBe('day_off');
  });

  it('falls back to Monday–Friday for a year it does not have, and says so', () => {
    expect(yearStatus(RU, 2026)).toBe('official');
    expect(yearStatus(RU, 2030)).toBe('missing');
    expect(officialDayKind(RU, '2030-01-01')).toBe('working'); // a Tuesday: no data, no holiday
    expect(officialDayKind(RU, '2030-01-05')).toBe('day_off'); // Saturday
  });
});

describe('addWorkingDays', () => {
  it('skips the May holidays of 2025', () => {
    // Wednesday noon; May 1–4 and 8–11 are days off.
    expect(moscow.addWorkingDays(at('2025-04-30T12:00:00+03:00'), 3)).toEqual(
      at('2025-05-07T12:00:00+03:00'),
    );
  });

  it('skips the New Year holidays', () => {
    expect(moscow.addWorkingDays(at('2025-12-30T15:00:00+03:00'), 3)).toEqual(
      at('2026-01-14T15:00:00+03:00'),
    );
  });

  it('skips a Monday holiday after a weekend', () => {
    // Friday 15:00; Saturday, Sunday and Monday 23 February are days off.
    expect(moscow.addWorkingDays(at('2026-02-20T15:00:00+03:00'), 3)).toEqual(
      at('2026-02-26T15:00:00+03:00'),
    );
  });

  it('counts from the next working day when the message comes on a day off', () => {
    expect(moscow.addWorkingDays(at('2026-11-07T11:00:00+03:00'), 1)).toEqual(
      at('2026-11-10T00:00:00+03:00'),
    );
  });

  it('works in the organization time zone, not the server one', () => {
    const yekaterinburg = buildWorkCalendar('Asia/Yekaterinburg', DEFAULT_WORKING_HOURS, new Map());
    // 23:30 on Friday in Moscow is already Saturday 01:30 in Yekaterinburg.
    const friday = at('2026-11-20T23:30:00+03:00');
    expect(moscow.addWorkingDays(friday, 1)).toEqual(at('2026-11-23T23:30:00+03:00'));
    expect(yekaterinburg.addWorkingDays(friday, 1)).toEqual(at('2026-11-24T00:00:00+05:00'));
  });

  it('honours staff edits of days', () => {
    const edited = buildWorkCalendar(
      MSK,
      DEFAULT_WORKING_HOURS,
      new Map([['2025-05-05', 'day_off' as const]]),
    );
    expect(edited.addWorkingDays(at('2025-04-30T12:00:00+03:00'), 3)).toEqual(
      at('2025-05-12T12:00:00+03:00'),
    );
  });
});

describe('working hours', () => {
  it('adds SLA minutes across a shortened day and a weekend', () => {
    // 7 March 2025 is a shortened Friday (ends 17:00); 8–9 March are days off.
    expect(moscow.addWorkingMinutes(at('2025-03-07T16:00:00+03:00'), 8 * 60)).toEqual(
      at('2025-03-10T16:00:00+03:00'),
    );
  });

  it('starts the clock at the opening of the next working day', () => {
    expect(moscow.addWorkingMinutes(at('2026-01-01T10:00:00+03:00'), 60)).toEqual(
      at('2026-01-12T10:00:00+03:00'),
    );
  });

  it('measures working time between two instants', () => {
    expect(
      moscow.workingMinutesBetween(
        at('2025-03-07T09:00:00+03:00'),
        at('2025-03-10T10:00:00+03:00'),
      ),
    ).toBe(8 * 60 + 60);
    expect(
      moscow.workingMinutesBetween(
        at('2025-03-10T10:00:00+03:00'),
        at('2025-03-07T09:00:00+03:00'),
      ),
    ).toBe(0);
  });

  it('refuses to loop forever when every day is off', () => {
    const nothing = buildWorkCalendar(
      MSK,
      { ...DEFAULT_WORKING_HOURS, dayEndMinutes: DEFAULT_WORKING_HOURS.dayStartMinutes },
      new Map(),
    );
    expect(() => nothing.addWorkingMinutes(at('2026-01-12T10:00:00+03:00'), 1)).toThrow(
      /no working days/,
    );
  });
});

describe('zoned time', () => {
  it('finds local dates and wall-clock instants', () => {
    expect(localDay(at('2026-11-20T21:30:00Z'), MSK)).toBe('2026-11-21');
    expect(zonedInstant('2026-11-21', 9 * 60, MSK)).toEqual(at('2026-11-21T06:00:00Z'));
    expect(zonedInstant('2026-03-29', 3 * 60, 'Europe/Berlin')).toEqual(at('2026-03-29T01:00:00Z'));
  });
});

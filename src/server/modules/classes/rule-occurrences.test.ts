import { describe, expect, it } from 'vitest';
import { buildWorkCalendar, DEFAULT_WORKING_HOURS } from '../calendar/work-calendar.js';
import { DAY_OFF_NAME, holidayOn } from './holidays.js';
import { isoWeekday, ruleOccurrences } from './rule-occurrences.js';

const rule = {
  weekday: 2,
  startTime: '18:30',
  durationMinutes: 45,
  validFrom: '2026-03-01',
  validTo: null,
  groupStartsOn: null,
  groupEndsOn: null,
};

describe('weekly rule occurrences', () => {
  it('gives every matching weekday in the range at the local wall-clock time', () => {
    const out = ruleOccurrences(rule, '2026-03-01', '2026-03-31', 'Europe/Moscow');
    expect(out.map((o) => o.day)).toEqual([
      '2026-03-03',
      '2026-03-10',
      '2026-03-17',
      '2026-03-24',
      '2026-03-31',
    ]);
    expect(out[0]?.startsAt.toISOString()).toBe('2026-03-03T15:30:00.000Z');
    expect(out[0]?.endsAt.toISOString()).toBe('2026-03-03T16:15:00.000Z');
  });

  it('stays inside the rule and the group dates', () => {
    const out = ruleOccurrences(
      { ...rule, validFrom: '2026-03-05', validTo: '2026-03-30', groupEndsOn: '2026-03-20' },
      '2026-03-01',
      '2026-12-31',
      'Europe/Moscow',
    );
    expect(out.map((o) => o.day)).toEqual(['2026-03-10', '2026-03-17']);
  });

  it('keeps 18:30 local on both sides of a daylight-saving change', () => {
    const out = ruleOccurrences(rule, '2026-03-01', '2026-04-10', 'America/New_York');
    // New York moves from UTC−5 to UTC−4 on 8 March 2026.
    expect(out.slice(0, 2).map((o) => o.startsAt.toISOString())).toEqual([
      '2026-03-03T23:30:00.000Z',
      '2026-03-10T22:30:00.000Z',
    ]);
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
});

describe('holidays for a club', () => {
  const calendar = buildWorkCalendar('Europe/Moscow', DEFAULT_WORKING_HOURS, new Map());

  it('names public holidays, whatever the weekday', () => {
    expect(holidayOn(calendar, '2026-11-04')).toBe('День народного единства');
    expect(holidayOn(calendar, '2027-01-02')).toBe('Новогодние каникулы'); // a Saturday
  });

  it('counts a weekday made a day off by a transfer, but not an ordinary weekend', () => {
    expect(holidayOn(calendar, '2026-03-09')).toBe(DAY_OFF_NAME);
    expect(holidayOn(calendar, '2026-11-21')).toBeNull(); // Saturday
    expect(holidayOn(calendar, '2026-11-23')).toBeNull(); // Monday
  });

  it('follows staff edits of the calendar', () => {
    const edited = buildWorkCalendar(
      'Europe/Moscow',
      DEFAULT_WORKING_HOURS,
      new Map([
        ['2026-11-04', 'working' as const],
        ['2026-11-05', 'day_off' as const],
      ]),
    );
    expect(holidayOn(edited, '2026-11-04')).toBeNull();
    expect(holidayOn(edited, '2026-11-05')).toBe(DAY_OFF_NAME);
  });
});

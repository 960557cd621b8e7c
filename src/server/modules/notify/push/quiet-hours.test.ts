import { describe, expect, it } from 'vitest';
import { minutesToClock, quietHoursEnd } from './quiet-hours.js';

const moscow = { fromMinutes: 21 * 60, toMinutes: 9 * 60, timeZone: 'Europe/Moscow' };

describe('quietHoursEnd', () => {
  it('lets a notification through in the daytime', () => {
    expect(quietHoursEnd(new Date('2026-11-20T09:00:00Z'), moscow)).toBeNull(); // 12:00
    expect(quietHoursEnd(new Date('2026-11-20T06:00:00Z'), moscow)).toBeNull(); // 09:00 sharp
    expect(quietHoursEnd(new Date('2026-11-20T17:59:00Z'), moscow)).toBeNull(); // 20:59
  });

  it('defers an evening notification to the next morning at 09:00 local time', () => {
    expect(quietHoursEnd(new Date('2026-11-20T18:00:00Z'), moscow)?.toISOString()).toBe(
      '2026-11-21T06:00:00.000Z',
    );
    // 23:30 on the last day of a month rolls into the next month.
    expect(quietHoursEnd(new Date('2026-11-30T20:30:00Z'), moscow)?.toISOString()).toBe(
      '2026-12-01T06:00:00.000Z',
    );
  });

  it('defers a night notification to the same morning', () => {
    expect(quietHoursEnd(new Date('2026-11-20T02:00:00Z'), moscow)?.toISOString()).toBe(
      '2026-11-20T06:00:00.000Z',
    );
  });

  it('counts in the organization’s own time zone', () => {
    const vladivostok = { ...moscow, timeZone: 'Asia/Vladivostok' }; // UTC+10
    // 12:00 UTC is 22:00 in Vladivostok: deferred to 09:00 there, 23:00 UTC.
    expect(quietHoursEnd(new Date('2026-11-20T12:00:00Z'), vladivostok)?.toISOString()).toBe(
      '2026-11-20T23:00:00.000Z',
    );
  });

  it('handles quiet hours inside one day, and none when they are empty', () => {
    const siesta = { fromMinutes: 13 * 60, toMinutes: 15 * 60, timeZone: 'Europe/Moscow' };
    expect(quietHoursEnd(new Date('2026-11-20T10:30:00Z'), siesta)?.toISOString()).toBe(
      '2026-11-20T12:00:00.000Z',
    );
    expect(quietHoursEnd(new Date('2026-11-20T12:30:00Z'), siesta)).toBeNull();
    const none = { fromMinutes: 0, toMinutes: 0, timeZone: 'Europe/Moscow' };
    expect(quietHoursEnd(new Date('2026-11-20T20:30:00Z'), none)).toBeNull();
  });

  it('writes minutes as a clock', () => {
    expect(minutesToClock(9 * 60)).toBe('09:00');
    expect(minutesToClock(21 * 60 + 30)).toBe('21:30');
  });
});

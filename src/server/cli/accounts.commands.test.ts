import { describe, expect, it } from 'vitest';
import { parseCliDate } from './accounts.commands.js';

describe('parseCliDate', () => {
  it('reads a date as the end of that day in the organization’s time zone', () => {
    expect(parseCliDate('2026-09-01', 'Europe/Moscow')?.toISOString()).toBe(
      '2026-09-01T20:59:59.999Z',
    );
    expect(parseCliDate('2026-01-15', 'Asia/Vladivostok')?.toISOString()).toBe(
      '2026-01-15T13:59:59.999Z',
    );
    expect(parseCliDate('2026-07-01', 'Europe/Berlin')?.toISOString()).toBe(
      '2026-07-01T21:59:59.999Z',
    );
  });

  it('takes ISO times as they are and refuses anything else', () => {
    expect(parseCliDate('2026-09-01T10:00:00+03:00', 'Europe/Moscow')?.toISOString()).toBe(
      '2026-09-01T07:00:00.000Z',
    );
    expect(parseCliDate('tomorrow', 'Europe/Moscow')).toBeNull();
    expect(parseCliDate('2026-13-45', 'Europe/Moscow')).toBeNull();
    expect(parseCliDate('1 September', 'Europe/Moscow')).toBeNull();
  });
});

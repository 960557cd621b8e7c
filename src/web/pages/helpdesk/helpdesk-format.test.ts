import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatFileSize, formatRelative } from './helpdesk-format.js';
import { readFilters } from './ticket-list-filters.js';

describe('help-desk formatting', () => {
  const now = Date.parse('2026-11-21T12:00:00Z');

  it('tells times relative to now in the largest whole unit', () => {
    expect(formatRelative('2026-11-21T11:55:00Z', 'ru', now)).toBe('5 минут назад');
    expect(formatRelative('2026-11-20T12:00:00Z', 'ru', now)).toBe('вчера');
    expect(formatRelative('2026-11-21T11:59:50Z', 'en', now)).toBe('this minute');
    expect(formatRelative('2026-11-24T12:00:00Z', 'en', now)).toBe('in 3 days');
  });

  it('shows a calendar date as written, whatever the browser’s time zone', () => {
    expect(formatCalendarDate('2026-12-31', 'ru')).toBe('31 декабря 2026 г.');
    expect(formatCalendarDate('2027-01-01', 'en')).toBe('January 1, 2027');
    expect(formatCalendarDate('not a date', 'ru')).toBe('not a date');
  });

  it('shows file sizes in Russian and English units', () => {
    expect(formatFileSize(512, 'ru')).toBe('512 Б');
    expect(formatFileSize(1536, 'ru')).toBe('1,5 КБ');
    expect(formatFileSize(20 * 1024 * 1024, 'en')).toBe('20 MB');
  });
});

describe('«Мои обращения» state in the address bar', () => {
  it('defaults to active tickets, newest activity first, page 1', () => {
    expect(readFilters(new URLSearchParams())).toEqual({
      status: undefined,
      includeResolved: false,
      q: undefined,
      sort: 'lastUpdate',
      order: 'desc',
      page: 1,
    });
  });

  it('reads sort, order, page, search and the resolved toggle', () => {
    const filters = readFilters(
      new URLSearchParams('sort=priority&order=asc&page=3&q=пароль&resolved=1'),
    );
    expect(filters).toMatchObject({
      sort: 'priority',
      order: 'asc',
      page: 3,
      q: 'пароль',
      includeResolved: true,
    });
  });

  it('shows resolved tickets when the status filter asks for them, and ignores junk', () => {
    expect(readFilters(new URLSearchParams('status=closed')).includeResolved).toBe(true);
    const junk = readFilters(new URLSearchParams('status=bogus&sort=drop&page=-2'));
    expect(junk).toMatchObject({ status: undefined, sort: 'lastUpdate', page: 1 });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDay, CalendarYear } from '../../src/shared/contracts/calendar.js';
import { loadWorkCalendar } from '../../src/server/modules/calendar/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createSignedInStaff, createUser, signInAs } from '../helpers/factories.js';

describe('the working-day calendar in the staff console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const yearOf = async (headers: Record<string, string>, year: number) => {
    const response = await t.app.inject({
      url: `/api/staff/calendar?year=${String(year)}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json<CalendarYear>();
  };
  const dayIn = (calendar: CalendarYear, date: string) =>
    calendar.days.find((day) => day.date === date);

  it('shows every day of an official year with holidays, transfers and shortened days', async () => {
    const { headers } = await createSignedInStaff(t.app, t.ctx, 'support_agent');
    const calendar = await yearOf(headers, 2025);
    expect(calendar).toMatchObject({ year: 2025, status: 'official' });
    expect(calendar.source).toContain('1335');
    expect(calendar.days).toHaveLength(365);
    expect(dayIn(calendar, '2025-11-01')).toMatchObject({ kind: 'short', edited: false });
    expect(dayIn(calendar, '2025-05-08')).toMatchObject({ kind: 'day_off', holiday: null });
    expect(dayIn(calendar, '2025-01-07')).toMatchObject({
      kind: 'day_off',
      holiday: 'Рождество Христово',
    });
    expect(calendar.hours).toEqual({
      timeZone: 'Europe/Moscow',
      dayStart: '09:00',
      dayEnd: '18:00',
      shortDayMinutes: 60,
    });
  });

  it('says when a year is missing (Monday–Friday fallback)', async () => {
    const { headers } = await createSignedInStaff(t.app, t.ctx, 'admin');
    const calendar = await yearOf(headers, 2031);
    expect(calendar).toMatchObject({ status: 'missing', source: null });
    expect(dayIn(calendar, '2031-01-01')?.kind).toBe('working');
  });

  it('lets an administrator edit a day, which the auto-close arithmetic then follows', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx, 'admin');
    const edit = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/calendar/days/2025-05-05',
      headers,
      payload: { kind: 'day_off', note: 'Санитарный день' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json<CalendarDay>()).toMatchObject({
      kind: 'day_off',
      officialKind: 'working',
      edited: true,
      note: 'Санитарный день',
    });
    const calendar = await loadWorkCalendar(t.ctx.db, organization.id);
    expect(calendar.addWorkingDays(new Date('2025-04-30T12:00:00+03:00'), 3)).toEqual(
      new Date('2025-05-12T12:00:00+03:00'),
    );

    const reset = await t.app.inject({
      method: 'DELETE',
      url: '/api/staff/calendar/days/2025-05-05',
      headers,
    });
    expect(reset.json<CalendarDay>()).toMatchObject({ kind: 'working', edited: false });
    const restored = await loadWorkCalendar(t.ctx.db, organization.id);
    expect(restored.addWorkingDays(new Date('2025-04-30T12:00:00+03:00'), 3)).toEqual(
      new Date('2025-05-07T12:00:00+03:00'),
    );

    const audit = await t.app.inject({ url: '/api/staff/audit', headers });
    const actions = audit.json<{ entries: { action: string }[] }>().entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['calendar.day_changed', 'calendar.day_reset']));
  });

  it('changes time zone and working hours, refusing impossible ones', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx, 'owner');
    const put = (payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/staff/calendar/hours', headers, payload });
    const bad = await put({
      timeZone: 'Mars/Olympus',
      dayStart: '09:00',
      dayEnd: '18:00',
      shortDayMinutes: 60,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('invalid_time_zone');
    const backwards = await put({
      timeZone: 'Asia/Yekaterinburg',
      dayStart: '18:00',
      dayEnd: '09:00',
      shortDayMinutes: 60,
    });
    expect(backwards.json<{ error: { code: string } }>().error.code).toBe('invalid_working_hours');

    const ok = await put({
      timeZone: 'Asia/Yekaterinburg',
      dayStart: '08:30',
      dayEnd: '17:30',
      shortDayMinutes: 60,
    });
    expect(ok.statusCode).toBe(200);
    const calendar = await loadWorkCalendar(t.ctx.db, organization.id);
    expect(calendar.timeZone).toBe('Asia/Yekaterinburg');
    // Monday 08:30 in Yekaterinburg (UTC+5) plus one working hour.
    expect(calendar.addWorkingMinutes(new Date('2026-11-23T03:00:00Z'), 60)).toEqual(
      new Date('2026-11-23T04:30:00Z'),
    );
  });

  it('lets any staff member read but only owners and administrators edit; customers get 403', async () => {
    const { organization, headers: agent } = await createSignedInStaff(
      t.app,
      t.ctx,
      'support_agent',
    );
    const denied = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/calendar/days/2026-01-12',
      headers: agent,
      payload: { kind: 'day_off' },
    });
    expect(denied.statusCode).toBe(403);
    const customer = await createUser(t.ctx, organization, { role: null });
    const customerHeaders = await signInAs(t.app, organization, customer.email);
    const read = await t.app.inject({
      url: '/api/staff/calendar?year=2026',
      headers: customerHeaders,
    });
    expect(read.statusCode).toBe(403);
    const invalid = await t.app.inject({ url: '/api/staff/calendar?year=abc', headers: agent });
    expect(invalid.statusCode).toBe(400);
  });
});

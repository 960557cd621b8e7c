import type {
  CalendarDay,
  CalendarYear,
  EditCalendarDay,
  WorkingHoursSettings,
} from '../../../shared/contracts/calendar.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { recordAudit } from '../access/index.js';
import {
  findOrganizationById,
  invalidateOrganizationDirectory,
  updateOrganizationTimeZone,
} from '../orgs/index.js';
import {
  deleteOverride,
  findOverridesInYear,
  findWorkingHours,
  saveWorkingHours,
  upsertOverride,
} from './calendar.repo.js';
import {
  nextDay,
  officialDayKind,
  RUSSIAN_PRODUCTION_CALENDAR as SHIPPED,
  yearStatus,
} from './production-calendar.js';
import { DEFAULT_WORKING_HOURS } from './work-calendar.js';
import type { WorkingHours } from './working-time.js';

/** The staff member editing the calendar, and from where (for the audit log). */
export interface CalendarActor {
  id: string;
  ip: string;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (value: string) => {
  const [hours = 0, minutes = 0] = value.split(':').map(Number);
  return hours * 60 + minutes;
};

function officialDay(date: string): CalendarDay {
  const kind = officialDayKind(SHIPPED, date);
  return {
    date,
    kind,
    officialKind: kind,
    holiday: SHIPPED.holidayNames.get(date.slice(5)) ?? null,
    note: null,
    edited: false,
  };
}

async function hoursSettings(ctx: AppContext, organizationId: string) {
  const [organization, hours] = await Promise.all([
    findOrganizationById(ctx.db, organizationId),
    findWorkingHours(ctx.db, organizationId),
  ]);
  if (!organization) throw new AppError('not_found');
  const { dayStartMinutes, dayEndMinutes, shortDayMinutes } = hours ?? DEFAULT_WORKING_HOURS;
  return {
    timeZone: organization.timezone,
    dayStart: clock(dayStartMinutes),
    dayEnd: clock(dayEndMinutes),
    shortDayMinutes,
  };
}

/** Every day of a year with its kind for this organization, and whether the data is official. */
export async function getCalendarYear(
  ctx: AppContext,
  organizationId: string,
  year: number,
): Promise<CalendarYear> {
  const [hours, overrides] = await Promise.all([
    hoursSettings(ctx, organizationId),
    findOverridesInYear(ctx.db, organizationId, year),
  ]);
  const edits = new Map(overrides.map((row) => [row.day, row]));
  const days: CalendarDay[] = [];
  for (let date = `${String(year)}-01-01`; date.startsWith(String(year)); date = nextDay(date)) {
    const day = officialDay(date);
    const edit = edits.get(date);
    days.push(edit ? { ...day, kind: edit.kind, note: edit.note, edited: true } : day);
  }
  return {
    year,
    status: yearStatus(SHIPPED, year),
    source: SHIPPED.years.get(year)?.source ?? null,
    hours,
    days,
  };
}

/** Sets what one day is for the organization (audited); the same kind as official clears the edit. */
export async function editCalendarDay(
  ctx: AppContext,
  organizationId: string,
  date: string,
  edit: EditCalendarDay,
  actor: CalendarActor,
): Promise<CalendarDay> {
  const official = officialDay(date);
  const note = edit.note?.trim() ? edit.note.trim() : null;
  if (edit.kind === official.kind && !note)
    return resetCalendarDay(ctx, organizationId, date, actor);
  await ctx.db.transaction(async (tx) => {
    const previous = await upsertOverride(tx, {
      organizationId,
      day: date,
      kind: edit.kind,
      note,
      by: actor.id,
    });
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      subjectId: null,
      action: 'calendar.day_changed',
      details: { date, from: previous?.kind ?? official.kind, to: edit.kind, note },
      ip: actor.ip,
    });
  });
  return { ...official, kind: edit.kind, note, edited: true };
}

/** Restores the shipped calendar's answer for one day (audited when there was an edit). */
export async function resetCalendarDay(
  ctx: AppContext,
  organizationId: string,
  date: string,
  actor: CalendarActor,
): Promise<CalendarDay> {
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteOverride(tx, organizationId, date);
    if (!removed) return;
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      subjectId: null,
      action: 'calendar.day_reset',
      details: { date, from: removed.kind, to: officialDayKind(SHIPPED, date) },
      ip: actor.ip,
    });
  });
  return officialDay(date);
}

function assertTimeZone(timeZone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError('invalid_time_zone', { timeZone });
  }
}

/** Changes the time zone and working hours (audited). */
export async function changeWorkingHours(
  ctx: AppContext,
  organizationId: string,
  settings: WorkingHoursSettings,
  actor: CalendarActor,
): Promise<WorkingHoursSettings> {
  assertTimeZone(settings.timeZone);
  const hours: WorkingHours = {
    dayStartMinutes: minutesOf(settings.dayStart),
    dayEndMinutes: minutesOf(settings.dayEnd),
    shortDayMinutes: settings.shortDayMinutes,
  };
  if (hours.dayEndMinutes - hours.shortDayMinutes <= hours.dayStartMinutes) {
    throw new AppError('invalid_working_hours');
  }
  const before = await hoursSettings(ctx, organizationId);
  await ctx.db.transaction(async (tx) => {
    await saveWorkingHours(tx, organizationId, hours);
    await updateOrganizationTimeZone(tx, organizationId, settings.timeZone);
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      subjectId: null,
      action: 'calendar.hours_changed',
      details: { from: before, to: settings },
      ip: actor.ip,
    });
  });
  if (before.timeZone !== settings.timeZone) invalidateOrganizationDirectory();
  return hoursSettings(ctx, organizationId);
}

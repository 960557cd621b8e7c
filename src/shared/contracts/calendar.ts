import { z } from 'zod';

/** A local calendar date. */
export const ZIsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'not a date');

/** `HH:MM`, 00:00–24:00. */
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');

export const ZDayKind = z.enum(['day_off', 'working', 'short']);
export type DayKind = z.infer<typeof ZDayKind>;

/** One day of the organization's calendar. */
export const ZCalendarDay = z.object({
  date: ZIsoDay,
  kind: ZDayKind,
  /** What the shipped production calendar says; differs from `kind` when staff edited the day. */
  officialKind: ZDayKind,
  /** The public holiday's name, if the date is one. */
  holiday: z.string().nullable(),
  /** Staff's note on an edited day. */
  note: z.string().nullable(),
  edited: z.boolean(),
});
export type CalendarDay = z.infer<typeof ZCalendarDay>;

export const ZWorkingHours = z.object({
  /** IANA time zone of the organization, e.g. `Europe/Moscow`. */
  timeZone: z.string().min(1).max(64),
  dayStart: ZClock,
  dayEnd: ZClock,
  /** How much earlier a shortened pre-holiday day ends (the Labour Code says 60). */
  shortDayMinutes: z.number().int().min(0).max(240),
});
export type WorkingHoursSettings = z.infer<typeof ZWorkingHours>;

/** GET /api/staff/calendar?year= */
export const ZCalendarYearQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const ZCalendarYear = z.object({
  year: z.number().int(),
  /** `official`: the government's decree; `provisional`: a draft; `missing`: Monday–Friday only. */
  status: z.enum(['official', 'provisional', 'missing']),
  source: z.string().nullable(),
  hours: ZWorkingHours,
  days: z.array(ZCalendarDay),
});
export type CalendarYear = z.infer<typeof ZCalendarYear>;

export const ZCalendarDayParams = z.object({ date: ZIsoDay });

/** PUT /api/staff/calendar/days/{date}: what the day is for this organization. */
export const ZEditCalendarDay = z.object({
  kind: ZDayKind,
  note: z.string().trim().max(200).nullable().optional(),
});
export type EditCalendarDay = z.infer<typeof ZEditCalendarDay>;

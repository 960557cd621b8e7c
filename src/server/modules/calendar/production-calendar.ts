import fs from 'node:fs';
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const yearSchema = z.object({
  status: z.enum(['official', 'provisional']),
  source: z.string(),
  nonWorking: z.array(isoDay),
  working: z.array(isoDay),
  short: z.array(isoDay),
});

const fileSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  years: z.record(z.string(), yearSchema),
});

/** What a day is in a calendar: a day off, a full working day or a shortened one. */
export type DayKind = 'day_off' | 'working' | 'short';

/** Whether a year's data is the government's decree, a draft, or absent (Monday–Friday). */
export type YearStatus = 'official' | 'provisional' | 'missing';

/** One year of the shipped Russian production calendar, as exceptions to Monday–Friday. */
export interface ProductionYear {
  status: Exclude<YearStatus, 'missing'>;
  source: string;
  nonWorking: ReadonlySet<string>;
  working: ReadonlySet<string>;
  short: ReadonlySet<string>;
}

/** The shipped calendar; a public fact the government publishes each year (see the JSON). */
export interface ProductionCalendar {
  years: ReadonlyMap<number, ProductionYear>;
  /** Names of the public holidays by `MM-DD`. */
  holidayNames: ReadonlyMap<string, string>;
}

function loadShipped(): ProductionCalendar {
  const raw: unknown = JSON.parse(
    fs.readFileSync(new URL('./data/ru-production-calendar.json', import.meta.url), 'utf8'),
  );
  const file = fileSchema.parse(raw);
  const years = new Map<number, ProductionYear>();
  for (const [year, data] of Object.entries(file.years)) {
    years.set(Number(year), {
      status: data.status,
      source: data.source,
      nonWorking: new Set(data.nonWorking),
      working: new Set(data.working),
      short: new Set(data.short),
    });
  }
  return { years, holidayNames: new Map(Object.entries(file.holidays)) };
}

/** The Russian production calendar shipped with Kabinet (2025–2027). */
export const RUSSIAN_PRODUCTION_CALENDAR = loadShipped();

/** Day of the week of a `YYYY-MM-DD` date: 0 Sunday … 6 Saturday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** The next calendar date after `day`. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The official kind of a day; a year without data falls back to Monday–Friday. */
export function officialDayKind(calendar: ProductionCalendar, day: string): DayKind {
  const year = calendar.years.get(Number(day.slice(0, 4)));
  if (year?.short.has(day)) return 'short';
  if (year?.working.has(day)) return 'working';
  if (year?.nonWorking.has(day)) return 'day_off';
  const dow = weekday(day);
  return dow === 0 || dow === 6 ? 'day_off' : 'working';
}

/** Whether the shipped calendar has the year, and how sure it is. */
export function yearStatus(calendar: ProductionCalendar, year: number): YearStatus {
  return calendar.years.get(year)?.status ?? 'missing';
}

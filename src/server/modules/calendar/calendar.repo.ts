import { and, eq, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { calendarDayOverrides, calendarSettings } from './calendar.schema.js';
import type { DayKind } from './production-calendar.js';
import type { WorkingHours } from './working-time.js';

/** Staff edits of days within a year. */
export function findOverridesInYear(db: DbOrTx, organizationId: string, year: number) {
  return db
    .select()
    .from(calendarDayOverrides)
    .where(
      and(
        eq(calendarDayOverrides.organizationId, organizationId),
        gte(calendarDayOverrides.day, `${String(year)}-01-01`),
        lte(calendarDayOverrides.day, `${String(year)}-12-31`),
      ),
    );
}

/** Sets one day (insert or replace); returns the previous edit, if any. */
export async function upsertOverride(
  db: DbOrTx,
  row: { organizationId: string; day: string; kind: DayKind; note: string | null; by: string },
) {
  const [previous] = await db
    .select()
    .from(calendarDayOverrides)
    .where(
      and(
        eq(calendarDayOverrides.organizationId, row.organizationId),
        eq(calendarDayOverrides.day, row.day),
      ),
    )
    .for('update');
  const values = { kind: row.kind, note: row.note, updatedById: row.by, updatedAt: new Date() };
  await db
    .insert(calendarDayOverrides)
    .values({ organizationId: row.organizationId, day: row.day, ...values })
    .onConflictDoUpdate({
      target: [calendarDayOverrides.organizationId, calendarDayOverrides.day],
      set: values,
    });
  return previous ?? null;
}

/** Removes a staff edit; returns what was removed. */
export async function deleteOverride(db: DbOrTx, organizationId: string, day: string) {
  const [removed] = await db
    .delete(calendarDayOverrides)
    .where(
      and(
        eq(calendarDayOverrides.organizationId, organizationId),
        eq(calendarDayOverrides.day, day),
      ),
    )
    .returning();
  return removed ?? null;
}

export async function findWorkingHours(db: DbOrTx, organizationId: string) {
  const [row] = await db
    .select()
    .from(calendarSettings)
    .where(eq(calendarSettings.organizationId, organizationId));
  return row ?? null;
}

export async function saveWorkingHours(db: DbOrTx, organizationId: string, hours: WorkingHours) {
  const values = { ...hours, updatedAt: new Date() };
  await db
    .insert(calendarSettings)
    .values({ organizationId, ...values })
    .onConflictDoUpdate({ target: calendarSettings.organizationId, set: values });
}

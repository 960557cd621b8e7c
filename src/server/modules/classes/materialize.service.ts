import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../infra/db.js';
import { groups, lessons, organizations, scheduleRules } from '../../schema.js';
import { loadWorkCalendar, localDay, type WorkCalendar } from '../calendar/index.js';
import { holidayOn } from './holidays.js';
import { findRuleLessonsFrom } from './lessons.repo.js';
import { addDays, ruleOccurrences } from './rule-occurrences.js';

/** Lessons are kept this many days ahead, today included (10 weeks, docs/classes.md). */
export const HORIZON_DAYS = 70;

type RuleRow = typeof scheduleRules.$inferSelect;
type GroupRow = typeof groups.$inferSelect;

/** What `materializeRule` did. */
export interface MaterializeCounts {
  created: number;
  updated: number;
  removed: number;
}

const sameTime = (a: Date | null, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Brings one rule's future lessons (from `now` to the horizon) in line with the rule, its group
 * and the calendar. Idempotent and safe to run twice at once: the rule row is locked, inserts
 * rely on `unique(rule_id, original_starts_at)`. Past lessons, moved lessons, lessons staff
 * cancelled and lessons with visits are never touched: they record what happened or a decision.
 */
export async function materializeRule(
  tx: Tx,
  rule: RuleRow,
  group: GroupRow,
  calendar: WorkCalendar,
  now: Date,
): Promise<MaterializeCounts> {
  await tx
    .select({ id: scheduleRules.id })
    .from(scheduleRules)
    .where(eq(scheduleRules.id, rule.id))
    .for('update');
  const today = localDay(now, calendar.timeZone);
  const wanted = group.archivedAt
    ? []
    : ruleOccurrences(
        {
          ...rule,
          groupStartsOn: group.startsOn,
          groupEndsOn: group.endsOn,
        },
        today,
        addDays(today, HORIZON_DAYS - 1),
        calendar.timeZone,
      ).filter((occurrence) => occurrence.startsAt >= now);
  const byStart = new Map(wanted.map((o) => [o.startsAt.getTime(), o]));
  const counts: MaterializeCounts = { created: 0, updated: 0, removed: 0 };
  const roomId = rule.roomId ?? group.roomId;
  const teacherId = rule.teacherId ?? group.teacherId;
  const holidayOf = (day: string) => (group.skipHolidays ? holidayOn(calendar, day) : null);

  const existing = await findRuleLessonsFrom(tx, rule.id, now);
  const stale: string[] = [];
  for (const { lesson, visitCount } of existing) {
    const moved = lesson.startsAt.getTime() !== lesson.originalStartsAt.getTime();
    // `staff` (cancelled) and `restored` (held despite a holiday) are staff decisions.
    const staffDecided = lesson.cancelReason !== null && lesson.cancelReason !== 'holiday';
    if (moved || staffDecided || visitCount > 0) {
      byStart.delete(lesson.originalStartsAt.getTime());
      continue;
    }
    const occurrence = byStart.get(lesson.originalStartsAt.getTime());
    byStart.delete(lesson.originalStartsAt.getTime());
    if (!occurrence) {
      stale.push(lesson.id);
      continue;
    }
    const holiday = holidayOf(occurrence.day);
    const next = {
      endsAt: occurrence.endsAt,
      roomId,
      teacherId,
      status: holiday ? ('cancelled' as const) : ('scheduled' as const),
      cancelReason: holiday ? 'holiday' : null,
      cancelNote: holiday,
    };
    const unchanged =
      sameTime(lesson.endsAt, next.endsAt) &&
      lesson.roomId === next.roomId &&
      lesson.teacherId === next.teacherId &&
      lesson.status === next.status &&
      lesson.cancelNote === next.cancelNote;
    if (unchanged) continue;
    await tx.update(lessons).set(next).where(eq(lessons.id, lesson.id));
    counts.updated++;
  }
  if (stale.length > 0) {
    await tx.delete(lessons).where(inArray(lessons.id, stale));
    counts.removed = stale.length;
  }
  const rows = [...byStart.values()].map((occurrence) => {
    const holiday = holidayOf(occurrence.day);
    return {
      organizationId: rule.organizationId,
      groupId: rule.groupId,
      ruleId: rule.id,
      kind: 'regular' as const,
      startsAt: occurrence.startsAt,
      endsAt: occurrence.endsAt,
      originalStartsAt: occurrence.startsAt,
      status: holiday ? ('cancelled' as const) : ('scheduled' as const),
      cancelReason: holiday ? 'holiday' : null,
      cancelNote: holiday,
      roomId,
      teacherId,
    };
  });
  if (rows.length > 0) {
    const inserted = await tx
      .insert(lessons)
      .values(rows)
      .onConflictDoNothing({ target: [lessons.ruleId, lessons.originalStartsAt] })
      .returning({ id: lessons.id });
    counts.created = inserted.length;
  }
  return counts;
}

/** Re-materializes every rule of a group (after the group's dates or holiday setting changed). */
export async function materializeGroup(
  tx: Tx,
  organizationId: string,
  groupId: string,
  now: Date,
): Promise<MaterializeCounts> {
  const [group] = await tx
    .select()
    .from(groups)
    .where(and(eq(groups.organizationId, organizationId), eq(groups.id, groupId)));
  if (!group) return { created: 0, updated: 0, removed: 0 };
  const calendar = await loadWorkCalendar(tx, organizationId);
  const rules = await tx
    .select()
    .from(scheduleRules)
    .where(eq(scheduleRules.groupId, groupId))
    .orderBy(scheduleRules.id);
  const total: MaterializeCounts = { created: 0, updated: 0, removed: 0 };
  for (const rule of rules) {
    const counts = await materializeRule(tx, rule, group, calendar, now);
    total.created += counts.created;
    total.updated += counts.updated;
    total.removed += counts.removed;
  }
  return total;
}

/** The rules still in force on `today` somewhere, for the daily job: `{ organizationId, groupId }`. */
export async function findGroupsToMaterialize(tx: Tx, now: Date) {
  return tx
    .selectDistinct({
      organizationId: scheduleRules.organizationId,
      groupId: scheduleRules.groupId,
    })
    .from(scheduleRules)
    .innerJoin(groups, eq(groups.id, scheduleRules.groupId))
    .innerJoin(organizations, eq(organizations.id, scheduleRules.organizationId))
    .where(
      and(
        isNull(groups.archivedAt),
        // A day of slack either side of UTC covers every time zone's "today".
        or(
          isNull(scheduleRules.validTo),
          gte(scheduleRules.validTo, addDays(now.toISOString().slice(0, 10), -1)),
        ),
        or(
          isNull(groups.endsOn),
          gte(groups.endsOn, sql`${addDays(now.toISOString().slice(0, 10), -1)}::date`),
        ),
      ),
    )
    .orderBy(scheduleRules.organizationId, scheduleRules.groupId);
}

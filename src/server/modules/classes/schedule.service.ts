import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { ScheduleRule, ScheduleRuleInput } from '../../../shared/contracts/classes.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { lessons, scheduleRules, visits } from '../../schema.js';
import { recordAudit } from '../access/index.js';
import { loadWorkCalendar } from '../calendar/index.js';
import { assertReferences, findGroupRow } from './groups.service.js';
import { materializeRule } from './materialize.service.js';

const toRule = (row: typeof scheduleRules.$inferSelect): ScheduleRule => ({
  id: row.id,
  groupId: row.groupId,
  weekday: row.weekday,
  startTime: row.startTime,
  durationMinutes: row.durationMinutes,
  validFrom: row.validFrom,
  validTo: row.validTo,
  roomId: row.roomId,
  teacherId: row.teacherId,
});

/** A group's weekly rules by weekday and time. */
export async function listRules(
  db: DbOrTx,
  organizationId: string,
  groupId: string,
): Promise<ScheduleRule[]> {
  await findGroupRow(db, organizationId, groupId);
  const rows = await db
    .select()
    .from(scheduleRules)
    .where(
      and(eq(scheduleRules.organizationId, organizationId), eq(scheduleRules.groupId, groupId)),
    )
    .orderBy(asc(scheduleRules.weekday), asc(scheduleRules.startTime), asc(scheduleRules.id));
  return rows.map(toRule);
}

function ruleFields(input: ScheduleRuleInput) {
  return {
    weekday: input.weekday,
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    roomId: input.roomId ?? null,
    teacherId: input.teacherId ?? null,
  };
}

/**
 * Adds a weekly rule (`ruleId` null) or edits one, and materializes its lessons up to the
 * horizon in the same transaction. An edit re-materializes only future lessons that nobody
 * touched: past, moved, staff-cancelled lessons and lessons with visits stay as they are.
 */
export async function saveRule(
  ctx: AppContext,
  organizationId: string,
  groupId: string,
  ruleId: string | null,
  input: ScheduleRuleInput,
  actorId: string | null,
  now = new Date(),
): Promise<ScheduleRule> {
  return ctx.db.transaction(async (tx) => {
    const group = await findGroupRow(tx, organizationId, groupId);
    await assertReferences(tx, organizationId, {
      roomId: input.roomId,
      teacherId: input.teacherId,
      branchId: input.roomId ? group.branchId : null,
    });
    const fields = ruleFields(input);
    const [rule] = ruleId
      ? await tx
          .update(scheduleRules)
          .set(fields)
          .where(
            and(
              eq(scheduleRules.organizationId, organizationId),
              eq(scheduleRules.groupId, groupId),
              eq(scheduleRules.id, ruleId),
            ),
          )
          .returning()
      : await tx
          .insert(scheduleRules)
          .values({ organizationId, groupId, ...fields })
          .returning();
    if (!rule) throw new AppError('not_found');
    const counts = await materializeRule(
      tx,
      rule,
      group,
      await loadWorkCalendar(tx, organizationId),
      now,
    );
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: ruleId ? 'schedule_rule.changed' : 'schedule_rule.created',
      details: { groupId, ruleId: rule.id, ...fields, ...counts },
    });
    return toRule(rule);
  });
}

/**
 * Deletes a rule with its future lessons that nobody touched; past lessons, moved lessons and
 * lessons with visits stay (as lessons without a rule).
 */
export async function deleteRule(
  ctx: AppContext,
  organizationId: string,
  groupId: string,
  ruleId: string,
  actorId: string | null,
  now = new Date(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [rule] = await tx
      .select()
      .from(scheduleRules)
      .where(
        and(
          eq(scheduleRules.organizationId, organizationId),
          eq(scheduleRules.groupId, groupId),
          eq(scheduleRules.id, ruleId),
        ),
      )
      .for('update');
    if (!rule) throw new AppError('not_found');
    const removable = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(
        and(
          eq(lessons.ruleId, ruleId),
          gte(lessons.startsAt, now),
          sql`${lessons.startsAt} = ${lessons.originalStartsAt}`,
          sql`not exists (select 1 from ${visits} v where v.lesson_id = ${lessons.id})`,
        ),
      );
    if (removable.length > 0) {
      await tx.delete(lessons).where(
        inArray(
          lessons.id,
          removable.map((row) => row.id),
        ),
      );
    }
    await tx.delete(scheduleRules).where(eq(scheduleRules.id, ruleId));
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'schedule_rule.deleted',
      details: { groupId, ruleId, removedLessons: removable.length },
    });
  });
}

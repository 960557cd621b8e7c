import { z } from 'zod';
import { defineAppJob, type AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import { findGroupsToMaterialize, materializeGroup } from './materialize.service.js';

/**
 * Keeps every group's lessons materialized 10 weeks ahead. One transaction per group: a
 * failure leaves the others done, and the next run picks it up. Safe with two instances at
 * once (the rule rows are locked, inserts are `on conflict do nothing`).
 */
export async function materializeAllLessons(
  ctx: AppContext,
  now: Date,
  stopping: () => boolean = () => false,
): Promise<{ groups: number; created: number; updated: number; removed: number }> {
  const targets = await ctx.db.transaction((tx) => findGroupsToMaterialize(tx, now));
  const total = { groups: 0, created: 0, updated: 0, removed: 0 };
  for (const target of targets) {
    if (stopping()) break;
    const counts = await ctx.db.transaction((tx) =>
      materializeGroup(tx, target.organizationId, target.groupId, now),
    );
    total.groups++;
    total.created += counts.created;
    total.updated += counts.updated;
    total.removed += counts.removed;
  }
  return total;
}

/** Daily at 03:10; `kabinet jobs run classes.materialize-lessons --now <ISO>` runs it "at" then. */
export const materializeLessonsJob = defineAppJob({
  name: 'classes.materialize-lessons',
  payload: z.object({}),
  schedule: { cron: '10 3 * * *', payload: {} },
  async handler(_payload, run) {
    const result = await materializeAllLessons(run.app, run.now, run.stopping);
    run.log.info(result, 'lessons materialized');
  },
});

export const scheduleJobs: JobDefinition<AppContext>[] = [materializeLessonsJob];

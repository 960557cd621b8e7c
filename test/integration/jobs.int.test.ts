import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Manager from 'pg-boss/src/manager.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineAppJob } from '../../src/server/infra/context.js';
import { openDatabase } from '../../src/server/infra/db.js';
import { JobQueue } from '../../src/server/infra/queue.js';
import { sessions } from '../../src/server/schema.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, testDriver } from '../helpers/database.js';
import { createSignedInStaff, createUser, eventually } from '../helpers/factories.js';

/** Each run of a test job (time, last attempt?), by the organization in its payload. */
const failingRuns = new Map<string, { at: number; isLastAttempt: boolean }[]>();
const quietRuns = new Map<string, number>();

const alwaysFailsJob = defineAppJob({
  name: 'test.always-fails',
  payload: z.object({ organizationId: z.uuid() }),
  retryLimit: 1,
  retryDelaySeconds: 1,
  handler: ({ organizationId }, run) => {
    const runs = failingRuns.get(organizationId) ?? [];
    failingRuns.set(organizationId, [
      ...runs,
      { at: Date.now(), isLastAttempt: run.isLastAttempt },
    ]);
    return Promise.reject(new Error('boom'));
  },
});

const quietJob = defineAppJob({
  name: 'test.quiet',
  payload: z.object({ organizationId: z.uuid() }),
  handler: ({ organizationId }) => {
    quietRuns.set(organizationId, (quietRuns.get(organizationId) ?? 0) + 1);
    return Promise.resolve();
  },
});

describe('background jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ work: true, extraJobs: [alwaysFailsJob, quietJob] });
  });
  afterAll(async () => {
    await t.close();
  });

  const jobState = async (id: string) => {
    const { rows } = await t.ctx.database.executor.executeSql(
      'select state, retry_count from pgboss.job where id = $1',
      [id],
    );
    return rows[0] as { state: string; retry_count: number } | undefined;
  };

  it('retries a failing job with backoff, then shows it to admins as failed until retried', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const id = await t.ctx.queue.send(alwaysFailsJob, { organizationId: organization.id });
    if (!id) throw new Error('job not sent');

    await eventually(async () => ((await jobState(id))?.state === 'failed' ? true : undefined));
    const runs = failingRuns.get(organization.id) ?? [];
    expect(runs.map((r) => r.isLastAttempt)).toEqual([false, true]);
    // retryDelaySeconds: 1 with backoff: the second attempt waits at least a second.
    expect((runs[1]?.at ?? 0) - (runs[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);

    const listed = await t.app.inject({ url: '/api/staff/jobs/failed', headers });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ jobs: unknown[] }>().jobs).toEqual([
      expect.objectContaining({
        id,
        name: 'test.always-fails',
        data: { organizationId: organization.id },
        output: { message: 'boom' },
        retryCount: 1,
      }),
    ]);
    // Kept for staff to review for a month, not archived within hours.
    const failedDaysAgo = async (days: number) => {
      await t.ctx.database.executor.executeSql(
        `update pgboss.job set completed_on = now() - make_interval(days => $2) where id = $1`,
        [id, days],
      );
      await t.ctx.queue.archive();
      const after = await t.app.inject({ url: '/api/staff/jobs/failed', headers });
      return after.json<{ jobs: { id: string }[] }>().jobs.map((job) => job.id);
    };
    expect(await failedDaysAgo(2)).toEqual([id]);

    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/staff/jobs/test.always-fails/${id}/retry`,
      headers,
    });
    expect(retry.statusCode).toBe(204);
    const again = await eventually(() => {
      const all = failingRuns.get(organization.id) ?? [];
      return Promise.resolve(all.length === 3 ? all : undefined);
    });
    expect(again[2]?.isLastAttempt).toBe(true);
    await eventually(async () => ((await jobState(id))?.state === 'failed' ? true : undefined));
    // After a month it leaves the console for pg-boss's archive.
    expect(await failedDaysAgo(31)).toEqual([]);
  });

  it('refuses to retry a job that has not failed', async () => {
    const { organization, headers } = await createSignedInStaff(t.app, t.ctx);
    const id = await t.ctx.queue.send(quietJob, { organizationId: organization.id });
    await eventually(() => Promise.resolve(quietRuns.get(organization.id) === 1 || undefined));
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/staff/jobs/test.quiet/${id ?? ''}/retry`,
      headers,
    });
    expect(response.statusCode).toBe(404);
  });

  it('shows failed jobs to owners and admins only', async () => {
    const { headers } = await createSignedInStaff(t.app, t.ctx, 'manager');
    const response = await t.app.inject({ url: '/api/staff/jobs/failed', headers });
    expect(response.statusCode).toBe(403);
  });

  it('runs a job now as if the clock said so', async () => {
    const { organization } = await createSignedInStaff(t.app, t.ctx);
    const user = await createUser(t.ctx, organization);
    const now = new Date(Date.now() + 30 * 24 * 3600_000);
    const session = (expiresAt: Date) => ({
      organizationId: organization.id,
      userId: user.id,
      tokenHash: randomUUID(),
      expiresAt,
    });
    const [expired, live] = await t.ctx.db
      .insert(sessions)
      .values([
        session(new Date(now.getTime() - 3600_000)),
        session(new Date(now.getTime() + 60_000)),
      ])
      .returning();

    expect(await t.ctx.queue.runNow(t.ctx, 'access.purge-expired', now)).toBe(true);
    const left = await t.ctx.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(eq(sessions.userId, user.id));
    expect(left.map((row) => row.id)).toEqual([live?.id]);
    expect(left.map((row) => row.id)).not.toContain(expired?.id);
    expect(await t.ctx.queue.runNow(t.ctx, 'no.such-job', now)).toBe(false);
  });

  it('inserts a job sent in a transaction only when the transaction commits', async () => {
    const { organization } = await createSignedInStaff(t.app, t.ctx);
    const rolledBack: { id: string | null } = { id: null };
    await expect(
      t.ctx.db.transaction(async (tx) => {
        rolledBack.id = await t.ctx.queue.send(
          quietJob,
          { organizationId: organization.id },
          { tx },
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(rolledBack.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await jobState(rolledBack.id ?? '')).toBeUndefined();

    const committedId = await t.ctx.db.transaction((tx) =>
      t.ctx.queue.send(quietJob, { organizationId: organization.id }, { tx }),
    );
    expect(await jobState(committedId ?? '')).toBeDefined();
    await eventually(() => Promise.resolve(quietRuns.get(organization.id) === 1 || undefined));
  });

  it('refuses a payload that does not match the job schema before it reaches the table', async () => {
    await expect(t.ctx.queue.send(quietJob, { organizationId: 'not-a-uuid' })).rejects.toThrow();
  });
});

describe('scheduled jobs on several instances', () => {
  /** A every-minute job that records which instance ran it in a table both instances share. */
  const cronJobFor = (instance: string) =>
    defineAppJob({
      name: 'test.every-minute',
      payload: z.object({}),
      schedule: { cron: '* * * * *', payload: {} },
      handler: async (_payload, run) => {
        await run.app.database.executor.executeSql(
          'insert into test_cron_runs (instance) values ($1)',
          [instance],
        );
      },
    });

  it.runIf(testDriver() === 'postgres')(
    'runs a cron job once per tick across two instances on PostgreSQL',
    async () => {
      const testDatabase = await createTestDatabase();
      const second = await openDatabase({
        driver: 'postgres',
        url: testDatabase.url ?? '',
        poolSize: 5,
      });
      await testDatabase.database.executor.executeSql(
        'create table test_cron_runs (instance text not null, ran_at timestamptz not null default now())',
      );
      // Start well inside a minute, so the tick of the starting minute is not lost at its edge.
      const secondsIntoMinute = () => new Date().getUTCSeconds();
      if (secondsIntoMinute() > 45) {
        await new Promise((resolve) => setTimeout(resolve, (61 - secondsIntoMinute()) * 1000));
      }
      const startedAt = Date.now();
      // Both instances start at once, as two containers of one deployment would.
      const instances = await Promise.all([
        createTestApp({
          database: testDatabase.database,
          work: true,
          extraJobs: [cronJobFor('a')],
        }),
        createTestApp({ database: second, work: true, extraJobs: [cronJobFor('b')] }),
      ]);
      try {
        const countRuns = async () => {
          const { rows } = await testDatabase.database.executor.executeSql(
            'select count(*)::int as runs from test_cron_runs',
          );
          return Number(rows[0]?.runs);
        };
        // The starting minute's tick runs right away; then wait for the next minute's tick.
        await eventually(async () => ((await countRuns()) >= 1 ? true : undefined), 20_000);
        const nextMinute = (Math.floor(startedAt / 60_000) + 1) * 60_000;
        await new Promise((resolve) => setTimeout(resolve, nextMinute + 12_000 - Date.now()));

        const ticks = Math.floor(Date.now() / 60_000) - Math.floor(startedAt / 60_000) + 1;
        expect(ticks).toBe(2);
        expect(await countRuns()).toBe(ticks);
        const { rows } = await testDatabase.database.executor.executeSql(
          'select instance from test_cron_runs where ran_at >= $1',
          [new Date(nextMinute)],
        );
        expect(rows).toHaveLength(1);
      } finally {
        for (const instance of instances) await instance.close();
        await second.close();
        await testDatabase.destroy();
      }
    },
    110_000,
  );
});

describe('job pollers', () => {
  const original = Manager.prototype.watch;
  // pg-boss starts each poller through its manager's `watch`: the calls show when each of ours
  // started (pg-boss also watches queues of its own, such as cron's).
  const watchCalls = () => {
    const calls: number[] = [];
    const spy = vi.spyOn(Manager.prototype, 'watch').mockImplementation(function (
      this: Manager,
      ...args: Parameters<Manager['watch']>
    ) {
      if (!String(args[0]).startsWith('__pgboss')) calls.push(performance.now());
      return original.apply(this, args);
    });
    return {
      calls,
      restore: () => {
        spy.mockRestore();
      },
    };
  };
  const busyJob = defineAppJob({
    name: 'test.busy',
    payload: z.object({}),
    concurrency: 10,
    handler: () => Promise.resolve(),
  });

  it('start one by one, spread over the polling interval instead of polling in one burst', async () => {
    const watched = watchCalls();
    const t = await createTestApp({ work: true });
    try {
      const pollers = t.ctx.queue.pollerCount;
      expect(pollers).toBeGreaterThan(10);
      await eventually(
        () => Promise.resolve(watched.calls.length === pollers ? true : undefined),
        5_000,
      );
      const starts = [...watched.calls].sort((a, b) => a - b);
      const gaps = starts.slice(1).map((at, i) => at - (starts[i] ?? at));
      // Tests poll every 0.5 s: the starts cover most of it, a few tens of ms apart.
      expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThan(0.4 * 500);
      expect(Math.max(...gaps)).toBeLessThan(250);
    } finally {
      watched.restore();
      await t.close();
    }
  });

  it('never start once the queue is stopped', async () => {
    const t = await createTestApp();
    const watched = watchCalls();
    try {
      // Ten pollers over 5 s, half a second apart: stopped at once, none may start.
      const queue = new JobQueue(t.ctx.database, [busyJob], t.ctx.log, {
        pollingIntervalSeconds: 5,
      });
      await queue.start(t.ctx, { work: true });
      await queue.stop();
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(watched.calls).toHaveLength(0);
    } finally {
      watched.restore();
      await t.close();
    }
  });
  let handlerStarted: () => void = () => undefined;
  let openGate: () => void = () => undefined;
  const gatedFailureJob = defineAppJob({
    name: 'test.gated-failure',
    payload: z.object({}),
    retryLimit: 3,
    handler: async () => {
      handlerStarted();
      await new Promise<void>((resolve) => {
        openGate = resolve;
      });
      throw new Error('fails as the queue stops');
    },
  });

  it('stop waits for the write that fails a job, which pg-boss does not await', async () => {
    const t = await createTestApp();
    const started = new Promise<void>((resolve) => {
      handlerStarted = resolve;
    });
    try {
      const queue = new JobQueue(t.ctx.database, [gatedFailureJob], t.ctx.log, {
        pollingIntervalSeconds: 0.5,
      });
      await queue.start(t.ctx, { work: true });
      const id = await queue.send(gatedFailureJob, {});
      await started;
      const stopped = queue.stop();
      openGate();
      await stopped;
      // Right after stop the job is no longer active: its failure is stored (a retry waits).
      const { rows } = await t.ctx.database.executor.executeSql(
        'select state from pgboss.job where id = $1',
        [id],
      );
      expect(rows[0]?.state).toBe('retry');
    } finally {
      await t.close();
    }
  });
});

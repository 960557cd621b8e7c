import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { executorForTransaction, type Database, type DbOrTx, type SqlExecutor } from './db.js';

/** What a job handler receives besides its payload. */
export interface JobRunContext<Ctx> {
  /** "Now" for the handler: the real clock, or the time given to `kabinet jobs run --now`. */
  now: Date;
  app: Ctx;
  log: Logger;
  /** True when a failure now is final (no retries left): the job goes to the dead letter queue. */
  isLastAttempt: boolean;
  /**
   * True once the process is shutting down: a long batched handler stops between batches and
   * leaves the rest to the next run, so it never outlives the database connection.
   */
  stopping: () => boolean;
}

/** A job: a name, a zod payload and a handler. Handlers must be idempotent. */
export interface JobDefinition<Ctx, Schema extends z.ZodType = z.ZodType> {
  name: string;
  payload: Schema;
  handler: (payload: z.infer<Schema>, run: JobRunContext<Ctx>) => Promise<void>;
  /** Cron schedule (Europe/Moscow unless `tz`); pg-boss runs it once per tick across instances. */
  schedule?: { cron: string; tz?: string; payload: z.infer<Schema> };
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Concurrent handlers per instance. */
  concurrency?: number;
}

/** Declares a job with its payload type inferred from the schema. */
export function defineJob<Ctx, Schema extends z.ZodType>(
  definition: JobDefinition<Ctx, Schema>,
): JobDefinition<Ctx, Schema> {
  return definition;
}

/** How long jobs that failed every retry (the dead letter) stay visible to staff. */
export const FAILED_JOBS_KEPT_SECONDS = 30 * 24 * 3600;

export interface SendOptions {
  /** Insert the job in this transaction, so it exists only if the change commits. */
  tx?: DbOrTx;
  singletonKey?: string;
  startAfter?: Date;
}

export interface QueueOptions {
  /** How often idle workers poll; short in tests. */
  pollingIntervalSeconds?: number;
  cronMonitorIntervalSeconds?: number;
}

/** pg-boss behind a small typed facade: one registry of jobs, transactional send, run-now. */
export class JobQueue<Ctx> {
  private readonly boss: PgBoss;
  private readonly jobs = new Map<string, JobDefinition<Ctx>>();
  private started = false;
  private stopRequested = false;
  /** Handlers running now; shutdown waits for them before the database closes. */
  private inFlight = 0;
  /** pg-boss's own statements running now (see `stop`). */
  private queries = 0;
  /** Pollers waiting for their offset in the polling interval (`start`). */
  private readonly pendingPollers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly database: Database,
    jobs: JobDefinition<Ctx>[],
    private readonly log: Logger,
    private readonly options: QueueOptions = {},
  ) {
    for (const job of jobs) this.jobs.set(job.name, job);
    this.boss = new PgBoss({
      db: this.counted(database.executor),
      schema: 'pgboss',
      cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
      // Failed jobs are the dead letter staff review in the console; keep them there for a
      // month instead of pg-boss's default of moving them to its archive within hours.
      archiveFailedAfterSeconds: FAILED_JOBS_KEPT_SECONDS,
    });
    this.boss.on('error', (error) => {
      this.log.error({ err: error }, 'job queue error');
    });
  }

  get names(): string[] {
    return [...this.jobs.keys()];
  }

  private get pollingIntervalSeconds(): number {
    return this.options.pollingIntervalSeconds ?? 2;
  }

  /** Pollers a working instance runs: each job's `concurrency`. */
  get pollerCount(): number {
    return [...this.jobs.values()].reduce((sum, job) => sum + (job.concurrency ?? 1), 0);
  }

  /** Installs pg-boss's schema, creates queues and schedules; with `work`, starts handlers. */
  async start(app: Ctx, { work }: { work: boolean }): Promise<void> {
    // pg-boss creates each queue's partition without a lock of its own: instances starting
    // together deadlock (or silently lose a queue), so they set queues up one at a time.
    await this.database.withStartupLock(async () => {
      await this.boss.start();
      this.started = true;
      for (const job of this.jobs.values()) {
        await this.ensureQueue(job.name, {
          retryLimit: job.retryLimit ?? 5,
          retryDelay: job.retryDelaySeconds ?? 10,
          retryBackoff: true,
        });
        if (job.schedule) {
          await this.boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object, {
            tz: job.schedule.tz ?? 'Europe/Moscow',
          });
        }
      }
    });
    if (!work) return;
    // One job per fetch and `concurrency` pollers: jobs of a batch would run one after another,
    // and one failure would fail (and spend a retry of) the whole batch.
    const pollers = [...this.jobs.values()].flatMap((job) =>
      Array.from({ length: job.concurrency ?? 1 }, () => job),
    );
    // Each poller starts at its own offset within the polling interval. Started together, the
    // thirty or so pollers queried the database in one burst every interval, and each request
    // in flight at that moment waited behind the burst: it was most of the p99 of marking
    // attendance (docs/classes-performance.md). A poller keeps its offset: it sleeps for what
    // is left of the interval after each fetch.
    const intervalMs = this.pollingIntervalSeconds * 1000;
    pollers.forEach((job, i) => {
      const timer = setTimeout(
        () => {
          this.pendingPollers.delete(timer);
          void this.startPoller(app, job);
        },
        (i * intervalMs) / pollers.length,
      );
      this.pendingPollers.add(timer);
    });
  }

  private async startPoller(app: Ctx, job: JobDefinition<Ctx>): Promise<void> {
    if (this.stopping()) return;
    try {
      await this.boss.work(
        job.name,
        {
          pollingIntervalSeconds: this.pollingIntervalSeconds,
          batchSize: 1,
          includeMetadata: true,
        },
        async ([item]) => {
          if (!item) return;
          const payload = job.payload.parse(item.data);
          const log = this.log.child({ job: job.name, jobId: item.id });
          const isLastAttempt = item.retryCount >= item.retryLimit;
          this.inFlight++;
          try {
            await job.handler(payload, {
              now: new Date(),
              app,
              log,
              isLastAttempt,
              stopping: () => this.stopRequested,
            });
          } finally {
            this.inFlight--;
          }
        },
      );
    } catch (error) {
      // pg-boss refuses new workers once it is stopping; anything else is worth a line.
      if (!this.stopping()) this.log.error({ err: error, job: job.name }, 'job poller failed');
    }
  }

  /** The executor pg-boss runs its statements on, counting those in flight. */
  private counted(executor: SqlExecutor): SqlExecutor {
    return {
      executeSql: async (text, values) => {
        this.queries++;
        try {
          return await executor.executeSql(text, values);
        } finally {
          this.queries--;
        }
      },
    };
  }

  /** A method, not the field: the answer changes while a poller's start is awaited. */
  private stopping(): boolean {
    return this.stopRequested;
  }

  private async ensureQueue(name: string, options: Omit<PgBoss.Queue, 'name'>) {
    const queue = { name, ...options };
    const existing = await this.boss.getQueue(name);
    if (existing) await this.boss.updateQueue(name, queue);
    else await this.boss.createQueue(name, queue);
  }

  /** Enqueues a job; validates the payload first so a bad job never reaches the table. */
  async send<Schema extends z.ZodType>(
    job: JobDefinition<Ctx, Schema>,
    payload: z.infer<Schema>,
    options: SendOptions = {},
  ): Promise<string | null> {
    const data = job.payload.parse(payload) as object;
    return this.boss.send(job.name, data, {
      ...(options.tx ? { db: executorForTransaction(options.tx) } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    });
  }

  /**
   * Enqueues many jobs of one kind with one insert (batch sweeps); payloads are validated first.
   * The queue's retry policy applies as with `send`.
   */
  async sendMany<Schema extends z.ZodType>(
    job: JobDefinition<Ctx, Schema>,
    items: { payload: z.infer<Schema>; singletonKey?: string }[],
    options: Pick<SendOptions, 'tx'> = {},
  ): Promise<void> {
    if (items.length === 0) return;
    const jobs = items.map((item) => ({
      name: job.name,
      data: job.payload.parse(item.payload) as object,
      ...(item.singletonKey ? { singletonKey: item.singletonKey } : {}),
    }));
    await this.boss.insert(jobs, options.tx ? { db: executorForTransaction(options.tx) } : {});
  }

  /** Runs a job's handler in this process now, as if the clock said `now` (CLI `jobs run`). */
  async runNow(app: Ctx, name: string, now: Date, rawPayload?: unknown): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) return false;
    const payload = job.payload.parse(rawPayload ?? job.schedule?.payload ?? {});
    const log = this.log.child({ job: name, manual: true });
    await job.handler(payload, {
      now,
      app,
      log,
      isLastAttempt: true,
      stopping: () => this.stopRequested,
    });
    return true;
  }

  /** Archives finished jobs past their retention now (pg-boss also does it on its own schedule). */
  async archive(): Promise<void> {
    await this.boss.archive();
  }

  /** Moves a failed job back to the queue (staff "retry"). */
  async retry(name: string, id: string): Promise<void> {
    await this.boss.retry(name, id);
  }

  /** Stops polling and waits for handlers in flight, up to `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.stopRequested = true;
    for (const timer of this.pendingPollers) clearTimeout(timer);
    this.pendingPollers.clear();
    const deadline = Date.now() + timeoutMs;
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs, close: false });
    // pg-boss stops waiting at its timeout even if a handler still runs; the database must
    // outlive every handler and the write that completes or fails its job, which pg-boss
    // issues after the handler without awaiting it: on a closed pool it is an unhandled
    // rejection.
    while ((this.inFlight > 0 || this.queries > 0) && Date.now() < deadline + timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

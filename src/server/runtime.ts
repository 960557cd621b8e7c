import pino, { type Logger } from 'pino';
import type { AppConfig } from './infra/config.js';
import type { AppContext } from './infra/context.js';
import { openDatabase, type Database } from './infra/db.js';
import { createMailer } from './infra/mailer.js';
import { loadInstanceSecrets } from './infra/secrets.js';
import { createStorage } from './infra/storage.js';
import { JobQueue, type JobDefinition, type QueueOptions } from './infra/queue.js';
import { accessJobs } from './modules/access/access.jobs.js';
import { accessWarningJobs } from './modules/access/index.js';
import { notifyJobs } from './modules/notify/index.js';
import { smsJobs } from './modules/notify/sms/index.js';
import { recoveryJobs } from './modules/recovery/index.js';
import { helpdeskJobs } from './modules/helpdesk/index.js';
import { kbJobs } from './modules/kb/index.js';
import { classesJobs } from './modules/classes/index.js';
import { billingJobs } from './modules/billing/index.js';
import { paymentsJobs } from './modules/payments/index.js';
import { pushJobs } from './modules/notify/push/index.js';
import { purgeUsedCaptchasJob } from './infra/captcha.js';
import { ensureDefaultOrganization } from './modules/orgs/index.js';
import { REDACTED_PATHS } from './app.js';

/** Every job the application defines; workers register all of them. */
export const APP_JOBS: JobDefinition<AppContext>[] = [
  ...notifyJobs,
  ...smsJobs,
  ...accessJobs,
  ...accessWarningJobs,
  ...recoveryJobs,
  ...helpdeskJobs,
  ...kbJobs,
  ...classesJobs,
  ...billingJobs,
  ...paymentsJobs,
  ...pushJobs,
  purgeUsedCaptchasJob,
];

export interface OpenRuntimeOptions {
  log?: Logger;
  /** An already open database (tests); otherwise the configured one is opened. */
  database?: Database;
  /** Extra jobs (tests). */
  extraJobs?: JobDefinition<AppContext>[];
  queue?: QueueOptions;
}

/** The process logger: JSON lines with secrets redacted; `destination` defaults to stdout. */
export function createLogger(config: AppConfig, destination?: pino.DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Opens everything a process needs: database (migrated), default organization, mailer, queue.
 * The HTTP server, the worker and the CLI all start from here.
 */
export async function openRuntime(config: AppConfig, options: OpenRuntimeOptions = {}) {
  const log = options.log ?? createLogger(config);
  const database = options.database ?? (await openDatabase(config.database));
  await database.migrate();
  if (config.readCache) {
    // Without the feed the caches stay out of the way; it keeps trying to connect.
    await database.changes.start(log).catch((error: unknown) => {
      log.warn({ err: error }, 'change feed unavailable: reads are not cached');
    });
  }
  const { organization, created } = await ensureDefaultOrganization(database.db);
  const queue = new JobQueue<AppContext>(
    database,
    [...APP_JOBS, ...(options.extraJobs ?? [])],
    log,
    options.queue,
  );
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    queue,
    mailer: createMailer(config.smtpUrl),
    log,
    secrets: await loadInstanceSecrets(database.db),
    storage: createStorage(config.storage),
  };
  return {
    ctx,
    defaultOrganization: organization,
    createdDefaultOrganization: created,
    /** Stops the queue (finishing jobs in flight) and closes the database. */
    async close() {
      await queue.stop();
      ctx.mailer?.close();
      ctx.storage.close();
      await database.close();
    },
  };
}

export type Runtime = Awaited<ReturnType<typeof openRuntime>>;

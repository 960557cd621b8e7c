import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import type { Database, Db } from './db.js';
import type { Mailer } from './mailer.js';
import type { InstanceSecrets } from './secrets.js';
import type { FileStorage } from './storage.js';
import type { z } from 'zod';
import type { JobDefinition, JobQueue } from './queue.js';

/** Everything a service or job needs from the process, passed explicitly (no globals). */
export interface AppContext {
  config: AppConfig;
  database: Database;
  db: Db;
  queue: JobQueue<AppContext>;
  /** Null without SMTP_URL: email stays in the outbox, readable in the staff console. */
  mailer: Mailer | null;
  log: Logger;
  secrets: InstanceSecrets;
  /** Uploaded files: the data folder or an S3-compatible bucket. */
  storage: FileStorage;
}

/** Declares a job of this application (handlers receive the AppContext). */
export function defineAppJob<Schema extends z.ZodType>(
  definition: JobDefinition<AppContext, Schema>,
): JobDefinition<AppContext, Schema> {
  return definition;
}

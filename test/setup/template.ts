import pino from 'pino';
import type { Database } from '../../src/server/infra/db.js';
import { JobQueue } from '../../src/server/infra/queue.js';

/** Applies migrations and pg-boss's schema, so databases cloned from the template start ready. */
export async function prepareTemplate(database: Database): Promise<void> {
  await database.migrate();
  const queue = new JobQueue(database, [], pino({ level: 'silent' }));
  await queue.start({}, { work: false });
  await queue.stop();
}

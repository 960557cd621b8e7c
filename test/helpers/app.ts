import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type AppConfig } from '../../src/server/infra/config.js';
import type { AppContext } from '../../src/server/infra/context.js';
import type { Database } from '../../src/server/infra/db.js';
import type { JobDefinition } from '../../src/server/infra/queue.js';
import { openRuntime } from '../../src/server/runtime.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestAppOptions {
  /** Start job handlers (off by default: most tests call services and jobs directly). */
  work?: boolean;
  config?: Partial<AppConfig>;
  extraJobs?: JobDefinition<AppContext>[];
  /** Share another test app's database (a second instance); otherwise a fresh clone. */
  database?: Database;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  testDatabase: TestDatabase | null;
  close(): Promise<void>;
}

/** Configuration for tests: quiet logs, an unroutable public URL, generous rate limits. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://kabinet.test',
      // Files (recovery documents) go to a throwaway folder, never the developer's ./data.
      KABINET_DATA_DIR: path.join(os.tmpdir(), `kabinet-test-data-${process.pid}`),
    }),
    rateLimitPerMinute: 10_000,
    ...overrides,
  };
}

/** A full application (database, queue, HTTP) on a fresh database of the project's driver. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDatabase = options.database ? null : await createTestDatabase();
  const database = options.database ?? testDatabase?.database;
  if (!database) throw new Error('no database');
  const config = testConfig(options.config);
  const runtime = await openRuntime(config, {
    database,
    log: pino({ level: 'silent' }),
    extraJobs: options.extraJobs ?? [],
    queue: { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1 },
  });
  await runtime.ctx.queue.start(runtime.ctx, { work: options.work ?? false });
  const app = await buildApp(runtime.ctx, { serveWeb: false });
  await app.ready();
  return {
    app,
    ctx: runtime.ctx,
    testDatabase,
    async close() {
      await app.close();
      await runtime.ctx.queue.stop(2000);
      runtime.ctx.mailer?.close();
      await testDatabase?.destroy();
    },
  };
}

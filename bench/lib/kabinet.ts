import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp, REDACTED_PATHS } from '../../src/server/app.js';
import { loadConfig, type AppConfig } from '../../src/server/infra/config.js';
import { openRuntime, type Runtime } from '../../src/server/runtime.js';
import type { StartedServer } from './workload.js';

/** Options of `startKabinet`. */
export interface StartKabinetOptions {
  /** PostgreSQL database to use; embedded PGlite in a temporary data folder when absent. */
  postgresUrl?: string | null;
  /** Overrides applied after the environment-derived configuration. */
  config?: Partial<AppConfig>;
}

export interface KabinetServer extends StartedServer {
  runtime: Runtime;
}

/**
 * Starts the real application the way `startServer` (src/server/main.ts) does — runtime with
 * migrations, pg-boss with in-process workers, `buildApp` with every production plugin, the SPA
 * when built — listening on 127.0.0.1 on a free port.
 *
 * Differences from production, on purpose: logs go to /dev/null (still serialized, at `info`,
 * with request logging), the global rate limit is raised so one client address is never limited,
 * and the data folder is a temporary one (no data-folder lock or control socket).
 */
export async function startKabinet(options: StartKabinetOptions = {}): Promise<KabinetServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-bench-'));
  const config: AppConfig = {
    // Only the variables named here: an operator's DATABASE_URL or SMTP_URL must not leak in.
    ...loadConfig({
      KABINET_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'http://127.0.0.1',
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...(options.postgresUrl ? { DATABASE_URL: options.postgresUrl } : {}),
    }),
    ...options.config,
  };
  const log = pino(
    { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    pino.destination({ dest: '/dev/null', sync: false }),
  );
  const runtime = await openRuntime(config, { log });
  try {
    await runtime.ctx.queue.start(runtime.ctx, { work: config.runWorkerInline });
    const app = await buildApp(runtime.ctx);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      url,
      runtime,
      async stop() {
        await app.close();
        await runtime.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await runtime.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

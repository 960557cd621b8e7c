import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { runCommand } from './cli/commands.js';
import { startControlSocket } from './cli/control-socket.js';
import { loadConfig, type AppConfig } from './infra/config.js';
import { DataDirLockedError, lockDataDir } from './infra/data-dir-lock.js';
import { issueFirstAdminLink } from './modules/access/index.js';
import { createLogger, openRuntime } from './runtime.js';

/** Starts the HTTP server (and, by default, the job worker) until SIGTERM/SIGINT. */
export async function startServer(config: AppConfig) {
  const startedAt = performance.now();
  const log = createLogger(config);
  // PGlite has no lock of its own; a second process must refuse before it opens the folder.
  const lock = config.database.driver === 'pglite' ? lockDataDir(config.dataDir) : null;
  const runtime = await openRuntime(config, { log });
  const { ctx, defaultOrganization } = runtime;
  let app: FastifyInstance | undefined;
  let controlSocket: { close(): Promise<void> } | undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests and jobs in flight');
    // Fastify stops accepting connections and waits for requests in flight.
    await app?.close();
    await controlSocket?.close();
    await runtime.close();
    lock?.release();
    log.info('stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void stop(signal).then(() => process.exit(0));
    });
  }

  try {
    await ctx.queue.start(ctx, { work: config.runWorkerInline });
    app = await buildApp(ctx);
    const address = await app.listen({ port: config.port, host: config.host });
    if (lock) {
      controlSocket = startControlSocket(
        config.dataDir,
        (argv) => runCommand({ ctx, defaultOrganizationId: defaultOrganization.id }, argv),
        log,
      );
    }
    const setupLink = await issueFirstAdminLink(ctx, defaultOrganization.id);
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    console.log(
      `Kabinet listening on ${config.publicUrl} (${address}, ${ctx.database.driver}, ready in ${seconds} s)`,
    );
    if (setupLink) {
      console.log(`\nCreate the first administrator (one-time link): ${setupLink}\n`);
    }
    return { app, stop };
  } catch (error) {
    await stop('startup-failure');
    throw error;
  }
}

/** Entry point of `npm start`: exits 3 with a clear message when the data folder is taken. */
export async function runServerProcess(): Promise<void> {
  try {
    await startServer(loadConfig());
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(3);
    }
    console.error(error);
    process.exit(1);
  }
}

import { loadConfig } from '../infra/config.js';
import { DataDirLockedError, lockDataDir } from '../infra/data-dir-lock.js';
import { openRuntime } from '../runtime.js';
import { runCommand, USAGE, type CommandResult } from './commands.js';
import { resolveCertificateArgs } from './certificates.commands.js';
import { sendToServer } from './control-socket.js';

/**
 * `kabinet` CLI. With PostgreSQL it connects directly. With embedded PGlite only one process may
 * hold the folder: when the server holds it the command is handed to the server over its socket.
 */
export async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  let lock: { release(): void } | null = null;
  if (config.database.driver === 'pglite') {
    try {
      lock = lockDataDir(config.dataDir);
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      if (command === 'worker') {
        console.error('The running server already runs the job worker in this data folder.');
        return 3;
      }
      return print(await sendToServer(config.dataDir, resolveCertificateArgs(argv)));
    }
  }
  const runtime = await openRuntime({ ...config, runWorkerInline: command === 'worker' });
  try {
    if (command === 'worker') return await runWorker(runtime);
    const env = { ctx: runtime.ctx, defaultOrganizationId: runtime.defaultOrganization.id };
    return print(await runCommand(env, argv));
  } finally {
    await runtime.close();
    lock?.release();
  }
}

function print(result: CommandResult): number {
  (result.exitCode === 0 ? process.stdout : process.stderr).write(result.output);
  return result.exitCode;
}

async function runWorker(runtime: Awaited<ReturnType<typeof openRuntime>>): Promise<number> {
  await runtime.ctx.queue.start(runtime.ctx, { work: true });
  console.log(`Kabinet worker running jobs: ${runtime.ctx.queue.names.join(', ')}`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  console.log('Worker stopping: finishing jobs in flight');
  return 0;
}

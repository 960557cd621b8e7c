import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import type { CommandResult } from './commands.js';

/**
 * In embedded mode only one process may open the PGlite folder, so a running server accepts
 * CLI commands on a Unix socket inside the data folder. The folder is 0700 and the socket 0600:
 * only the folder's owner can connect.
 */
export const socketPath = (dataDir: string) => path.join(dataDir, 'kabinet.sock');

const MAX_REQUEST_BYTES = 64 * 1024;

export function startControlSocket(
  dataDir: string,
  run: (argv: string[]) => Promise<CommandResult>,
  log: Logger,
) {
  const file = socketPath(dataDir);
  fs.rmSync(file, { force: true });
  const server = net.createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > MAX_REQUEST_BYTES) return socket.destroy();
      const newline = buffer.indexOf('\n');
      if (newline === -1) return;
      const line = buffer.slice(0, newline);
      void (async () => {
        let result: CommandResult;
        try {
          const request = JSON.parse(line) as { argv?: unknown };
          const argv = Array.isArray(request.argv) ? request.argv.map(String) : [];
          log.info({ argv: argv.slice(0, 2) }, 'CLI command via control socket');
          result = await run(argv);
        } catch (error) {
          log.error({ err: error }, 'CLI command failed');
          result = {
            output: `Error: ${error instanceof Error ? error.message : String(error)}\n`,
            exitCode: 1,
          };
        }
        socket.end(JSON.stringify(result) + '\n');
      })();
    });
    socket.on('error', () => undefined);
  });
  const previousUmask = process.umask(0o177);
  server.listen(file, () => process.umask(previousUmask));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        fs.rmSync(file, { force: true });
      }),
  };
}

/** Sends a command to the server holding the data folder and returns its result. */
export function sendToServer(dataDir: string, argv: string[]): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath(dataDir));
    let response = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(JSON.stringify({ argv }) + '\n'));
    socket.on('data', (chunk: string) => (response += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(response) as CommandResult);
      } catch {
        reject(new Error('The running server gave no answer'));
      }
    });
    socket.on('error', reject);
  });
}

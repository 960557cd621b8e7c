import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  runCli,
  spawnServer,
  waitUntilHealthy,
  type ServerProcess,
} from '../helpers/server-process.js';

describe('npm start in embedded mode (PGlite data folder)', () => {
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabinet-process-'));
    server = await spawnServer({ KABINET_DATA_DIR: dataDir });
    await waitUntilHealthy(server);
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers health, readiness and the OpenAPI document, and prints a first-administrator link', async () => {
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    const openapi = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as {
      openapi: string;
    };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(server.output()).toMatch(
      /Create the first administrator \(one-time link\): http:\/\/localhost:\d+\/setup\/[\w-]{40,}/,
    );
  });

  it('refuses a second server on the same data folder with a clear message', async () => {
    const second = await spawnServer({ KABINET_DATA_DIR: dataDir });
    const code = await second.exited;
    expect(code).toBe(3);
    expect(second.output()).toContain('is already in use by another Kabinet process');
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('hands CLI commands to the running server over its socket', async () => {
    const list = await runCli(['outbox', 'list', '--json'], { KABINET_DATA_DIR: dataDir });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
    const job = await runCli(
      ['jobs', 'run', 'access.purge-expired', '--now', '2030-01-01T00:00:00Z'],
      {
        KABINET_DATA_DIR: dataDir,
      },
    );
    expect(job.stdout).toContain('Ran access.purge-expired as of 2030-01-01T00:00:00.000Z');
    const unknown = await runCli(['jobs', 'run', 'no.such-job'], { KABINET_DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No such job');
    const worker = await runCli(['worker'], { KABINET_DATA_DIR: dataDir });
    expect(worker.code).toBe(3);
  });

  it('loads demo data through the running server and signs in with a demo login', async () => {
    const demo = await runCli(['demo', '--password', 'demo-password-2026'], {
      KABINET_DATA_DIR: dataDir,
    });
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('admin@example.com');
    const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin@example.com', password: 'demo-password-2026' }),
    });
    expect(signIn.status).toBe(200);
  });

  it('stops gracefully on SIGTERM, releases the folder, and a restart reuses the data', async () => {
    const before = (await (await fetch(`${server.baseUrl}/api/auth/session`)).json()) as {
      organization: { id: string };
    };
    expect(await server.stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'kabinet.lock'))).toBe(false);
    // With no server holding the folder, the CLI opens it directly.
    const direct = await runCli(['outbox', 'list'], { KABINET_DATA_DIR: dataDir });
    expect(direct.code).toBe(0);
    server = await spawnServer({ KABINET_DATA_DIR: dataDir });
    await waitUntilHealthy(server);
    const after = (await (await fetch(`${server.baseUrl}/api/auth/session`)).json()) as {
      organization: { id: string };
    };
    expect(after.organization.id).toBe(before.organization.id);
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  databaseUrl,
  dropDatabase,
  TEST_DATABASE_PREFIX,
  withAdminClient,
} from '../helpers/postgres.js';
import {
  runCli,
  spawnServer,
  waitUntilHealthy,
  type ServerProcess,
} from '../helpers/server-process.js';

describe('npm start with DATABASE_URL (PostgreSQL)', () => {
  const name = `${TEST_DATABASE_PREFIX}process_${randomBytes(4).toString('hex')}`;
  const servers: ServerProcess[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await dropDatabase(name);
  });

  it('two instances starting together apply each migration once and both serve', async () => {
    await withAdminClient((client) => client.query(`create database "${name}"`));
    const env = {
      DATABASE_URL: databaseUrl(name),
      KABINET_DATA_DIR: '/nonexistent-data-dir-unused',
    };
    servers.push(await spawnServer(env), await spawnServer(env));
    await Promise.all(servers.map((server) => waitUntilHealthy(server)));
    for (const server of servers)
      expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);

    const migrationFiles = fs.readdirSync('migrations').filter((file) => file.endsWith('.sql'));
    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    const applied = await (async () => {
      try {
        const { rows } = await client.query<{ count: number }>(
          'select count(*)::int as count from drizzle.__drizzle_migrations',
        );
        const orgs = await client.query<{ count: number }>(
          'select count(*)::int as count from organizations where is_default',
        );
        return { migrations: rows[0]?.count, defaultOrganizations: orgs.rows[0]?.count };
      } finally {
        await client.end();
      }
    })();
    expect(applied).toEqual({ migrations: migrationFiles.length, defaultOrganizations: 1 });
  });

  it('runs CLI commands directly against the database while the servers run', async () => {
    const result = await runCli(['outbox', 'list', '--json'], { DATABASE_URL: databaseUrl(name) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});

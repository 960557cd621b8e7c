import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The maintenance database of the local PostgreSQL server (trust auth on this machine kind). */
export const BENCH_POSTGRES_ADMIN_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** Every database the bench creates starts with this, and it never drops any other. */
export const BENCH_DATABASE_PREFIX = 'kabinet_bench_';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: BENCH_POSTGRES_ADMIN_URL,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A throwaway database on the loopback PostgreSQL server; `drop()` removes it. */
export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates `kabinet_bench_<random>`; throws when the server is not on loopback or not reachable. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const admin = new URL(BENCH_POSTGRES_ADMIN_URL);
  // The bench is loopback-only: it must never create or drop databases on another machine.
  if (!LOOPBACK_HOSTS.has(admin.hostname)) {
    throw new Error(`BENCH_POSTGRES_URL must point at 127.0.0.1, not ${admin.hostname}`);
  }
  const name = `${BENCH_DATABASE_PREFIX}${randomBytes(5).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database "${name}"`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      if (!name.startsWith(BENCH_DATABASE_PREFIX)) throw new Error(`refusing to drop ${name}`);
      await withAdminClient((client) =>
        client.query(`drop database if exists "${name}" with (force)`),
      );
    },
  };
}

import pg from 'pg';

/** The PostgreSQL server tests use (this machine kind runs one at 127.0.0.1:5432, trust auth). */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

/** A URL for `database` on the test server. */
export function databaseUrl(database: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs admin statements (CREATE/DROP DATABASE) on the maintenance database. */
export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every database a test run creates starts with this prefix, so cleanup never touches others. */
export const TEST_DATABASE_PREFIX = 'kabinet_test_';

export async function dropDatabase(name: string): Promise<void> {
  if (!name.startsWith(TEST_DATABASE_PREFIX)) throw new Error(`refusing to drop ${name}`);
  await withAdminClient((client) => client.query(`drop database if exists "${name}" with (force)`));
}

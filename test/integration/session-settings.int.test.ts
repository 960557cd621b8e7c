import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../src/server/infra/db.js';
import { createTestDatabase, testDriver, type TestDatabase } from '../helpers/database.js';

/** The settings of the pool's PostgreSQL sessions (`SESSION_OPTIONS` in infra/db.ts). */
describe.skipIf(testDriver() !== 'postgres')('PostgreSQL session settings', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.destroy();
  });

  const settings = async (database: Database) => {
    const [row] = await rowsOf<{ jit: string; workers: string; workMem: string }>(
      database.db,
      sql`select current_setting('jit') as jit,
                 current_setting('max_parallel_workers_per_gather') as workers,
                 current_setting('work_mem') as "workMem"`,
    );
    return row;
  };

  it('runs without JIT compilation and parallel workers', async () => {
    expect(await settings(t.database)).toMatchObject({ jit: 'off', workers: '0' });
    // Every pooled connection, inside transactions too.
    const inTransaction = await t.database.db.transaction(async (tx) => {
      const [row] = await rowsOf<{ jit: string }>(tx, sql`select current_setting('jit') as jit`);
      return row?.jit;
    });
    expect(inTransaction).toBe('off');
  });

  it("keeps the URL's own options, which come after and so win", async () => {
    const url = `${t.url ?? ''}?options=${encodeURIComponent('-c jit=on -c work_mem=8MB')}`;
    const database = await openDatabase({ driver: 'postgres', url, poolSize: 1 });
    try {
      expect(await settings(database)).toEqual({ jit: 'on', workers: '0', workMem: '8MB' });
    } finally {
      await database.close();
    }
  });
});

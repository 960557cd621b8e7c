import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import {
  openDatabase,
  openPglite,
  PGLITE_EXTENSIONS,
  type Database,
} from '../../src/server/infra/db.js';
import { databaseUrl, dropDatabase, withAdminClient } from './postgres.js';

export type TestDriver = 'pglite' | 'postgres';

/** The driver of the current Vitest project (`pglite` or `postgres`). */
export const testDriver = (): TestDriver =>
  process.env.KABINET_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  database: Database;
  /** For PostgreSQL: the clone's URL, so a second "instance" can connect to the same data. */
  url: string | null;
  /** Closes and (PostgreSQL) drops the clone. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database of the project's driver, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver() === 'pglite') {
    const dump = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const client = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
    const database = openPglite(client);
    return { database, url: null, destroy: () => database.close() };
  }
  const template = inject('postgresTemplate');
  const name = `${template.replace(/_template$/, '')}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(`create database "${name}" template "${template}"`),
  );
  const url = databaseUrl(name);
  const database = await openDatabase({ driver: 'postgres', url, poolSize: 5 });
  return {
    database,
    url,
    async destroy() {
      await database.close();
      await dropDatabase(name);
    },
  };
}

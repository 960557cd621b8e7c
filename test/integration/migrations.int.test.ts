import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../src/server/infra/db.js';
import { createTestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/database.js';
import { databaseUrl, dropDatabase, withAdminClient } from '../helpers/postgres.js';

/** Migration tags from drizzle-kit's journal, in order. */
function journalTags(): string[] {
  const journal = JSON.parse(
    fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  return journal.entries.map((entry) => entry.tag);
}

/** A new, empty database on the test server, named after this run so cleanup finds it. */
async function createEmptyDatabase(purpose: string) {
  const prefix = inject('postgresTemplate').replace(/_template$/, '');
  const name = `${prefix}_${purpose}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database "${name}"`));
  return { name, url: databaseUrl(name) };
}

describe('database migrations', () => {
  it.runIf(testDriver() === 'postgres')(
    'applies each migration exactly once when two instances migrate an empty database at once',
    async () => {
      const { name, url } = await createEmptyDatabase('migrate');
      const instances = await Promise.all([
        openDatabase({ driver: 'postgres', url, poolSize: 2 }),
        openDatabase({ driver: 'postgres', url, poolSize: 2 }),
      ]);
      try {
        const results = await Promise.allSettled(instances.map((db) => db.migrate()));
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);

        const [first] = instances;
        const applied = async () =>
          (
            await first.executor.executeSql(
              'select hash, created_at from drizzle.__drizzle_migrations order by created_at',
            )
          ).rows;
        const tags = journalTags();
        expect(tags.length).toBeGreaterThan(0);
        const rows = await applied();
        expect(rows).toHaveLength(tags.length);
        expect(new Set(rows.map((row) => row.hash)).size).toBe(tags.length);

        // The schema is really there, and migrating again changes nothing.
        const { rows: tables } = await first.executor.executeSql(
          `select count(*)::int as n from information_schema.tables
            where table_schema = 'public' and table_name in ('organizations', 'users', 'mail_outbox')`,
        );
        expect(tables[0]?.n).toBe(3);
        await first.migrate();
        expect(await applied()).toHaveLength(tags.length);
      } finally {
        for (const db of instances) await db.close();
        await dropDatabase(name);
      }
    },
  );

  it.runIf(testDriver() === 'postgres')(
    'starts two instances together on an empty database with one default organization',
    async () => {
      const { name, url } = await createEmptyDatabase('start');
      const databases = await Promise.all([
        openDatabase({ driver: 'postgres', url, poolSize: 3 }),
        openDatabase({ driver: 'postgres', url, poolSize: 3 }),
      ]);
      const started = await Promise.allSettled(
        databases.map((database) => createTestApp({ database })),
      );
      try {
        expect(started.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        const [first] = databases;
        const { rows } = await first.executor.executeSql(
          'select count(*)::int as n from organizations where is_default',
        );
        expect(rows[0]?.n).toBe(1);
      } finally {
        for (const result of started) if (result.status === 'fulfilled') await result.value.close();
        for (const database of databases) await database.close();
        await dropDatabase(name);
      }
    },
  );
});

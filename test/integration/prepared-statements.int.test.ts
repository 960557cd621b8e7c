import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type Database } from '../../src/server/infra/db.js';
import {
  executePrepared,
  preparedStatement,
  statementName,
} from '../../src/server/infra/prepared.js';
import { createOrganization } from '../../src/server/modules/orgs/index.js';
import { organizations } from '../../src/server/schema.js';
import { createTestDatabase, testDriver, type TestDatabase } from '../helpers/database.js';

const sum = preparedStatement<{ total: number; label: string }, { a: number; b: number }>(
  'test_sum',
  ({ a, b }) => sql`select (${a}::int + ${b}::int) as total, ${'fixed'}::text as label`,
);

const organizationsBySlug = (database: Database, slug?: string) =>
  database.db
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(slug === undefined ? undefined : eq(organizations.slug, slug));

describe('prepared statements', () => {
  let t: TestDatabase;
  // One connection, so what PostgreSQL keeps prepared on it can be read back.
  let single: Database | null = null;
  beforeAll(async () => {
    t = await createTestDatabase();
    await createOrganization(t.database.db, { slug: 'prepared', name: 'Prepared' });
    if (t.url) single = await openDatabase({ driver: 'postgres', url: t.url, poolSize: 1 });
  });
  afterAll(async () => {
    await single?.close();
    await t.destroy();
  });

  const preparedNames = async (database: Database) =>
    (
      await rowsOf<{ name: string }>(
        database.db,
        sql`select name from pg_prepared_statements order by name`,
      )
    ).map((row) => row.name);

  it('binds fresh values on every call and keeps fixed ones', async () => {
    const { db } = t.database;
    expect(await sum.rows(db, { a: 2, b: 3 })).toEqual([{ total: 5, label: 'fixed' }]);
    expect(await sum.rows(db, { a: 40, b: 2 })).toEqual([{ total: 42, label: 'fixed' }]);
  });

  it('runs inside a transaction on the transaction’s connection', async () => {
    const total = await t.database.db.transaction(async (tx) => {
      const [row] = await sum.rows(tx, { a: 1, b: 1 });
      return row?.total;
    });
    expect(total).toBe(2);
  });

  it('runs the builder once, however many calls', async () => {
    let builds = 0;
    const counted = preparedStatement<{ n: number }, { n: number }>('test_counted', ({ n }) => {
      builds += 1;
      return sql`select ${n}::int as n`;
    });
    for (const n of [1, 2, 3]) expect(await counted.rows(t.database.db, { n })).toEqual([{ n }]);
    expect(builds).toBe(1);
  });

  it.runIf(testDriver() === 'postgres')(
    'is parsed and planned once per connection on PostgreSQL',
    async () => {
      const database = single as Database;
      for (let i = 0; i < 3; i++) await sum.rows(database.db, { a: i, b: i });
      const names = (await preparedNames(database)).filter((name) => name.startsWith('test_sum_'));
      expect(names).toHaveLength(1);
    },
  );

  it('gives each shape of a built query its own statement, with the right rows', async () => {
    const all = await executePrepared(organizationsBySlug(t.database), 'test_orgs');
    expect(all).toContainEqual({ slug: 'prepared' });
    const slug = 'prepared';
    for (let i = 0; i < 2; i++) {
      expect(await executePrepared(organizationsBySlug(t.database, slug), 'test_orgs')).toEqual([
        { slug },
      ]);
      expect(
        await executePrepared(organizationsBySlug(t.database, 'no-such-organization'), 'test_orgs'),
      ).toEqual([]);
    }
    if (single) {
      await executePrepared(organizationsBySlug(single), 'test_orgs');
      await executePrepared(organizationsBySlug(single, slug), 'test_orgs');
      const names = (await preparedNames(single)).filter((name) => name.startsWith('test_orgs_'));
      expect(names).toHaveLength(2);
    }
  });

  it('names a statement by its text, within PostgreSQL’s 63 bytes', () => {
    const long = 'x'.repeat(100);
    expect(statementName(long, 'select 1')).toHaveLength(40 + 1 + 16);
    expect(statementName('a', 'select 1')).toBe(statementName('a', 'select 1'));
    expect(statementName('a', 'select 1')).not.toBe(statementName('a', 'select 2'));
    expect(statementName('a', 'select 1')).toMatch(/^a_[\w-]{16}$/);
  });
});

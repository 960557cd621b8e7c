import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/infra/db.js';
import {
  databaseUrl,
  dropDatabase,
  TEST_DATABASE_PREFIX,
  withAdminClient,
} from '../helpers/postgres.js';
import { prepareTemplate } from './template.js';

/** Creates a migrated template database for this run; test files clone it and drop their clone. */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const template = `${TEST_DATABASE_PREFIX}${runId}_template`;
  await withAdminClient((client) => client.query(`create database "${template}"`));
  const database = await openDatabase({
    driver: 'postgres',
    url: databaseUrl(template),
    poolSize: 2,
  });
  await prepareTemplate(database);
  await database.close();
  project.provide('postgresTemplate', template);
  return async () => {
    // Clones a crashed file left behind, then the template itself.
    const leftovers = await withAdminClient(async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        'select datname from pg_database where datname like $1',
        [`${TEST_DATABASE_PREFIX}${runId}%`],
      );
      return rows.map((row) => row.datname);
    });
    for (const name of leftovers) await dropDatabase(name);
  };
}

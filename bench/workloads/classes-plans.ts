/**
 * Prints `EXPLAIN (ANALYZE, BUFFERS)` of the cabinet's reads for one generated student — the
 * dashboard statement, the visits pages and the ledger page — exactly as the repositories build
 * them (their SQL is captured, not copied), for docs/classes-performance.md:
 *
 *   node --import tsx bench/workloads/classes-plans.ts --database kabinet_bench_classes_1m [--student 123456] [--time 20]
 *
 * Each statement runs once to warm the cache and is explained on the second run. With
 * `--time 20` it also times the statements alone (no HTTP, no Node app) for the 64 students the
 * dashboard workloads ask for, 20 rounds each, and prints p50/p99 of the database round trip.
 */
import { parseArgs } from 'node:util';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db } from '../../src/server/infra/db.js';
import { BENCH_DATABASE_PREFIX, BENCH_POSTGRES_ADMIN_URL } from '../lib/postgres.js';
import { Samples } from '../lib/stats.js';
import { parentIdOf, sampleIndices, studentIdOf } from './classes-shared.js';

type Statement = { sql: string; params: unknown[] };

/** Runs `read` against a stand-in database that only records the statement it is given. */
async function captured(read: (db: Db) => Promise<unknown>): Promise<Statement> {
  let query: SQL | undefined;
  const recorder = {
    execute(statement: SQL) {
      query = statement;
      return Promise.resolve({ rows: [] });
    },
  } as unknown as Db;
  await read(recorder);
  if (!query) throw new Error('no statement captured');
  return new PgDialect().sqlToQuery(query);
}

/** The cabinet's statements for student `index` of the data set, as the server sends them. */
async function statementsOf(organizationId: string, index: number) {
  const { readDashboard } =
    await import('../../src/server/modules/classes/cabinet-dashboard.repo.js');
  const { listVisits, listLedger } =
    await import('../../src/server/modules/classes/cabinet-history.repo.js');
  const studentId = studentIdOf(index);
  const viewer = { organizationId, userId: parentIdOf(index) };
  const page = { organizationId, studentId, limit: 20 };
  const visits = { ...page, from: null, to: null, groupId: null, status: null };
  const statements: [string, Statement][] = [
    ['Dashboard', await captured((db) => readDashboard(db, viewer, studentId, new Date()))],
    ['Visits, page 1', await captured((db) => listVisits(db, { ...visits, offset: 0 }))],
    ['Visits, page 3', await captured((db) => listVisits(db, { ...visits, offset: 40 }))],
    ['Ledger, page 1', await captured((db) => listLedger(db, { ...page, offset: 0 }))],
  ];
  return statements;
}

/** Times every statement of every sampled student, `rounds` times after one warm-up round. */
async function timeStatements(client: pg.Client, all: [string, Statement][][], rounds: number) {
  const samples = new Map<string, Samples>();
  for (let round = 0; round <= rounds; round++) {
    for (const student of all) {
      for (const [title, statement] of student) {
        const started = performance.now();
        await client.query(statement.sql, statement.params);
        if (round === 0) continue;
        const bucket = samples.get(title) ?? new Samples();
        bucket.add(performance.now() - started);
        samples.set(title, bucket);
      }
    }
  }
  console.log('| Statement | Runs | p50 ms | p99 ms |\n|---|--:|--:|--:|');
  for (const [title, bucket] of samples) {
    const [p50 = 0, p99 = 0] = bucket.percentiles(50, 99);
    console.log(`| ${title} | ${bucket.count} | ${p50.toFixed(2)} | ${p99.toFixed(2)} |`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      student: { type: 'string' },
      time: { type: 'string' },
    },
  });
  const name = values.database ?? '';
  if (!name.startsWith(BENCH_DATABASE_PREFIX))
    throw new Error(`--database ${BENCH_DATABASE_PREFIX}…`);
  const url = new URL(BENCH_POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ organization_id: string; students: number }>(
      'select organization_id, students from bench_classes_dataset limit 1',
    );
    const dataset = rows[0];
    if (!dataset) throw new Error('no classes data set in this database');
    const organizationId = dataset.organization_id;
    const index = Number(values.student ?? Math.floor(dataset.students * 0.618));
    console.log(
      `${name}: student #${index} (${studentIdOf(index)}) of ${dataset.students.toLocaleString('en-US')}\n`,
    );
    for (const [title, statement] of await statementsOf(organizationId, index)) {
      const explain = `explain (analyze, buffers) ${statement.sql}`;
      await client.query(explain, statement.params);
      const plan = await client.query<{ 'QUERY PLAN': string }>(explain, statement.params);
      const lines = plan.rows.map((row) => row['QUERY PLAN']).join('\n');
      console.log(`### ${title}\n\n\`\`\`\n${lines}\n\`\`\`\n`);
    }
    const rounds = Number(values.time ?? 0);
    if (rounds > 0) {
      const students = sampleIndices(dataset.students);
      const all = await Promise.all(students.map((i) => statementsOf(organizationId, i)));
      await timeStatements(client, all, rounds);
    }
  } finally {
    await client.end();
  }
}

await main();

/**
 * The classes data set for the benchmarks: families and their accounts, groups with weekly
 * lessons over two years, enrolments, visits with their charging decisions, subscriptions and
 * the per-student ledger with consistent running totals — set-based SQL (`generate_series`),
 * never row by row from Node. Shapes: bench/lib/classes-data-sql.ts. Per 1M students: about
 * 50M visits (and as many charges), 1.8M subscriptions, 45M ledger entries.
 *
 * It works on PostgreSQL and on PGlite (the same statements), in chunks of students, and a data
 * set can be extended: `ensureClassesData(…, 100_000)` on a 10k data set adds students 10,080…
 * and keeps the first ones as they are. Sizes are rounded up to whole blocks of 120 students.
 *
 * Run by itself it prepares a PostgreSQL database for the full-size runs (bench/README.md);
 * `--check-charging N` then re-runs the real charging for N students (classes-data-check.ts):
 *   node --import tsx bench/lib/classes-data.ts --database kabinet_bench_classes_1m --students 1000000
 */
import pg from 'pg';
import {
  attendanceStatements,
  moneyStatements,
  structureStatements,
} from './classes-data-chunk.js';
import { baseStatements, roundStudents, uid, type ClassesSqlContext } from './classes-data-sql.js';

/** One SQL statement at a time, on PostgreSQL (`pg.Client`) or PGlite (Drizzle). */
export interface SqlRunner {
  driver: 'postgres' | 'pglite';
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
}

/** A runner on a connected node-postgres client. */
export function pgRunner(client: pg.Client): SqlRunner {
  return {
    driver: 'postgres',
    async query<T>(text: string) {
      return (await client.query(text)).rows as T[];
    },
  };
}

/** `BENCH_CLASSES_TRACE=1` logs every statement's time (to tune the generator). */
function traced(runner: SqlRunner, log: (line: string) => void): SqlRunner {
  if (!process.env.BENCH_CLASSES_TRACE) return runner;
  return {
    driver: runner.driver,
    async query<T>(text: string) {
      const started = performance.now();
      const rows = await runner.query<T>(text);
      log(`    ${seconds(started)} s  ${text.replace(/\s+/g, ' ').slice(0, 90)}`);
      return rows;
    },
  };
}

/** The data set recorded in `bench_classes_dataset`. */
export interface ClassesDataset extends ClassesSqlContext {
  students: number;
  generatedSeconds: number;
}

/** Tables filled in bulk: their secondary indexes are dropped first and rebuilt at the end. */
const BULK_TABLES = [
  'users',
  'families',
  'students',
  'student_accounts',
  'groups',
  'schedule_rules',
  'lessons',
  'enrollments',
  'visits',
  'charges',
  'subscriptions',
  'ledger_entries',
  'payment_allocations',
];

const MARKER = `create table if not exists bench_classes_dataset (
  organization_id uuid primary key, students int not null, anchor timestamptz not null,
  anchor_day date not null, monday date not null, time_zone text not null,
  generated_seconds float8 not null default 0)`;

/** The data set of `organizationId`, or null when none was generated in this database. */
export async function readClassesDataset(
  runner: SqlRunner,
  organizationId: string,
): Promise<ClassesDataset | null> {
  await runner.query(MARKER);
  const [row] = await runner.query<{
    students: number;
    anchor: Date | string;
    anchor_day: string;
    monday: string;
    time_zone: string;
    generated_seconds: number;
  }>(
    `select students, anchor, anchor_day::text, monday::text, time_zone, generated_seconds
     from bench_classes_dataset where organization_id = '${organizationId}'`,
  );
  if (!row) return null;
  return {
    organizationId,
    students: row.students,
    anchor: new Date(row.anchor).toISOString(),
    anchorDay: row.anchor_day,
    monday: row.monday,
    timeZone: row.time_zone,
    generatedSeconds: row.generated_seconds,
  };
}

/** A new data set's clock: generated "at" now, in the organization's time zone. */
async function newContext(runner: SqlRunner, organizationId: string): Promise<ClassesSqlContext> {
  const [row] = await runner.query<{ tz: string; now: Date | string; day: string; monday: string }>(
    `select timezone as tz, now() as now, (now() at time zone timezone)::date::text as day,
       date_trunc('week', now() at time zone timezone)::date::text as monday
     from organizations where id = '${organizationId}'`,
  );
  if (!row) throw new Error(`organization ${organizationId} not found`);
  return {
    organizationId,
    timeZone: row.tz,
    anchor: new Date(row.now).toISOString(),
    anchorDay: row.day,
    monday: row.monday,
  };
}

async function dropBulkIndexes(runner: SqlRunner) {
  await runner.query(
    `create table if not exists bench_classes_indexes (name text primary key, definition text not null)`,
  );
  const tables = BULK_TABLES.map((t) => `'${t}'`).join(', ');
  // Saved first, so an interrupted run still knows what to rebuild (`rebuildBulkIndexes`).
  await runner.query(
    `insert into bench_classes_indexes (name, definition)
     select indexname, indexdef from pg_indexes i
     where schemaname = 'public' and tablename in (${tables})
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
     on conflict (name) do nothing`,
  );
  const saved = await runner.query<{ name: string }>(`select name from bench_classes_indexes`);
  for (const { name } of saved) await runner.query(`drop index if exists "${name}"`);
}

async function rebuildBulkIndexes(runner: SqlRunner, log: (line: string) => void) {
  const exists = await runner.query(
    `select 1 from pg_tables where tablename = 'bench_classes_indexes'`,
  );
  if (exists.length === 0) return;
  const saved = await runner.query<{ name: string; definition: string }>(
    `select name, definition from bench_classes_indexes order by name`,
  );
  for (const { name, definition } of saved) {
    const started = performance.now();
    await runner.query(
      definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS '),
    );
    await runner.query(`delete from bench_classes_indexes where name = '${name}'`);
    log(`  classes data: index ${name} in ${seconds(started)} s`);
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Options of `generateClassesData`. */
export interface GenerateOptions {
  /** Students per chunk of statements (default 12,000 on PostgreSQL, 2,400 on PGlite). */
  chunk?: number;
  log?: (line: string) => void;
}

/**
 * Grows the data set of `organizationId` to at least `students` (rounded up to 120) in the
 * migrated database behind `runner`; logs each chunk. Foreign-key triggers are off while it runs
 * (`session_replication_role = replica`): the rows are consistent by construction, and
 * `verifyClassesData` checks the totals afterwards.
 */
export async function generateClassesData(
  runner: SqlRunner,
  organizationId: string,
  students: number,
  options: GenerateOptions = {},
): Promise<ClassesDataset> {
  const log =
    options.log ??
    ((line: string) => {
      console.log(line);
    });
  runner = traced(runner, log);
  const target = roundStudents(students);
  const existing = await readClassesDataset(runner, organizationId);
  if (existing && existing.students >= target) return existing;
  const ctx = existing ?? (await newContext(runner, organizationId));
  const from = existing?.students ?? 0;
  const startedAt = performance.now();
  const chunk = options.chunk ?? (runner.driver === 'pglite' ? 2_400 : 12_000);
  const { hashPassword } = await import('../../src/server/modules/access/passwords.js');
  const { BENCH_PASSWORD } = await import('./helpdesk-data.js');
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  // Rebuilding the indexes once beats maintaining them row by row, unless the data set already
  // holds more than twice what is added.
  const bulk = target - from >= from / 2;

  if (runner.driver === 'postgres') {
    // A bench data set, not production work: give the big statements memory, skip fsync waits.
    await runner.query(`set work_mem = '256MB'`);
    await runner.query(`set maintenance_work_mem = '1GB'`);
    await runner.query(`set synchronous_commit = off`);
  }
  await runner.query(`set session_replication_role = replica`);
  try {
    if (bulk) await dropBulkIndexes(runner);
    if (from === 0) for (const sql of baseStatements(ctx, passwordHash)) await runner.query(sql);
    const [numbers] = await runner.query<{ n: number }>(
      `select coalesce(max(number), 0)::int as n from subscriptions
       where organization_id = '${organizationId}'`,
    );
    let numberOffset = numbers?.n ?? 0;
    for (let a = from; a < target; a += chunk) {
      const b = Math.min(a + chunk, target);
      const chunkStart = performance.now();
      for (const sql of structureStatements(ctx, a, b)) await runner.query(sql);
      for (const sql of attendanceStatements(ctx, a, b, numberOffset)) await runner.query(sql);
      for (const sql of moneyStatements(ctx, a, b, passwordHash)) await runner.query(sql);
      const [made] = await runner.query<{ subscriptions: number; visits: number }>(
        `select (select count(*) from bs)::int as subscriptions, (select count(*) from bv)::int as visits`,
      );
      numberOffset += made?.subscriptions ?? 0;
      await runner.query(`drop table if exists bg, be, bv, be2, bc, bs, bl`);
      log(
        `  classes data: students ${a.toLocaleString('en-US')}–${(b - 1).toLocaleString('en-US')}: ` +
          `${(made?.visits ?? 0).toLocaleString('en-US')} visits in ${seconds(chunkStart)} s ` +
          `(${seconds(startedAt)} s so far)`,
      );
    }
    await runner.query(
      `insert into subscription_counters (organization_id, last_number)
       values ('${organizationId}', ${numberOffset})
       on conflict (organization_id) do update
         set last_number = greatest(subscription_counters.last_number, excluded.last_number)`,
    );
  } finally {
    await runner.query(`set session_replication_role = origin`);
    if (bulk) await rebuildBulkIndexes(runner, log);
  }
  const vacuumStart = performance.now();
  await runner.query(`vacuum analyze ${BULK_TABLES.join(', ')}`);
  log(`  classes data: vacuum analyze in ${seconds(vacuumStart)} s`);
  const generatedSeconds =
    (existing?.generatedSeconds ?? 0) + (performance.now() - startedAt) / 1000;
  await runner.query(
    `insert into bench_classes_dataset values ('${organizationId}', ${target}, '${ctx.anchor}',
       '${ctx.anchorDay}', '${ctx.monday}', '${ctx.timeZone}', ${generatedSeconds})
     on conflict (organization_id) do update
       set students = excluded.students, generated_seconds = excluded.generated_seconds`,
  );
  log(
    `  classes data: ${target.toLocaleString('en-US')} students in ${generatedSeconds.toFixed(1)} s`,
  );
  return { ...ctx, students: target, generatedSeconds };
}

/**
 * Checks a sample of students (every `step`-th) against their history: the balance equals the
 * sum of the entries and the last entry's `balance_after`, the debt counter equals the live debt
 * decisions, and each subscription's counters equal its live charges. Returns the problems.
 */
export async function verifyClassesData(runner: SqlRunner, dataset: ClassesDataset) {
  const step = Math.max(1, Math.floor(dataset.students / 500));
  const sample = `(select ${uid('student', 'k')} as id from generate_series(0, ${dataset.students - 1}, ${step}) k)`;
  const [row] = await runner.query<Record<string, number>>(
    `select
       count(*) filter (where s.balance_kopecks <> coalesce(l.total, 0))::int as balance_vs_entries,
       count(*) filter (where s.balance_kopecks <> coalesce(last.balance, 0))::int as balance_vs_last,
       count(*) filter (where s.debt_lessons <> coalesce(d.n, 0))::int as debt_vs_charges,
       coalesce(sum(sub.bad), 0)::int as subscriptions_vs_charges
     from students s
     left join lateral (select sum(amount_kopecks) as total from ledger_entries e
       where e.student_id = s.id) l on true
     left join lateral (select balance_after_kopecks as balance from ledger_entries e
       where e.student_id = s.id order by created_at desc, id desc limit 1) last on true
     left join lateral (select count(*) as n from charges c where c.student_id = s.id
       and c.superseded_at is null and c.outcome = 'debt') d on true
     left join lateral (select count(*) filter (where x.lessons_used <> x.live) as bad from (
       select t.lessons_used, (select count(*) from charges c where c.subscription_id = t.id
         and c.superseded_at is null and c.outcome = 'subscription') as live
       from subscriptions t where t.student_id = s.id) x) sub on true
     where s.id in ${sample}`,
  );
  return Object.entries(row ?? {})
    .filter(([, count]) => count > 0)
    .map(([check, count]) => `${check}: ${count}`);
}

/**
 * The data set of `organizationId` in the PostgreSQL database at `url`, grown to at least
 * `students` the first time it is asked for more (bench runs and prepared databases alike).
 */
export async function ensureClassesData(
  url: string,
  organizationId: string,
  students: number,
  log?: (line: string) => void,
): Promise<ClassesDataset> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const runner = pgRunner(client);
    const before = await readClassesDataset(runner, organizationId);
    const dataset = await generateClassesData(runner, organizationId, students, { log });
    if (before?.students !== dataset.students) {
      const problems = await verifyClassesData(runner, dataset);
      if (problems.length > 0)
        throw new Error(`classes data set is inconsistent: ${problems.join(', ')}`);
    }
    return dataset;
  } finally {
    await client.end();
  }
}

/** `--database kabinet_bench_… --students N`: creates (or extends) that database. */
async function prepareDatabase() {
  const { parseArgs } = await import('node:util');
  const { BENCH_DATABASE_PREFIX, BENCH_POSTGRES_ADMIN_URL } = await import('./postgres.js');
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      students: { type: 'string' },
      'check-charging': { type: 'string' },
    },
  });
  const name = values.database ?? '';
  if (!/^[a-z0-9_]+$/.test(name) || !name.startsWith(BENCH_DATABASE_PREFIX)) {
    throw new Error(`--database must be a name starting with ${BENCH_DATABASE_PREFIX}`);
  }
  const admin = new URL(BENCH_POSTGRES_ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(admin.hostname))
    throw new Error('the bench only uses a PostgreSQL server on loopback');
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  const exists = await adminClient.query(`select 1 from pg_database where datname = $1`, [name]);
  if (exists.rows.length === 0) await adminClient.query(`create database "${name}"`);
  await adminClient.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  // Only what the generator needs: the schema (migrations) and the default organization.
  const { openDatabase } = await import('../../src/server/infra/db.js');
  const { ensureDefaultOrganization } =
    await import('../../src/server/modules/orgs/orgs.service.js');
  const database = await openDatabase({ driver: 'postgres', url: url.toString(), poolSize: 2 });
  await database.migrate();
  const { organization } = await ensureDefaultOrganization(database.db);
  await database.close();
  const students = Number(values.students) || 1_000_000;
  const dataset = await ensureClassesData(url.toString(), organization.id, students);
  const sample = Number(values['check-charging']);
  if (sample > 0) {
    const { checkChargingFromScratch } = await import('./classes-data-check.js');
    const started = performance.now();
    const { checked, problems } = await checkChargingFromScratch(
      url.toString(),
      organization.id,
      dataset.students,
      sample,
    );
    console.log(
      `${name}: charging re-run from scratch for ${checked} students in ${seconds(started)} s: ` +
        (problems.length === 0 ? 'nothing moved' : `${problems.length} differ`),
    );
    for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
  }
  console.log(
    `${name}: ${dataset.students.toLocaleString('en-US')} students, generated in ${dataset.generatedSeconds.toFixed(1)} s. ` +
      `Run the workloads on it with BENCH_CLASSES_DATABASE=${name} BENCH_CLASSES_STUDENTS=${dataset.students}.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareDatabase();

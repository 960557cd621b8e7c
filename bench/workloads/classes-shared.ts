/**
 * What the classes workloads share: which database and data set they run on, starting Kabinet on
 * it, the sample of students whose parents ask for their dashboards (signed-in sessions with
 * fixed cookie tokens, stored as SHA-256 like in production), and the targets computed
 * from a run's results. Not a workload itself.
 */
import { benchClassesId, familyOf, roundStudents } from '../lib/classes-data-sql.js';
import type { WorkloadResult } from '../lib/report.js';
import type { WorkloadResources } from '../lib/workload.js';

/** Students whose dashboards are requested, spread over the whole data set. */
export const SAMPLE_SIZE = 64;
/** The size the in-run workloads generate first (rounded up to 10,080). */
const SMALL_STUDENTS = 10_000;
/**
 * `classes-dashboard-large` without a prepared database: the run's database grown to this many
 * students, which still fits the 2 minutes a workload has to start. The 1M figures come from a
 * prepared database (`BENCH_CLASSES_DATABASE`, bench/README.md).
 */
const IN_RUN_LARGE_STUDENTS = 30_000;

/** Data sets the workloads run on. */
export type ClassesSize = 'small' | 'large';

/** How many students the data set of `size` has (what the cookies and paths are built for). */
export function classesStudents(size: ClassesSize): number {
  if (size === 'small') return roundStudents(SMALL_STUDENTS);
  const raw = Number(process.env.BENCH_CLASSES_STUDENTS);
  if (Number.isFinite(raw) && raw >= SMALL_STUDENTS) return roundStudents(raw);
  if (process.env.BENCH_CLASSES_DATABASE)
    throw new Error('BENCH_CLASSES_DATABASE needs BENCH_CLASSES_STUDENTS (its size)');
  return roundStudents(IN_RUN_LARGE_STUDENTS);
}

/**
 * The large data set lives in a prepared database named by `BENCH_CLASSES_DATABASE` (made once
 * with bench/lib/classes-data.ts), else in the run's throwaway database, after the small one.
 */
export async function classesDatabaseUrl(
  resources: WorkloadResources,
  size: ClassesSize,
): Promise<string> {
  const prepared = process.env.BENCH_CLASSES_DATABASE;
  if (size === 'small' || !prepared) {
    if (!resources.postgresUrl) throw new Error('the classes workloads need PostgreSQL');
    return resources.postgresUrl;
  }
  const { BENCH_DATABASE_PREFIX, BENCH_POSTGRES_ADMIN_URL } = await import('../lib/postgres.js');
  if (!/^[a-z0-9_]+$/.test(prepared) || !prepared.startsWith(BENCH_DATABASE_PREFIX))
    throw new Error(`BENCH_CLASSES_DATABASE must start with ${BENCH_DATABASE_PREFIX}`);
  const url = new URL(BENCH_POSTGRES_ADMIN_URL);
  url.pathname = `/${prepared}`;
  return url.toString();
}

/** Student indices spread evenly (golden-ratio steps) over a data set of `students`. */
export function sampleIndices(students: number): number[] {
  return Array.from({ length: SAMPLE_SIZE }, (_, k) =>
    Math.floor((((k + 1) * 0.6180339887498949) % 1) * students),
  );
}

const tokenOf = (label: string, k: number) =>
  `bench-classes-${label}-${String(k).padStart(3, '0')}-`.padEnd(52, '0123456789abcdef');

export const studentIdOf = (i: number) => benchClassesId('student', i);
export const parentIdOf = (i: number) => benchClassesId('user', familyOf(i));
/** The generated staff accounts: 0 the administrator, 1 the teacher. */
export const staffIdOf = (k: 0 | 1) => benchClassesId('staff', k);

/**
 * Requests for the dashboards of the sampled students, each with its parent's session cookie:
 * autocannon cycles through them, so every request reads another family's data.
 */
export function dashboardVariants(label: string, students: number) {
  return sampleIndices(students).map((i, k) => ({
    path: `/api/students/${studentIdOf(i)}/dashboard`,
    headers: { cookie: `kabinet_session=${tokenOf(label, k)}` },
  }));
}

/** Signs in the sampled students' parents (fixed tokens) and returns nothing else. */
async function insertSampleSessions(
  db: import('../../src/server/infra/db.js').Db,
  organizationId: string,
  label: string,
  students: number,
) {
  const { hashToken } = await import('../../src/server/modules/access/tokens.js');
  const { sql } = await import('drizzle-orm');
  for (const [k, i] of sampleIndices(students).entries()) {
    await db.execute(sql`
      insert into sessions (organization_id, user_id, token_hash, expires_at)
      values (${organizationId}, ${parentIdOf(i)}, ${hashToken(tokenOf(label, k))},
              now() + interval '1 day')
      on conflict (token_hash) do update
        set expires_at = excluded.expires_at, ended_at = null, ended_reason = null`);
  }
}

/** A session cookie for a generated staff account (the attendance workload's teacher). */
export async function staffCookie(
  db: import('../../src/server/infra/db.js').Db,
  organizationId: string,
  k: 0 | 1,
): Promise<string> {
  const { hashToken } = await import('../../src/server/modules/access/tokens.js');
  const { sql } = await import('drizzle-orm');
  const token = tokenOf('staff', k);
  await db.execute(sql`
    insert into sessions (organization_id, user_id, token_hash, expires_at)
    values (${organizationId}, ${staffIdOf(k)}, ${hashToken(token)}, now() + interval '1 day')
    on conflict (token_hash) do update
      set expires_at = excluded.expires_at, ended_at = null, ended_reason = null`);
  return `kabinet_session=${token}`;
}

/** Kabinet on PostgreSQL with the classes data set of `size` and the sample signed in. */
export async function startClassesKabinet(
  resources: WorkloadResources,
  size: ClassesSize,
  options: { readCache?: boolean } = {},
) {
  const url = await classesDatabaseUrl(resources, size);
  const students = classesStudents(size);
  const { startKabinet } = await import('../lib/kabinet.js');
  const { ensureClassesData } = await import('../lib/classes-data.js');
  const server = await startKabinet({
    postgresUrl: url,
    config: options.readCache === undefined ? {} : { readCache: options.readCache },
  });
  try {
    const organizationId = server.runtime.defaultOrganization.id;
    const dataset = await ensureClassesData(url, organizationId, students);
    if (dataset.students < students)
      throw new Error(`the prepared data set has ${dataset.students} students, not ${students}`);
    await insertSampleSessions(server.runtime.ctx.db, organizationId, size, students);
    return { server, dataset };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Kabinet on embedded PGlite with the small data set generated into it. */
export async function startClassesKabinetPglite() {
  const { startKabinet } = await import('../lib/kabinet.js');
  const { generateClassesData } = await import('../lib/classes-data.js');
  const { sql } = await import('drizzle-orm');
  const server = await startKabinet();
  try {
    const { db } = server.runtime.ctx;
    const organizationId = server.runtime.defaultOrganization.id;
    const students = classesStudents('small');
    const dataset = await generateClassesData(
      {
        driver: 'pglite',
        async query<T>(text: string) {
          const result: unknown = await db.execute(sql.raw(text));
          return (result as { rows: T[] }).rows;
        },
      },
      organizationId,
      students,
      // Quiet in a bench run, unless the generator is being traced.
      process.env.BENCH_CLASSES_TRACE ? {} : { log: () => undefined },
    );
    console.log(
      `classes data on PGlite: ${students} students in ${dataset.generatedSeconds.toFixed(1)} s`,
    );
    await insertSampleSessions(db, organizationId, 'pglite', students);
    return { server, dataset };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * The targets from one run's results: dashboard p99 at the large size ≤ 1.5× at 10k,
 * dashboard rate ≥ 25 % of bare Fastify's in the same run, marking 20 students < 50 ms p99.
 * Lines for the end of the report; a missing row makes its line say so.
 */
export function classesTargets(results: readonly WorkloadResult[]): string[] {
  const ok = (name: string) => results.find((r) => r.name === name && r.status === 'ok');
  const small = ok('classes-dashboard');
  const large = ok('classes-dashboard-large');
  const cached = ok('classes-dashboard-cached');
  const hello = ok('fastify-bare');
  const mark = ok('classes-attendance');
  const markTwo = ok('classes-attendance-two-teachers');
  const mark2 = (value: boolean) => (value ? 'met' : 'NOT met');
  const lines: string[] = [];
  if (small?.latencyMs && large?.latencyMs) {
    const ratio = large.latencyMs.p99 / small.latencyMs.p99;
    lines.push(
      `classes: dashboard p99 ${large.latencyMs.p99.toFixed(2)} ms (large) / ${small.latencyMs.p99.toFixed(2)} ms (10k) = ${ratio.toFixed(2)}× (target ≤ 1.5×: ${mark2(ratio <= 1.5)})`,
    );
  } else
    lines.push(
      'classes: dashboard p99 ratio — needs classes-dashboard and classes-dashboard-large',
    );
  // The target is the deployed configuration's (the read cache on); the statement's own share
  // is printed beside it, so neither hides the other.
  for (const row of [cached, small, large]) {
    if (!row?.perSecond || !hello?.perSecond) continue;
    const share = (row.perSecond / hello.perSecond) * 100;
    const verdict =
      row === cached ? `target ≥ 25 %: ${mark2(share >= 25)}` : 'every request runs the statement';
    lines.push(
      `classes: ${row.name} ${Math.round(row.perSecond)}/s = ${share.toFixed(0)} % of fastify-bare ${Math.round(hello.perSecond)}/s (${verdict})`,
    );
  }
  if (!hello) lines.push('classes: rate share — needs fastify-bare in the same run');
  if (mark?.latencyMs) {
    lines.push(
      `classes: marking 20 students p99 ${mark.latencyMs.p99.toFixed(2)} ms (target < 50 ms: ${mark2(mark.latencyMs.p99 < 50)})`,
    );
  }
  if (markTwo?.latencyMs) {
    lines.push(
      `classes: marking 20 students, two teachers at once, p99 ${markTwo.latencyMs.p99.toFixed(2)} ms (${markTwo.latencyMs.p99 < 50 ? 'also' : 'not'} under 50 ms)`,
    );
  }
  return lines;
}

/** `node --import tsx bench/workloads/classes-shared.ts`: the targets of bench/results/latest.json. */
async function printTargets() {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const file = path.join(import.meta.dirname, '..', 'results', 'latest.json');
  const { results } = JSON.parse(fs.readFileSync(file, 'utf8')) as { results: WorkloadResult[] };
  console.log(classesTargets(results).join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) await printTargets();

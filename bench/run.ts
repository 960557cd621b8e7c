/**
 * `npm run bench`: measures Kabinet's throughput ceilings on this machine.
 *
 * Each workload's server runs in a child process of its own (bench/child.ts), listening on
 * 127.0.0.1 only; this process generates the load with autocannon and asks the child over IPC for
 * its CPU time and peak RSS. Results go to bench/results/latest.{json,md}. Options:
 *   --only a,b        run only these workloads (names as in bench/workloads/index.ts)
 *   --duration S      measured seconds per workload (default 6)
 *   --warmup S        warm-up seconds per workload (default 2)
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateLoad, pacedLoad, type LoadOutcome } from './lib/load.js';
import { createBenchDatabase, type BenchDatabase } from './lib/postgres.js';
import type { ChildReply, ChildRequest, DirectResult, Usage } from './lib/protocol.js';
import { classesTargets } from './workloads/classes-shared.js';
import { helpdeskTargets } from './workloads/helpdesk-shared.js';
import {
  busy,
  resultsMarkdown,
  resultsTable,
  type BenchEnvironment,
  type WorkloadResult,
} from './lib/report.js';
import type { HttpWorkload, RequestVariant, Workload, WorkloadResources } from './lib/workload.js';
import { WORKLOADS } from './workloads/index.js';

const BENCH_DIR = import.meta.dirname;
const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const START_TIMEOUT_MS = 120_000;
const CALL_TIMEOUT_MS = 30_000;
const EXIT_TIMEOUT_MS = 20_000;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    duration: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '2' },
  },
});
const durationSeconds = Math.min(Math.max(Number(args.duration) || 6, 1), 60);
const warmupSeconds = Math.min(Math.max(Number(args.warmup) || 0, 0), 30);
const only = args.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !WORKLOADS.some((w) => w.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(
    `Unknown workload(s): ${unknown.join(', ')}. Known: ${WORKLOADS.map((w) => w.name).join(', ')}`,
  );
  process.exit(2);
}
const selected = only ? WORKLOADS.filter((w) => only.includes(w.name)) : WORKLOADS;

/** A child process running one workload, spoken to by request → reply. */
class Child {
  private readonly process: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve(value: unknown): void; reject(error: Error): void }
  >();
  private readonly exited: Promise<number | null>;

  constructor() {
    this.process = fork(path.join(BENCH_DIR, 'child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.on('message', (message: ChildReply) => {
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(message.error));
    });
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code) => {
        for (const waiter of this.pending.values())
          waiter.reject(new Error(`child exited (${String(code)})`));
        this.pending.clear();
        resolve(code);
      });
    });
  }

  call<T>(request: ChildRequest, timeoutMs = CALL_TIMEOUT_MS): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`child did not answer "${request.type}" within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.process.send({ ...request, id });
    });
  }

  /** Asks the child to stop its server and exit; kills it if it does not within the limit. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    if (this.process.connected) this.process.send({ type: 'stop', id: 0 });
    const timer = setTimeout(() => this.process.kill('SIGKILL'), EXIT_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    this.process.kill('SIGKILL');
  }
}

const mb = (bytes: number) => bytes / (1024 * 1024);

async function measureHttp(
  child: Child,
  workload: HttpWorkload,
  url: string | null,
): Promise<Partial<WorkloadResult>[]> {
  // Loopback only: a workload must never make the bench send load anywhere else.
  if (!url || new URL(url).hostname !== '127.0.0.1') {
    throw new Error(`${workload.name} must listen on 127.0.0.1, not ${url ?? 'nothing'}`);
  }
  await child.call({ type: 'begin' });
  if (warmupSeconds > 0) await generateLoad(workload, url, warmupSeconds);
  await child.call({ type: 'mark' });
  const load = await generateLoad(workload, url, durationSeconds);
  const saturated = measured(load, await child.call<Usage>({ type: 'sample' }));
  const share = workload.pacedShare;
  const rate = Math.floor((saturated.perSecond ?? 0) * (share ?? 0));
  if (!share || rate < 1) return [saturated];
  await child.call({ type: 'mark' });
  const paced = await pacedLoad(workload, url, rate, durationSeconds);
  return [
    saturated,
    {
      ...measured(paced, await child.call<Usage>({ type: 'sample' })),
      name: `${workload.name}@${String(Math.round(share * 100))}%`,
      title: `${workload.title}, open loop at ${String(Math.round(share * 100))} % of that rate (${rate.toLocaleString('en-US')}/s, evenly spaced)`,
    },
  ];
}

function measured(load: LoadOutcome, usage: Usage): Partial<WorkloadResult> {
  const [p50 = 0, p99 = 0] = load.latencies.percentiles(50, 99);
  return {
    completed: load.completed,
    seconds: load.seconds,
    perSecond: load.completed / load.seconds,
    latencyMs: { p50, p99 },
    cpuMsPerRequest: load.completed > 0 ? usage.cpuMicros / 1000 / load.completed : 0,
    cpuPercent: (usage.cpuMicros / 1000 / usage.wallMs) * 100,
    peakRssMb: mb(usage.peakRssBytes),
    failures: load.failures,
    firstFailure: load.firstFailure,
  };
}

async function measureDirect(child: Child): Promise<Partial<WorkloadResult>> {
  await child.call({ type: 'begin' });
  const result = await child.call<DirectResult>(
    { type: 'run', warmupMs: warmupSeconds * 1000, durationMs: durationSeconds * 1000 },
    (warmupSeconds + durationSeconds) * 1000 + CALL_TIMEOUT_MS,
  );
  return {
    completed: result.operations,
    seconds: result.wallMs / 1000,
    perSecond: result.operations / (result.wallMs / 1000),
    latencyMs: result.latency,
    cpuMsPerRequest: result.operations > 0 ? result.cpuMicros / 1000 / result.operations : 0,
    cpuPercent: (result.cpuMicros / 1000 / result.wallMs) * 100,
    peakRssMb: mb(result.peakRssBytes),
    failures: result.errors,
    firstFailure: result.firstError,
  };
}

let current: Child | undefined;

async function runWorkload(
  workload: Workload,
  resources: WorkloadResources,
): Promise<WorkloadResult[]> {
  const base = {
    name: workload.name,
    title: workload.title,
    kind: workload.kind,
    connections: workload.kind === 'http' ? workload.connections : workload.concurrency,
    notes: workload.notes,
  };
  if (workload.needs?.includes('postgres') && !resources.postgresUrl) {
    return [{ ...base, status: 'skipped', reason: 'no PostgreSQL on 127.0.0.1:5432' }];
  }
  const child = new Child();
  current = child;
  try {
    const { url, variants } = await child.call<{
      url: string | null;
      variants: RequestVariant[] | null;
    }>({ type: 'start', workload: workload.name, resources }, START_TIMEOUT_MS);
    const measurements =
      workload.kind === 'http'
        ? await measureHttp(
            child,
            variants ? { ...workload, request: { ...workload.request, variants } } : workload,
            url,
          )
        : [await measureDirect(child)];
    return measurements.map((measurement) => ({ ...base, status: 'ok', ...measurement }));
  } catch (error) {
    return [
      {
        ...base,
        status: 'failed',
        reason: error instanceof Error ? error.message : String(error),
      },
    ];
  } finally {
    await child.stop();
    current = undefined;
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: BENCH_DIR,
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

function describeEnvironment(): BenchEnvironment {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    commit: gitCommit(),
    warmupSeconds,
    durationSeconds,
    loadAverage: { start: os.loadavg()[0] ?? 0, end: 0 },
  };
}

async function main() {
  const environment = describeEnvironment();
  const startedAt = performance.now();
  if (busy(environment)) {
    console.warn(
      `Load average is ${environment.loadAverage.start.toFixed(2)} on ${environment.cores} cores: ` +
        'other processes will compete with the bench; results will be low and noisy.',
    );
  }
  let database: BenchDatabase | null = null;
  let databaseProblem: string | null = null;
  if (selected.some((w) => w.needs?.includes('postgres'))) {
    try {
      database = await createBenchDatabase();
    } catch (error) {
      databaseProblem = error instanceof Error ? error.message : String(error);
    }
  }

  // Ctrl-C: stop the child and drop the throwaway database before leaving.
  process.once('SIGINT', () => {
    current?.kill();
    void (database?.drop() ?? Promise.resolve()).finally(() => process.exit(130));
  });

  const results: WorkloadResult[] = [];
  try {
    for (const workload of selected) {
      process.stdout.write(`${workload.name} … `);
      const measured = await runWorkload(workload, { postgresUrl: database?.url ?? null });
      for (const result of measured) {
        if (result.status === 'skipped' && databaseProblem)
          result.reason = `no PostgreSQL: ${databaseProblem}`;
        results.push(result);
      }
      process.stdout.write(
        measured
          .map((result) =>
            result.status === 'ok'
              ? `${Math.round(result.perSecond ?? 0).toLocaleString('en-US')}/s`
              : `${result.status}: ${(result.reason ?? '').split('\n')[0] ?? ''}`,
          )
          .join(', ') + '\n',
      );
    }
  } finally {
    await database?.drop();
  }

  environment.loadAverage.end = os.loadavg()[0] ?? 0;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(RESULTS_DIR, 'latest.json'),
    JSON.stringify({ environment, results }, null, 2) + '\n',
  );
  const targets = [...classesTargets(results), ...helpdeskTargets(results)];
  fs.writeFileSync(
    path.join(RESULTS_DIR, 'latest.md'),
    resultsMarkdown(environment, results) +
      `\n## Targets\n\n${targets.map((line) => `- ${line}`).join('\n')}\n`,
  );
  console.log(`\n${resultsTable(results)}\n`);
  console.log(`${targets.join('\n')}\n`);
  console.log(
    `Finished in ${((performance.now() - startedAt) / 1000).toFixed(0)} s; written to bench/results/latest.{json,md}`,
  );
  if (results.some((r) => r.status === 'failed')) process.exitCode = 1;
}

await main();

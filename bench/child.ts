/**
 * Child-side harness: runs one workload's server (or operation) in this process and answers the
 * orchestrator over IPC with this process's CPU time and peak RSS. Started by bench/run.ts only.
 */
import type { ChildReply, DirectResult, Envelope, Usage } from './lib/protocol.js';
import { Samples } from './lib/stats.js';
import type { StartedOperation, StartedServer, Workload } from './lib/workload.js';
import { WORKLOADS } from './workloads/index.js';

// Bounded: whatever happens, a child never outlives this.
const HARD_LIMIT_MS = 5 * 60_000;
const RSS_SAMPLE_MS = 50;

let workload: Workload | undefined;
let started: StartedServer | StartedOperation | undefined;
let cpuBaseline = process.cpuUsage();
let wallBaseline = performance.now();
let peakRss = 0;
let rssTimer: NodeJS.Timeout | undefined;

function sampleRss() {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}

function beginRssSampling() {
  peakRss = 0;
  sampleRss();
  rssTimer ??= setInterval(sampleRss, RSS_SAMPLE_MS);
  rssTimer.unref();
}

// BENCH_CPU_PROF=<folder>: a V8 CPU profile of each measured window, for reading hot spots.
const profileDir = process.env.BENCH_CPU_PROF;
let profiler: import('node:inspector/promises').Session | null = null;
let profiles = 0;

async function startProfile() {
  if (!profileDir) return;
  const inspector = await import('node:inspector/promises');
  profiler ??= new inspector.Session();
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}

async function stopProfile() {
  if (!profileDir || !profiler) return;
  const { profile } = await profiler.post('Profiler.stop');
  profiler.disconnect();
  profiler = null;
  const fs = await import('node:fs');
  const path = await import('node:path');
  fs.mkdirSync(profileDir, { recursive: true });
  profiles += 1;
  const file = path.join(
    profileDir,
    `${workload?.name ?? 'workload'}-${String(profiles)}.cpuprofile`,
  );
  fs.writeFileSync(file, JSON.stringify(profile));
}

function mark() {
  cpuBaseline = process.cpuUsage();
  wallBaseline = performance.now();
}

function usage(): Usage {
  sampleRss();
  const cpu = process.cpuUsage(cpuBaseline);
  return {
    cpuMicros: cpu.user + cpu.system,
    wallMs: performance.now() - wallBaseline,
    peakRssBytes: peakRss,
  };
}

/** Calls `operation` from `concurrency` lanes until `durationMs` has passed. */
async function drive(operation: () => Promise<void>, concurrency: number, durationMs: number) {
  const deadline = performance.now() + durationMs;
  const latencies = new Samples();
  let errors = 0;
  let firstError: string | null = null;
  const lane = async () => {
    while (performance.now() < deadline) {
      const startedAt = performance.now();
      try {
        await operation();
        latencies.add(performance.now() - startedAt);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { latencies, errors, firstError };
}

async function handle(message: Envelope): Promise<unknown> {
  switch (message.type) {
    case 'start': {
      workload = WORKLOADS.find((candidate) => candidate.name === message.workload);
      if (!workload) throw new Error(`no workload named ${message.workload}`);
      started = await workload.start(message.resources);
      return 'url' in started
        ? { url: started.url, variants: started.variants ?? null }
        : { url: null, variants: null };
    }
    case 'begin':
      beginRssSampling();
      return null;
    case 'mark':
      await startProfile();
      mark();
      return null;
    case 'sample': {
      const sampled = usage();
      await stopProfile();
      return sampled;
    }
    case 'run': {
      if (workload?.kind !== 'direct' || !started || !('operation' in started)) {
        throw new Error('run needs a started direct workload');
      }
      await drive(started.operation, workload.concurrency, message.warmupMs);
      await startProfile();
      mark();
      const measured = await drive(started.operation, workload.concurrency, message.durationMs);
      await stopProfile();
      const [p50 = 0, p99 = 0] = measured.latencies.percentiles(50, 99);
      const result: DirectResult = {
        ...usage(),
        operations: measured.latencies.count,
        errors: measured.errors,
        firstError: measured.firstError,
        latency: { p50, p99 },
      };
      return result;
    }
    case 'stop':
      await shutdown(0);
      return null;
  }
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  clearInterval(rssTimer);
  try {
    await started?.stop();
  } catch (error) {
    console.error('bench child: stop failed', error);
    code = 1;
  }
  // Flush the IPC reply first (the caller of `stop` waits for it), then leave.
  setImmediate(() => process.exit(code));
}

if (!process.send) {
  console.error('bench/child.ts is started by bench/run.ts (npm run bench), not directly.');
  process.exit(2);
}

setTimeout(() => {
  console.error('bench child: hard time limit reached, exiting');
  process.exit(1);
}, HARD_LIMIT_MS).unref();

process.on('message', (message: Envelope) => {
  void handle(message).then(
    (value) => {
      reply({ id: message.id, ok: true, value });
    },
    (error: unknown) => {
      reply({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    },
  );
});

function reply(message: ChildReply) {
  if (process.connected) process.send?.(message);
}

// The orchestrator went away (Ctrl-C, crash): stop the server rather than linger.
process.on('disconnect', () => void shutdown(1));

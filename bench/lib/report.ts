/** One row of the results: a workload's measurement, or why it did not run. */
export interface WorkloadResult {
  name: string;
  title: string;
  kind: 'http' | 'direct';
  /** HTTP connections, or concurrent callers for direct workloads. */
  connections: number;
  status: 'ok' | 'skipped' | 'failed';
  /** Why it was skipped or failed. */
  reason?: string;
  notes: string;
  /** Completed requests (or operations) in the measured window. */
  completed?: number;
  /** Measured window, seconds. */
  seconds?: number;
  perSecond?: number;
  latencyMs?: { p50: number; p99: number };
  /** Server process CPU (user + system, all threads) per completed request, ms. */
  cpuMsPerRequest?: number;
  /** Server CPU time / wall time: 100 % is one core busy. */
  cpuPercent?: number;
  peakRssMb?: number;
  /** Responses other than 2xx, socket errors and timeouts (should be 0). */
  failures?: number;
  firstFailure?: string | null;
}

export interface BenchEnvironment {
  date: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  commit: string | null;
  warmupSeconds: number;
  durationSeconds: number;
  /**
   * 1-minute load average before and after the run. Other processes at the start make results
   * lower and noisier; the end value includes the bench's own load.
   */
  loadAverage: { start: number; end: number };
}

const number = (value: number | undefined, digits: number) =>
  value === undefined
    ? '—'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });

/**
 * True when other work was competing for the CPU as the run started (load above half the cores).
 * Only the start counts: by the end, the bench's own two busy processes have raised the load.
 */
export function busy(environment: BenchEnvironment): boolean {
  return environment.loadAverage.start > environment.cores * 0.5;
}

/** The results as a Markdown table (also printed to the terminal). */
export function resultsTable(results: WorkloadResult[]): string {
  const header = [
    '| Workload | Conn | Req/s | p50 ms | p99 ms | CPU ms/req | CPU % | Peak RSS MB | Failures |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  const rows = results.map((r) => {
    if (r.status !== 'ok') {
      return `| ${r.title} | ${r.connections} | ${r.status}: ${(r.reason ?? '').split('\n')[0] ?? ''} | | | | | | |`;
    }
    return `| ${r.title} | ${r.connections} | ${number(r.perSecond, 0)} | ${number(r.latencyMs?.p50, 2)} | ${number(r.latencyMs?.p99, 2)} | ${number(r.cpuMsPerRequest, 3)} | ${number(r.cpuPercent, 0)} | ${number(r.peakRssMb, 0)} | ${r.failures ?? 0} |`;
  });
  return [...header, ...rows].join('\n');
}

/** The Markdown results file: environment, table, what each workload measures. */
export function resultsMarkdown(environment: BenchEnvironment, results: WorkloadResult[]): string {
  const notes = results.map((r) => `- **${r.name}** — ${r.notes}`);
  const failures = results
    .filter((r) => r.firstFailure)
    .map((r) => `- ${r.name}: ${r.firstFailure ?? ''}`);
  return [
    '# Kabinet bench — latest run',
    '',
    `${environment.date} · Node ${environment.node} · ${environment.platform} · ${environment.cpu} × ${environment.cores} cores · ${environment.memoryGb} GB RAM · commit ${environment.commit ?? 'unknown'}`,
    '',
    `Load average (1 min): ${environment.loadAverage.start.toFixed(2)} at start, ${environment.loadAverage.end.toFixed(2)} at end (including the bench's own load)${busy(environment) ? ' — **the machine was busy; treat these numbers as low and noisy**' : ''}.`,
    '',
    `Each workload: ${environment.warmupSeconds} s warm-up, then ${environment.durationSeconds} s measured; the server runs in its own child process, autocannon in the orchestrator on the same machine. Column meanings: bench/README.md.`,
    '',
    resultsTable(results),
    '',
    '## Workloads',
    '',
    ...notes,
    ...(failures.length > 0 ? ['', '## First failure per workload', '', ...failures] : []),
    '',
  ].join('\n');
}

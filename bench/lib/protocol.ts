/** Messages between the orchestrator and a child over Node's IPC channel (request → reply by id). */
import type { WorkloadResources } from './workload.js';

export type ChildRequest =
  | { type: 'start'; workload: string; resources: WorkloadResources }
  /** Start sampling peak RSS (before the warm-up). */
  | { type: 'begin' }
  /** Take the CPU baseline (right before the measured load). */
  | { type: 'mark' }
  /** CPU used and peak RSS since `mark` / `begin`. */
  | { type: 'sample' }
  /** Direct workloads: run the operation for a warm-up, mark, then measure. */
  | { type: 'run'; warmupMs: number; durationMs: number }
  | { type: 'stop' };

export interface Usage {
  /** User + system CPU time of the whole child process (all threads) since `mark`, µs. */
  cpuMicros: number;
  /** Wall time since `mark`, ms. */
  wallMs: number;
  /** Highest `process.memoryUsage.rss()` seen since `begin`, sampled every 50 ms. */
  peakRssBytes: number;
}

export interface DirectResult extends Usage {
  operations: number;
  errors: number;
  firstError: string | null;
  latency: { p50: number; p99: number };
}

export type ChildReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export type Envelope = ChildRequest & { id: number };

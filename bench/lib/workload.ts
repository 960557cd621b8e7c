/**
 * What a workload is. Each file in bench/workloads exports one `Workload`; the orchestrator
 * (bench/run.ts) drives the load, the child harness (bench/child.ts) calls `start` in a process
 * of its own, so the CPU time and memory measured are the server's alone.
 */

/** Resources the orchestrator prepares before any child starts. */
export interface WorkloadResources {
  /** A throwaway PostgreSQL database (`kabinet_bench_<random>`), or null when none is available. */
  postgresUrl: string | null;
}

/** A server started by an HTTP workload, listening on 127.0.0.1. */
export interface StartedServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  stop: () => Promise<void>;
  /**
   * Requests known only once the server has made its data (ids of payments it created…); they
   * replace the workload's `request.variants`.
   */
  variants?: RequestVariant[];
}

/** One request of a workload's cycle: its path, and headers or body that differ. */
export interface RequestVariant {
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** An operation measured directly (no HTTP), called concurrently by the child harness. */
export interface StartedOperation {
  operation: () => Promise<void>;
  stop: () => Promise<void>;
}

interface WorkloadBase {
  /** Kebab-case, unique; used by `--only` and in the results. */
  name: string;
  /** One line for the results table. */
  title: string;
  /** What is measured and anything that differs from production, for the results notes. */
  notes: string;
  /** Skip (with a reason in the results) unless these resources exist. */
  needs?: 'postgres'[];
}

/** Load generated with autocannon from the orchestrator process. */
export interface HttpWorkload extends WorkloadBase {
  kind: 'http';
  connections: number;
  request: {
    method: 'GET' | 'POST';
    path: string;
    headers?: Record<string, string>;
    body?: string;
    /**
     * Give every request its own `X-Forwarded-For` client address, for routes with a per-client
     * rate limit (the server must trust the proxy header).
     */
    uniqueClientAddress?: boolean;
    /** Give every request its own `Idempotency-Key` (a money write that must not be a replay). */
    uniqueIdempotencyKey?: boolean;
    /**
     * Requests to cycle through instead of the single one (each connection sends them in
     * order): the same route with varied filters or users.
     */
    variants?: RequestVariant[];
  };
  /**
   * Also measure latency at this share of the rate just measured (open loop: autocannon paces
   * the requests), on the same server: what a client sees while the machine still has headroom,
   * next to the saturated figure where every request waits for the ones ahead of it.
   */
  pacedShare?: number;
  /** Runs in the child. Heavy modules are imported inside, so other workloads do not load them. */
  start(resources: WorkloadResources): Promise<StartedServer>;
}

/** An async function called in a loop by `concurrency` lanes inside the child. */
export interface DirectWorkload extends WorkloadBase {
  kind: 'direct';
  concurrency: number;
  /** Runs in the child. */
  start(resources: WorkloadResources): Promise<StartedOperation>;
}

export type Workload = HttpWorkload | DirectWorkload;

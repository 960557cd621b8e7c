import { randomUUID } from 'node:crypto';
import http from 'node:http';
import autocannon from 'autocannon';
import { Samples } from './stats.js';
import type { HttpWorkload } from './workload.js';

// The load the orchestrator sends: saturating (autocannon keeps every connection busy) and
// paced (an evenly spaced open loop at a fixed rate).

let addressCounter = 0;
/** A distinct private IPv4 address per call (10.0.0.1, 10.0.0.2, …). */
function nextClientAddress(): string {
  addressCounter++;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export interface LoadOutcome {
  completed: number;
  seconds: number;
  latencies: Samples;
  failures: number;
  firstFailure: string | null;
}

/** The workload's requests, each variant with the shared headers, and what each send adds. */
function workloadRequests(workload: HttpWorkload) {
  const { uniqueClientAddress, uniqueIdempotencyKey, variants, ...request } = workload.request;
  const requests = (variants ?? [{ path: request.path }]).map((variant) => ({
    ...request,
    ...variant,
    headers: { ...request.headers, ...variant.headers },
  }));
  const perRequestHeaders = (): Record<string, string> => ({
    ...(uniqueClientAddress ? { 'x-forwarded-for': nextClientAddress() } : {}),
    ...(uniqueIdempotencyKey ? { 'idempotency-key': randomUUID() } : {}),
  });
  return {
    requests,
    perRequestHeaders,
    varies: Boolean(uniqueClientAddress || uniqueIdempotencyKey),
  };
}

/** Runs autocannon against `url` for `seconds`; latency is recorded per response at µs precision. */
export async function generateLoad(
  workload: HttpWorkload,
  url: string,
  seconds: number,
): Promise<LoadOutcome> {
  const { requests, perRequestHeaders, varies } = workloadRequests(workload);
  const instance = autocannon({
    url,
    connections: workload.connections,
    duration: seconds,
    timeout: 10,
    requests: requests.map((one) =>
      varies
        ? {
            ...one,
            setupRequest: (r) => ({ ...r, headers: { ...r.headers, ...perRequestHeaders() } }),
          }
        : one,
    ),
  });
  const latencies = new Samples();
  const statuses = new Map<number, number>();
  const errors = { first: null as string | null };
  instance.on(
    'response',
    (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.add(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    },
  );
  instance.on('reqError', (error: Error) => {
    errors.first ??= error.message;
  });
  const result = await instance;
  const non2xx = [...statuses].filter(([code]) => code < 200 || code >= 300);
  const firstFailure =
    errors.first ??
    (non2xx.length > 0
      ? `HTTP ${non2xx.map(([code, count]) => `${code}×${count}`).join(', ')}`
      : null);
  return {
    completed: result.requests.total,
    seconds: result.duration,
    latencies,
    failures: result.non2xx + result.errors + result.timeouts,
    firstFailure,
  };
}

/** One request of a paced run, ready to send. */
interface PacedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Open-loop load at a fixed rate, evenly spaced (what wrk2 does): request k is due at k / rate
 * seconds and is sent then whether or not earlier ones have answered, and its latency counts
 * from when it was due, so a stall shows up in every request it delays. autocannon's own pacing
 * sends each connection's share in bursts, which measures the bursts rather than the server.
 */
export async function pacedLoad(
  workload: HttpWorkload,
  url: string,
  rate: number,
  seconds: number,
): Promise<LoadOutcome> {
  const { requests, perRequestHeaders } = workloadRequests(workload);
  const prepare = (request: PacedRequest): PacedRequest => ({
    ...request,
    headers: { ...request.headers, ...perRequestHeaders() },
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const latencies = new Samples();
  const outcome = { completed: 0, failures: 0, firstFailure: null as string | null };
  const total = Math.max(1, Math.floor(rate * seconds));
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  let sent = 0;

  const send = (due: number, request: PacedRequest) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        new URL(request.path, url),
        { method: request.method, headers: request.headers, agent, timeout: 10_000 },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.add(performance.now() - due);
            outcome.completed += 1;
            const status = res.statusCode ?? 0;
            if (status < 200 || status >= 300) {
              outcome.failures += 1;
              outcome.firstFailure ??= `HTTP ${String(status)}`;
            }
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        outcome.failures += 1;
        outcome.firstFailure ??= error.message;
        resolve();
      });
      req.end(request.body);
    });

  while (sent < total) {
    const elapsed = performance.now() - started;
    // Everything due by now goes out; the timer's granularity only groups a few together.
    while (sent < total && (sent / rate) * 1000 <= elapsed) {
      const due = started + (sent / rate) * 1000;
      const request = prepare(requests[sent % requests.length] as PacedRequest);
      const pending = send(due, request).finally(() => inFlight.delete(pending));
      inFlight.add(pending);
      sent += 1;
    }
    const next = started + (sent / rate) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { ...outcome, seconds: (performance.now() - started) / 1000, latencies };
}

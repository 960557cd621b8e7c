import http from 'node:http';
import { Samples } from './stats.js';

/** One request of a paced run, ready to send. */
export interface PacedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedOutcome {
  completed: number;
  seconds: number;
  latencies: Samples;
  failures: number;
  firstFailure: string | null;
}

/**
 * Open-loop load at a fixed rate, evenly spaced (what wrk2 does): request k is due at k / rate
 * seconds and is sent then whether or not earlier ones have answered, and its latency counts
 * from when it was due, so a stall shows up in every request it delays. autocannon's own pacing
 * sends each connection's share in bursts, which measures the bursts rather than the server.
 */
export async function pacedLoad(
  url: string,
  requests: readonly PacedRequest[],
  rate: number,
  seconds: number,
  prepare: (request: PacedRequest) => PacedRequest = (request) => request,
): Promise<PacedOutcome> {
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

import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for `options`, worked out once. None of ours depend on the request
 * (no nonces, no per-request directives), and running helmet's middleware chain for every
 * request cost a fifth of what a request that touches no database costs.
 */
export function staticSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown;
  // A frozen empty request: a directive computed from the request would fail here, not vary.
  const request = Object.freeze({}) as IncomingMessage;
  helmet(options)(request, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure !== undefined) throw new Error('helmet rejected its options', { cause: failure });
  return Object.fromEntries(headers);
}

import { setTimeout as sleep } from 'node:timers/promises';
import { ProviderUnavailableError } from '../provider.js';

/**
 * The HTTP layer of YooKassa's API v3 (https://yookassa.ru/developers/using-api/interaction-format):
 * HTTP Basic auth with the shop id and secret key, JSON both ways, an `Idempotence-Key` header on
 * every POST. What an answer means follows YooKassa's response-handling rules: 200 is the object;
 * 202 `{type:"processing", retry_after}` and 500 mean «not known yet, repeat with the same key»;
 * 429 means «slow down»; any other 4xx is a definite refusal (`{type:"error", code, description}`).
 */

/** YooKassa definitely refused the request; repeating it with the same data will not help. */
export class YooKassaRequestError extends Error {
  override readonly name = 'YooKassaRequestError';

  constructor(
    readonly httpStatus: number,
    /** YooKassa's error code: `invalid_request`, `invalid_credentials`, `forbidden`, `not_found`… */
    readonly code: string,
    readonly description: string | null,
    /** The request parameter or header at fault, when YooKassa names it. */
    readonly parameter: string | null,
    operation: string,
  ) {
    const detail = [description, parameter ? `(parameter ${parameter})` : null]
      .filter(Boolean)
      .join(' ');
    super(
      `YooKassa refused ${operation}: HTTP ${httpStatus} ${code}${detail ? ` — ${detail}` : ''}`,
    );
  }
}

export interface YooKassaClientOptions {
  shopId: string;
  secretKey: string;
  /** `https://api.yookassa.ru/v3` in production; the stand-in in tests. */
  apiUrl: string;
  /** Per HTTP call; YooKassa itself gives up on an operation after 30 s with a 500. */
  timeoutMs: number;
  /** How many times an answer «202 processing» is repeated at once before giving up for now. */
  processingRetries: number;
}

/** Error codes YooKassa documents as «the result is not known yet» rather than a refusal. */
const TRANSIENT_CODES = new Set(['internal_server_error', 'too_many_requests']);
/** We wait for `retry_after` inside one call only this long; longer hints go to the caller. */
const MAX_INLINE_WAIT_MS = 2_000;

export type YooKassaRequest = (
  method: 'GET' | 'POST',
  path: string,
  options?: { body?: object; idempotenceKey?: string },
) => Promise<unknown>;

/** A function that performs one API operation and returns the parsed JSON object of a 200. */
export function createYooKassaClient(options: YooKassaClientOptions): YooKassaRequest {
  const authorization = `Basic ${Buffer.from(`${options.shopId}:${options.secretKey}`).toString('base64')}`;

  return async (method, path, { body, idempotenceKey } = {}) => {
    const operation = `${method} ${path}`;
    for (let attempt = 0; ; attempt++) {
      const response = await send(method, path, body, idempotenceKey);
      const text = await response.text().catch(() => '');
      const json = parseJson(text);
      if (response.status === 200 && isObject(json)) return json;
      if (response.status === 202) {
        // The same operation is still running at YooKassa (a repeated idempotent request):
        // asking again with the same key returns its result once it is there.
        const retryAfterMs = retryAfterFromBody(json) ?? retryAfterFromHeader(response);
        if (attempt < options.processingRetries) {
          await sleep(Math.min(Math.max(retryAfterMs ?? 500, 50), MAX_INLINE_WAIT_MS));
          continue;
        }
        throw new ProviderUnavailableError(
          `YooKassa is still processing ${operation}`,
          retryAfterMs,
        );
      }
      throw errorFor(response, json, operation);
    }
  };

  async function send(method: string, path: string, body: object | undefined, key?: string) {
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key !== undefined) headers['idempotence-key'] = key;
    try {
      return await fetch(`${options.apiUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      // No answer (refused, reset, timed out): the operation may or may not have happened, so
      // the caller repeats it with the same idempotence key. The cause never carries the secret.
      const cause = error instanceof Error ? (error.cause ?? error) : error;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new ProviderUnavailableError(`YooKassa unreachable for ${method} ${path}: ${reason}`);
    }
  }
}

function errorFor(response: Response, json: unknown, operation: string): Error {
  const status = response.status;
  const error = isObject(json) && json.type === 'error' ? json : null;
  const code = typeof error?.code === 'string' ? error.code : null;
  const description = typeof error?.description === 'string' ? error.description : null;
  const retryAfterMs = retryAfterFromBody(json) ?? retryAfterFromHeader(response);
  if (status >= 500 || status === 429 || (code !== null && TRANSIENT_CODES.has(code))) {
    const what = [code ?? `HTTP ${status}`, description].filter(Boolean).join(': ');
    return new ProviderUnavailableError(`YooKassa failed ${operation}: ${what}`, retryAfterMs);
  }
  if (status === 200) {
    // A 200 that is not a JSON object is not YooKassa talking (a proxy page); ask again later.
    return new ProviderUnavailableError(`YooKassa gave an unreadable answer to ${operation}`);
  }
  const parameter = typeof error?.parameter === 'string' ? error.parameter : null;
  return new YooKassaRequestError(
    status,
    code ?? 'unknown_error',
    description,
    parameter,
    operation,
  );
}

function retryAfterFromBody(json: unknown): number | null {
  const value = isObject(json) ? json.retry_after : undefined;
  // YooKassa's `retry_after` is in milliseconds (its SDKs sleep that many ms).
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function retryAfterFromHeader(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { z } from 'zod';
import { ZErrorResponse } from '../../shared/contracts/common.js';
import type { ErrorCode } from '../../shared/errors.js';
import { currentLocale, i18n } from '../i18n/index.js';

/**
 * Codes the client produces itself, when there is no server error body to read:
 * - `network_error` — the request never got an HTTP answer (offline, DNS, server down);
 * - `unexpected_response` — an answer arrived but does not match the contract.
 */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

/** A failed API call, carrying the server's `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    /** Stable code from `src/shared/errors.ts`, or a client-side one. */
    readonly code: ErrorCode | ClientErrorCode,
    /** Already localized for the person reading it. */
    message: string,
    /** For `validation_failed`: the zod issues; otherwise the code's documented details. */
    readonly details?: unknown,
    /** From `Retry-After` (429): seconds until trying again makes sense. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Options of one API call. */
export interface RequestOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body` (file uploads). */
  formData?: FormData;
  /** Appended to the path; undefined values are skipped. */
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. the `Idempotency-Key` of a money write. */
  headers?: Record<string, string>;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // The server localizes error messages (and later, content) by this header.
    'Accept-Language': currentLocale(),
  };
  Object.assign(headers, options.headers);
  const init: RequestInit = {
    method: options.method ?? 'GET',
    headers,
    // The session is an HttpOnly same-origin cookie; never send it anywhere else.
    credentials: 'same-origin',
    signal: options.signal ?? null,
  };
  if (options.formData) {
    // The browser writes the multipart boundary into Content-Type itself.
    init.body = options.formData;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  if (!response.ok) throw await readError(response);
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds (either form the header allows), or undefined. */
function readRetryAfter(response: Response): number | undefined {
  const header = response.headers.get('Retry-After');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readError(response: Response): Promise<ApiError> {
  const parsed = ZErrorResponse.safeParse(await readJson(response));
  if (!parsed.success) {
    // A proxy or gateway answered (502 page, captive portal): nothing reliable to show.
    return new ApiError(
      response.status,
      'unexpected_response',
      i18n.t('errors.unexpectedResponse'),
    );
  }
  const { code, message, details } = parsed.data.error;
  return new ApiError(response.status, code, message, details, readRetryAfter(response));
}

/** Calls the API and validates the JSON answer with a contract schema. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send(path, options);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      'unexpected_response',
      i18n.t('errors.unexpectedResponse'),
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/** Calls an API endpoint that answers 204 No Content. */
export async function apiCommand(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** True for errors worth retrying: no answer at all, or a server-side failure. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status >= 500;
}

import type { IncomingMessage } from 'node:http';
import type { RecordedRequest } from '../yookassa-standin.js';
import {
  newPayment,
  paymentOnWire,
  succeedPayment,
  cancelPayment,
  type WirePayment,
  type WireRefund,
} from './standin-objects.js';
import { createRefund, getRefund } from './standin-refunds.js';
import {
  check,
  errorReply,
  invalid,
  ok,
  receiptMismatch,
  toKopecks,
  ZCapturePayment,
  ZCreatePayment,
  type Reply,
} from './standin-requests.js';

/**
 * The API routes of the YooKassa stand-in (https://yookassa.ru/developers/api): authentication,
 * the idempotence of POST requests, and the payment and refund operations.
 */

export interface ApiState {
  shopId: string;
  secretKey: string;
  payments: Map<string, WirePayment>;
  refunds: Map<string, WireRefund>;
  /** Idempotence key → what was asked and what was answered (kept for the stand-in's life). */
  idempotence: Map<string, { fingerprint: string; reply: Reply }>;
  requests: RecordedRequest[];
  refundStatus: 'succeeded' | 'pending';
  checkoutUrl: (paymentId: string) => string;
}

type Handler = (state: ApiState, body: unknown, id: string) => Reply;

const ROUTES: Array<{ method: 'GET' | 'POST'; pattern: RegExp; handle: Handler }> = [
  { method: 'POST', pattern: /^\/payments$/, handle: createPayment },
  { method: 'GET', pattern: /^\/payments\/([^/]+)$/, handle: (s, _b, id) => getPayment(s, id) },
  { method: 'POST', pattern: /^\/payments\/([^/]+)\/capture$/, handle: capturePayment },
  {
    method: 'POST',
    pattern: /^\/payments\/([^/]+)\/cancel$/,
    handle: (s, _b, id) => cancel(s, id),
  },
  { method: 'POST', pattern: /^\/refunds$/, handle: createRefund },
  { method: 'GET', pattern: /^\/refunds\/([^/]+)$/, handle: (s, _b, id) => getRefund(s, id) },
];

/** YooKassa keeps an idempotence key for 24 hours; it is at most 64 characters long. */
const IDEMPOTENCE_KEY_LIMIT = 64;
const NOT_JSON = Symbol('not JSON');

/** Keeps what a call asked, for tests to assert on (failed calls included). */
export function recordRequest(
  state: ApiState,
  request: IncomingMessage,
  path: string,
  text: string,
): void {
  const body = text === '' ? undefined : parseJson(text);
  state.requests.push({
    method: request.method ?? 'GET',
    path,
    idempotenceKey: headerValue(request.headers['idempotence-key']),
    authorization: request.headers.authorization ?? null,
    body: body === NOT_JSON ? text : body,
  });
}

/** Answers one call under the API root (`/payments…`, `/refunds…`). */
export function handleApiCall(
  state: ApiState,
  request: IncomingMessage,
  path: string,
  text: string,
): Reply {
  const method = request.method ?? 'GET';
  const authorization = request.headers.authorization ?? null;
  const idempotenceKey = headerValue(request.headers['idempotence-key']);
  const body = text === '' ? undefined : parseJson(text);

  if (authorization !== basic(state.shopId, state.secretKey)) {
    return errorReply(401, 'invalid_credentials', 'Authentication by given credentials failed');
  }
  const matching = ROUTES.filter((route) => route.pattern.test(path));
  const route = matching.find((candidate) => candidate.method === method);
  if (!route) {
    return matching.length > 0
      ? { status: 405, body: '' }
      : errorReply(404, 'not_found', `Resource ${path} not found`);
  }
  const id = decodeURIComponent(route.pattern.exec(path)?.[1] ?? '');
  if (method === 'GET') return route.handle(state, undefined, id);

  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return { status: 415, body: '' };
  }
  if (body === NOT_JSON)
    return errorReply(400, 'invalid_request', 'Request body is not valid JSON');
  if (!idempotenceKey) {
    return errorReply(400, 'invalid_request', 'Idempotence key is required', 'Idempotence-Key');
  }
  if (idempotenceKey.length > IDEMPOTENCE_KEY_LIMIT) {
    return errorReply(400, 'invalid_request', 'Idempotence key is too long', 'Idempotence-Key');
  }
  // The same key with the same request is the same operation: its first answer again. The same
  // key with anything else is a client bug that YooKassa refuses.
  const fingerprint = `${method} ${path} ${canonicalJson(body ?? {})}`;
  const seen = state.idempotence.get(idempotenceKey);
  if (seen) {
    return seen.fingerprint === fingerprint
      ? structuredClone(seen.reply)
      : errorReply(400, 'invalid_request', 'Idempotence key duplicated', 'Idempotence-Key');
  }
  const reply = route.handle(state, body ?? {}, id);
  // A refused request is not remembered: it changed nothing, and may be corrected.
  if (reply.status === 200) state.idempotence.set(idempotenceKey, { fingerprint, reply });
  return structuredClone(reply);
}

function createPayment(state: ApiState, body: unknown): Reply {
  const checked = check(ZCreatePayment, body);
  if (!checked.ok) return invalid(checked.refusal);
  const request = checked.value;
  const mismatch = receiptMismatch(request.receipt, request.amount.value);
  if (mismatch) return invalid(mismatch);
  const payment = newPayment(request, state.shopId, state.checkoutUrl);
  state.payments.set(payment.id, payment);
  return ok(paymentOnWire(payment));
}

function getPayment(state: ApiState, id: string): Reply {
  const payment = state.payments.get(id);
  return payment ? ok(paymentOnWire(payment)) : paymentNotFound();
}

function capturePayment(state: ApiState, body: unknown, id: string): Reply {
  const payment = state.payments.get(id);
  if (!payment) return paymentNotFound();
  const checked = check(ZCapturePayment, body);
  if (!checked.ok) return invalid(checked.refusal);
  if (payment.status !== 'waiting_for_capture') {
    return errorReply(
      400,
      'invalid_request',
      `Payment has status ${payment.status}; only a payment waiting_for_capture can be captured`,
    );
  }
  const amount = checked.value.amount;
  if (amount && toKopecks(amount.value) > toKopecks(payment.amount.value)) {
    return errorReply(
      400,
      'invalid_request',
      'Capture amount exceeds the payment amount',
      'amount',
    );
  }
  // A smaller amount captures part of the hold and releases the rest.
  if (amount) payment.amount = amount;
  succeedPayment(payment);
  return ok(paymentOnWire(payment));
}

function cancel(state: ApiState, id: string): Reply {
  const payment = state.payments.get(id);
  if (!payment) return paymentNotFound();
  if (payment.status !== 'waiting_for_capture') {
    return errorReply(
      400,
      'invalid_request',
      `Payment has status ${payment.status}; it cannot be canceled`,
    );
  }
  cancelPayment(payment, 'canceled_by_merchant', 'merchant');
  return ok(paymentOnWire(payment));
}

function paymentNotFound(): Reply {
  return errorReply(404, 'not_found', 'Payment not found');
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function headerValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** JSON with object keys sorted, so two equal requests compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

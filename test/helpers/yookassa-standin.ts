import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  authorizePayment,
  cancelPayment,
  paymentOnWire,
  succeedPayment,
  type PaidWith,
  type WirePayment,
  type WireRefund,
} from './yookassa-standin/standin-objects.js';
import { handleApiCall, recordRequest, type ApiState } from './yookassa-standin/standin-api.js';
import { recordRefunded } from './yookassa-standin/standin-refunds.js';
import { checkoutPage } from './yookassa-standin/standin-checkout.js';
import { errorReply, type Reply } from './yookassa-standin/standin-requests.js';

/**
 * A local stand-in of YooKassa's API v3, written from its documentation
 * (https://yookassa.ru/developers/api): a real HTTP server on 127.0.0.1 with in-memory payments
 * and refunds, HTTP Basic auth, `Idempotence-Key` semantics, 54-FZ receipt validation and
 * YooKassa's error bodies; controls that play the person and the bank (succeed, authorize,
 * cancel), failure injection, and notifications posted where a test says.
 */

/** What the next API call(s) suffer instead of (or after) being handled. */
export type StandInFailure =
  /** 500 `internal_server_error`; nothing happened. */
  | 'internal_error'
  /** The call is carried out, but the answer is lost in a 500: only a retry tells the result. */
  | 'internal_error_after_processing'
  /** 429 `too_many_requests` with `Retry-After: 1`. */
  | 'too_many_requests'
  /** 202 `{type: "processing", retry_after}`: «still working, ask again with the same key». */
  | 'processing'
  /** No answer at all until the stand-in closes (for timeouts). */
  | 'hang'
  /** The connection is cut without an answer. */
  | 'drop_connection';

/** One API call as the stand-in received it. */
export interface RecordedRequest {
  method: string;
  /** Under the API root: `/payments`, `/payments/{id}/capture`… */
  path: string;
  idempotenceKey: string | null;
  authorization: string | null;
  body: unknown;
}

export interface YooKassaStandInOptions {
  shopId?: string;
  secretKey?: string;
  /** What a new refund becomes at once (default `succeeded`, as for bank cards). */
  refundStatus?: 'succeeded' | 'pending';
  /** The `retry_after` of a 202 answer, in milliseconds (default 100). */
  processingRetryAfterMs?: number;
}

export interface YooKassaStandIn {
  /** Give this to the adapter as `config.payments.yookassa.apiUrl`. */
  apiUrl: string;
  shopId: string;
  secretKey: string;
  requests: RecordedRequest[];
  /** The payment as `GET /payments/{id}` would return it. */
  payment(id: string): Record<string, unknown>;
  refund(id: string): WireRefund;
  /** Every payment made so far, as the API would return them. */
  payments(): Array<Record<string, unknown> & { id: string; metadata: Record<string, string> }>;
  /** The person paid (one-stage): `pending` → `succeeded`. */
  succeed(id: string, paidWith?: PaidWith): void;
  /** The bank holds the money: `pending` → `waiting_for_capture` (a two-stage payment). */
  authorize(id: string, paidWith?: PaidWith): void;
  /** Declined or expired: → `canceled` with `cancellation_details` {party, reason}. */
  cancel(id: string, reason: string, party?: string): void;
  completeRefund(id: string): void;
  cancelRefund(id: string, reason: string, party?: string): void;
  /** The next `count` API calls fail this way. */
  failNext(failure: StandInFailure, count?: number): void;
  /** Forgets failures that were asked for and have not happened yet. */
  clearFailures(): void;
  /** A notification body for the object as it is now, with `overrides` (to forge one). */
  notification(event: string, objectId: string, overrides?: Record<string, unknown>): unknown;
  /** POSTs a notification body to `url` (our webhook) and returns the answer. */
  sendNotification(
    url: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

export async function startYooKassaStandIn(
  options: YooKassaStandInOptions = {},
): Promise<YooKassaStandIn> {
  const shopId = options.shopId ?? '100500';
  const secretKey = options.secretKey ?? 'test_standin_secret_key';
  const failures: StandInFailure[] = [];
  const state: ApiState = {
    shopId,
    secretKey,
    payments: new Map<string, WirePayment>(),
    refunds: new Map<string, WireRefund>(),
    idempotence: new Map(),
    requests: [],
    refundStatus: options.refundStatus ?? 'succeeded',
    checkoutUrl: (id) => `${origin}/checkout/${id}`,
  };
  let origin = '';

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      if (!url.pathname.startsWith('/v3/')) {
        send(response, checkoutPage(state, request.method ?? 'GET', url, text));
        return;
      }
      const path = url.pathname.slice('/v3'.length);
      recordRequest(state, request, path, text);
      const failure = failures.shift();
      if (failure === 'hang') return;
      if (failure === 'drop_connection') {
        request.socket.destroy();
        return;
      }
      const reply = failure
        ? injected(failure, request, path, text)
        : handleApiCall(state, request, path, text);
      send(response, reply);
    });
  });
  /** The answer of a call that fails on purpose. */
  const injected = (
    failure: StandInFailure,
    request: http.IncomingMessage,
    path: string,
    text: string,
  ): Reply => {
    switch (failure) {
      case 'too_many_requests':
        return {
          ...errorReply(429, 'too_many_requests', 'Too many requests. Try again later'),
          headers: { 'retry-after': '1' },
        };
      case 'processing':
        return {
          status: 202,
          body: {
            type: 'processing',
            id: randomUUID(),
            description: 'Request accepted',
            retry_after: options.processingRetryAfterMs ?? 100,
          },
        };
      case 'internal_error_after_processing':
        handleApiCall(state, request, path, text);
        return internalError();
      default:
        return internalError();
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  const paymentById = (id: string) => {
    const payment = state.payments.get(id);
    if (!payment) throw new Error(`stand-in: no payment ${id}`);
    return payment;
  };
  const refundById = (id: string) => {
    const refund = state.refunds.get(id);
    if (!refund) throw new Error(`stand-in: no refund ${id}`);
    return refund;
  };

  return {
    apiUrl: `${origin}/v3`,
    shopId,
    secretKey,
    requests: state.requests,
    payment: (id) => paymentOnWire(paymentById(id)),
    refund: (id) => structuredClone(refundById(id)),
    payments: () =>
      [...state.payments.values()].map((payment) => ({
        ...paymentOnWire(payment),
        id: payment.id,
        metadata: { ...payment.metadata },
      })),
    succeed(id, paidWith) {
      const payment = paymentById(id);
      if (!payment.capture && payment.status === 'pending') {
        throw new Error(
          'stand-in: a two-stage payment (capture: false) is authorized, not succeeded',
        );
      }
      succeedPayment(payment, paidWith);
    },
    authorize: (id, paidWith) => {
      authorizePayment(paymentById(id), paidWith);
    },
    cancel: (id, reason, party = 'payment_network') => {
      cancelPayment(paymentById(id), reason, party);
    },
    completeRefund(id) {
      const refund = refundById(id);
      if (refund.status !== 'pending')
        throw new Error(`stand-in: refund ${id} is ${refund.status}`);
      refund.status = 'succeeded';
      refund.receipt_registration = 'succeeded';
      recordRefunded(paymentById(refund.payment_id), refund);
    },
    cancelRefund(id, reason, party = 'yoo_money') {
      const refund = refundById(id);
      if (refund.status !== 'pending')
        throw new Error(`stand-in: refund ${id} is ${refund.status}`);
      refund.status = 'canceled';
      refund.cancellation_details = { party, reason };
    },
    failNext(failure, count = 1) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    clearFailures() {
      failures.length = 0;
    },
    notification(event, objectId, overrides = {}) {
      const object = event.startsWith('refund.')
        ? structuredClone(refundById(objectId))
        : paymentOnWire(paymentById(objectId));
      return { type: 'notification', event, object: { ...object, ...overrides } };
    },
    async sendNotification(url, body, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    },
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging calls keep their sockets open; cut them so the server can stop.
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

function send(response: http.ServerResponse, reply: Reply): void {
  const isJson = typeof reply.body !== 'string';
  response.writeHead(reply.status, {
    'content-type': isJson ? 'application/json;charset=UTF-8' : 'text/html; charset=utf-8',
    ...reply.headers,
  });
  response.end(isJson ? JSON.stringify(reply.body) : reply.body);
}

function internalError(): Reply {
  return errorReply(500, 'internal_server_error', 'Internal server error');
}

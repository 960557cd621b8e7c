/**
 * A local web push service for tests (RFC 8030 / 8291 / 8292), on 127.0.0.1 and a free port.
 *
 *   const push = await startPushEndpoint({ vapidPublicKey: ctx.secrets.vapid.publicKey });
 *   const device = push.createSubscription();       // what a browser's PushSubscription would be
 *   // device.json = { endpoint: 'http://127.0.0.1:<port>/push/<id>', keys: { p256dh, auth } }
 *   // → POST it to /api/notifications/push-subscriptions (or inject it into a page)
 *   const message = await push.waitForMessage(device.id, (m) => m.payload.type === 'test');
 *   // message = { payload (decrypted JSON), ttl, topic, urgency, vapid: { aud, exp, sub } }
 *   push.respondWith(device.id, 410);               // the next pushes get 410 (404, 500 …)
 *   await push.close();
 *
 * Every POST is checked the way a real push service does, and a bad one is answered 401/400
 * and recorded in `rejections` (never as a message):
 *   - `Authorization: vapid t=<JWT>, k=<key>`: the JWT is ES256-signed by k (node:crypto), its
 *     `aud` is this service's origin, `exp` is in the future and at most 24 h ahead, `sub` is
 *     present, and k is the server's VAPID public key (when `vapidPublicKey` was given);
 *   - `Content-Encoding: aes128gcm` and a body that decrypts (http_ece) with the
 *     subscription's private key and auth secret; the plaintext must be JSON;
 *   - a `TTL` header.
 * Answers 201 to accepted messages, 404 to unknown subscriptions.
 */
import {
  createECDH,
  createPublicKey,
  randomBytes,
  randomUUID,
  verify,
  type ECDH,
} from 'node:crypto';
import { createRequire } from 'node:module';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Ece {
  decrypt(
    body: Buffer,
    params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: Buffer },
  ): Buffer;
}
const ece = createRequire(import.meta.url)('http_ece') as Ece;

/** One push message as the device would receive it. */
export interface ReceivedPush {
  payload: Record<string, unknown>;
  ttl: number;
  topic: string | null;
  urgency: string | null;
  vapid: { aud: string; exp: number; sub: string };
  receivedAt: Date;
}

/** A simulated browser subscription. */
export interface TestPushSubscription {
  id: string;
  endpoint: string;
  /** `PushSubscription.toJSON()` shape: POST it as is. */
  json: { endpoint: string; keys: { p256dh: string; auth: string } };
}

export interface PushEndpoint {
  origin: string;
  createSubscription(): TestPushSubscription;
  /** Messages accepted for a subscription so far, oldest first. */
  messages(subscriptionId: string): ReceivedPush[];
  /** Requests refused (bad VAPID, undecryptable body…), with the reason. */
  rejections: { subscriptionId: string; reason: string }[];
  /** Answer this status (e.g. 410, 404, 500) to the subscription's next pushes; null: normal. */
  respondWith(subscriptionId: string, status: number | null): void;
  /** Resolves with the first message (already received or arriving) matching `predicate`. */
  waitForMessage(
    subscriptionId: string,
    predicate?: (message: ReceivedPush) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedPush>;
  close(): Promise<void>;
}

interface Device {
  ecdh: ECDH;
  auth: Buffer;
  messages: ReceivedPush[];
  status: number | null;
}

const b64 = (value: Buffer) => value.toString('base64url');
const MAX_EXP_SECONDS = 24 * 3600;

/** Verifies the VAPID header; returns the JWT claims or a reason for refusing. */
function checkVapid(
  header: string | undefined,
  origin: string,
  expectedKey: string | undefined,
): { claims: ReceivedPush['vapid'] } | { reason: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) return { reason: 'no vapid authorization' };
  const [, token = '', key = ''] = match;
  if (expectedKey && key !== expectedKey) return { reason: 'k is not the server key' };
  const [head = '', body = '', signature = ''] = token.split('.');
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return { reason: 'k is not a P-256 point' };
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64(point.subarray(1, 33)), y: b64(point.subarray(33)) },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${body}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) return { reason: 'bad signature' };
  const jose = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string };
  if (jose.alg !== 'ES256') return { reason: 'alg is not ES256' };
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Partial<
    ReceivedPush['vapid']
  >;
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== origin) return { reason: `aud ${String(claims.aud)} is not ${origin}` };
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + MAX_EXP_SECONDS)
    return { reason: 'exp out of range' };
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub))
    return { reason: 'no sub' };
  return { claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub } };
}

/** Starts the service; `vapidPublicKey` makes it refuse tokens signed by any other key. */
export async function startPushEndpoint(
  options: { vapidPublicKey?: string } = {},
): Promise<PushEndpoint> {
  const devices = new Map<string, Device>();
  const waiters = new Set<() => void>();
  const rejections: PushEndpoint['rejections'] = [];
  let origin = '';

  /** Checks and records one POST; the status to answer and, for a refusal, why. */
  function receive(
    id: string,
    request: http.IncomingMessage,
    body: Buffer,
  ): { status: number; reason?: string } {
    const device = devices.get(id);
    if (request.method !== 'POST' || !device) return { status: 404 };
    if (device.status !== null) return { status: device.status };
    const vapid = checkVapid(request.headers.authorization, origin, options.vapidPublicKey);
    if ('reason' in vapid) return { status: 401, reason: vapid.reason };
    if (request.headers['content-encoding'] !== 'aes128gcm')
      return { status: 400, reason: 'content-encoding is not aes128gcm' };
    const ttl = Number(request.headers.ttl);
    if (request.headers.ttl === undefined || !Number.isInteger(ttl) || ttl < 0)
      return { status: 400, reason: 'no TTL' };
    let payload: Record<string, unknown>;
    try {
      const plain = ece.decrypt(body, {
        version: 'aes128gcm',
        privateKey: device.ecdh,
        authSecret: device.auth,
      });
      payload = JSON.parse(plain.toString('utf8')) as Record<string, unknown>;
    } catch (error) {
      return { status: 400, reason: `cannot decrypt: ${String(error)}` };
    }
    device.messages.push({
      payload,
      ttl,
      topic: (request.headers.topic as string | undefined) ?? null,
      urgency: (request.headers.urgency as string | undefined) ?? null,
      vapid: vapid.claims,
      receivedAt: new Date(),
    });
    return { status: 201 };
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = /^\/push\/([\w-]+)$/.exec(request.url ?? '')?.[1] ?? '';
      const result = receive(id, request, Buffer.concat(chunks));
      if (result.reason) rejections.push({ subscriptionId: id, reason: result.reason });
      const headers =
        result.status === 201 ? { location: `${origin}/message/${randomUUID()}` } : undefined;
      response.writeHead(result.status, headers).end(result.reason ?? '');
      if (result.status === 201) for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  const deviceOf = (id: string) => {
    const device = devices.get(id);
    if (!device) throw new Error(`no test push subscription ${id}`);
    return device;
  };

  return {
    origin,
    rejections,
    createSubscription() {
      const id = randomUUID();
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      devices.set(id, { ecdh, auth, messages: [], status: null });
      const endpoint = `${origin}/push/${id}`;
      return {
        id,
        endpoint,
        json: { endpoint, keys: { p256dh: b64(ecdh.getPublicKey()), auth: b64(auth) } },
      };
    },
    messages: (id) => [...deviceOf(id).messages],
    respondWith(id, status) {
      deviceOf(id).status = status;
    },
    waitForMessage(id, predicate = () => true, timeoutMs = 10_000) {
      const device = deviceOf(id);
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = device.messages.find(predicate);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(found);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no matching push for ${id} within ${String(timeoutMs)} ms`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

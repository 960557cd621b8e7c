import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/runtime.js';
import { createTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { createSignedInStaff } from '../helpers/factories.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A client address of its own per test, so counters in the shared Redis never collide. */
const randomIp = () => `10.${[1, 2, 3].map(() => randomBytes(1)[0] ?? 1).join('.')}`;

describe('logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('carry the request id and never the session cookie or a password', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    const log = createLogger({ ...testConfig(), logLevel: 'info' }, sink);
    const app = await buildApp({ ...t.ctx, log }, { serveWeb: false });
    const { headers } = await createSignedInStaff(t.app, t.ctx);
    await app.inject({
      url: '/api/auth/session',
      headers: { ...headers, 'x-request-id': 'trace-42' },
    });
    log.info({ password: 'hunter2-secret', token: 'tok-secret' }, 'an object with secrets');
    await app.close();
    const text = lines.join('');
    expect(text).toContain('"reqId":"trace-42"');
    expect(text).not.toContain(headers.cookie.split('=')[1]);
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('tok-secret');
    expect(text).toContain('[redacted]');
  });
});

describe('rate limits', () => {
  it('answer 429 rate_limited with Retry-After once the budget is spent', async () => {
    const t = await createTestApp({ config: { rateLimitPerMinute: 3 } });
    try {
      const ip = randomIp();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await t.app.inject({ url: '/api/auth/session', remoteAddress: ip })).statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await t.app.inject({
        url: '/api/auth/session',
        remoteAddress: ip,
        headers: { 'accept-language': 'en' },
      });
      expect(limited.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'rate_limited',
        message: 'Too many requests. Please wait a moment and try again.',
      });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Static and health routes are not counted against the API budget.
      expect((await t.app.inject({ url: '/healthz', remoteAddress: ip })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('are shared by every instance through Redis when REDIS_URL is set', async () => {
    const first = await createTestApp({ config: { rateLimitPerMinute: 4, redisUrl: REDIS_URL } });
    const second = await createTestApp({
      database: first.ctx.database,
      config: { rateLimitPerMinute: 4, redisUrl: REDIS_URL },
    });
    try {
      const ip = randomIp();
      for (let i = 0; i < 2; i++) {
        expect(
          (await first.app.inject({ url: '/api/auth/session', remoteAddress: ip })).statusCode,
        ).toBe(200);
        expect(
          (await second.app.inject({ url: '/api/auth/session', remoteAddress: ip })).statusCode,
        ).toBe(200);
      }
      expect(
        (await second.app.inject({ url: '/api/auth/session', remoteAddress: ip })).statusCode,
      ).toBe(429);
      expect(
        (await first.app.inject({ url: '/api/auth/session', remoteAddress: ip })).statusCode,
      ).toBe(429);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('cannot be dodged with a spoofed X-Forwarded-For; only listed proxies are believed', async () => {
    const t = await createTestApp({ config: { rateLimitPerMinute: 3, trustProxy: ['10.9.9.9'] } });
    try {
      const client = randomIp();
      const spoofed: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await t.app.inject({
          url: '/api/auth/session',
          remoteAddress: client,
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
        });
        spoofed.push(response.statusCode);
      }
      expect(spoofed).toEqual([200, 200, 200, 429]);
      // Behind the trusted proxy every forwarded client has its own budget.
      for (let i = 0; i < 4; i++) {
        const response = await t.app.inject({
          url: '/api/auth/session',
          remoteAddress: '10.9.9.9',
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
        });
        expect(response.statusCode).toBe(200);
      }
    } finally {
      await t.close();
    }
  });
});

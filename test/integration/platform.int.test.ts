import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, hostOf } from '../helpers/factories.js';

describe('HTTP platform', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /healthz and /readyz with the database driver', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: 'ready',
      database: process.env.KABINET_TEST_DRIVER,
    });
  });

  it('serves an OpenAPI 3 document generated from the route schemas', async () => {
    const response = await t.app.inject('/api/openapi.json');
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/session', '/api/setup/{token}', '/api/staff/outbox']),
    );
    expect((await t.app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('answers an unknown API route with the one error shape, in Russian by default', async () => {
    const response = await t.app.inject('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'route_not_found', message: 'Такого адреса нет.' },
    });
  });

  it('localizes errors by Accept-Language', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' },
      payload: { login: '', password: '' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      error: { code: string; message: string; details: { path: string[] }[] };
    }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toBe('Please check the data you entered.');
    expect(body.error.details.map((d) => d.path[0])).toEqual(
      expect.arrayContaining(['login', 'password']),
    );
    const russian = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { login: '', password: 'x' },
    });
    const details = russian.json<{ error: { details: { path: string[]; message: string }[] } }>()
      .error.details;
    expect(details.find((d) => d.path[0] === 'login')?.message).toMatch(/[а-я]/);
  });

  it('refuses malformed JSON with a clear code, not a 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('malformed_request');
  });

  it('refuses a cookie write coming from another site', async () => {
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { login: 'a@example.com', password: 'x' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json<{ error: { code: string } }>().error.code).toBe('cross_site_request');
    const foreignOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: 'https://evil.example', host: 'kabinet.test' },
    });
    expect(foreignOrigin.statusCode).toBe(403);
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { origin: 'http://kabinet.test', host: 'kabinet.test' },
    });
    expect(sameOrigin.statusCode).toBe(204);
  });

  it('echoes or assigns a request id', async () => {
    const echoed = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const assigned = await t.app.inject('/healthz');
    expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await t.app.inject('/api/auth/session');
    const metrics = await t.app.inject('/metrics');
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(
      /kabinet_http_request_duration_seconds_count\{[^}]*route="\/api\/auth\/session"/,
    );
  });

  it('sets security headers with a content security policy, on errors and 404s too', async () => {
    const answers = [
      await t.app.inject('/api/auth/session'),
      await t.app.inject('/api/no-such-endpoint'),
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: 'not json' }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 404, 400]);
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(answer.headers['x-request-id']).toBeTruthy();
    }
  });

  it('writes one access-log line per request, when it completes', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const app = await buildApp({ ...t.ctx, log }, { serveWeb: false });
    try {
      const answer = await app.inject({
        url: '/api/auth/session',
        headers: { 'x-request-id': 'req-1' },
      });
      const ofRequest = lines.filter((line) => line.reqId === 'req-1');
      expect(ofRequest).toHaveLength(1);
      expect(ofRequest[0]).toMatchObject({
        msg: 'request completed',
        req: { method: 'GET', url: '/api/auth/session' },
        res: { statusCode: answer.statusCode },
      });
      expect(ofRequest[0]?.responseTime).toEqual(expect.any(Number));
    } finally {
      await app.close();
    }
  });

  it('resolves the organization from the host name, falling back to the default one', async () => {
    const organization = await createOrganization(t.ctx, 'Школа робототехники');
    const own = await t.app.inject({
      url: '/api/auth/session',
      headers: { host: hostOf(organization) },
    });
    expect(own.json()).toMatchObject({
      organization: { id: organization.id, name: 'Школа робототехники' },
    });
    const other = await t.app.inject({
      url: '/api/auth/session',
      headers: { host: 'unknown.example' },
    });
    expect(other.json<{ organization: { id: string } }>().organization.id).not.toBe(
      organization.id,
    );
  });
});

describe('probes when the database is down', () => {
  it('keep /healthz up and turn /readyz to 503 service_unavailable', async () => {
    const t = await createTestApp();
    await t.app.inject('/api/auth/session');
    await t.ctx.queue.stop(1000);
    await t.ctx.database.close();
    try {
      // A host never seen before: nothing about it may need the database.
      const probe = { headers: { host: 'probe.internal' } };
      expect((await t.app.inject({ url: '/healthz', ...probe })).statusCode).toBe(200);
      const ready = await t.app.inject({ url: '/readyz', ...probe });
      expect(ready.statusCode).toBe(503);
      expect(ready.json<{ error: { code: string } }>().error.code).toBe('service_unavailable');
      expect((await t.app.inject({ url: '/metrics', ...probe })).statusCode).toBe(200);
    } finally {
      await t.app.close();
      await t.testDatabase?.destroy().catch(() => undefined);
    }
  });
});

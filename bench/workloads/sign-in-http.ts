import type { Workload } from '../lib/workload.js';

const PASSWORD = 'correct horse battery staple';

/** A full sign-in over HTTP on the given database. */
function signInWorkload(driver: 'pglite' | 'postgres'): Workload {
  const email = `bench-${driver}@example.com`;
  return {
    name: driver === 'pglite' ? 'sign-in-http' : 'sign-in-http-postgres',
    title: `Kabinet POST /api/auth/sign-in, ${driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
    notes:
      'A real staff user signs in with the right password: login lookup, lockout and captcha ' +
      'checks (one query), argon2id verify, blocks, session insert, sign-in history, Set-Cookie. ' +
      'The route allows 30 sign-ins per minute per client address; the bench turns on ' +
      'TRUST_PROXY and gives every request its own X-Forwarded-For address, so the per-route ' +
      'limiter runs but never trips. Compare Req/s with the direct argon2id row: the ' +
      'issue expects at least 0.85 of it.',
    kind: 'http',
    connections: 10,
    ...(driver === 'postgres' ? { needs: ['postgres' as const] } : {}),
    request: {
      method: 'POST',
      path: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: email, password: PASSWORD }),
      uniqueClientAddress: true,
    },
    async start({ postgresUrl }) {
      const { startKabinet } = await import('../lib/kabinet.js');
      const { createStaffUser } = await import('../../src/server/modules/access/index.js');
      const server = await startKabinet({
        config: { trustProxy: true },
        ...(driver === 'postgres' ? { postgresUrl } : {}),
      });
      await createStaffUser(server.runtime.ctx.db, {
        organizationId: server.runtime.defaultOrganization.id,
        email,
        displayName: 'Нагрузочный тест',
        role: 'admin',
        password: PASSWORD,
      });
      return server;
    },
  };
}

export const signInHttp = signInWorkload('pglite');
export const signInHttpPostgres = signInWorkload('postgres');

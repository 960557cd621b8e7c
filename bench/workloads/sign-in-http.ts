import type { Workload } from '../lib/workload.js';

const EMAIL = 'bench@example.com';
const PASSWORD = 'correct horse battery staple';

/** A full sign-in: user lookup, argon2id verification, session insert, cookie. */
export const signInHttp: Workload = {
  name: 'sign-in-http',
  title: 'Kabinet POST /api/auth/sign-in, PGlite',
  notes:
    'A real staff user signs in with the right password: login lookup, lockout and captcha checks, ' +
    'argon2id verify, blocks, session limit, session insert, sign-in history, Set-Cookie. The route ' +
    'allows 30 sign-ins per minute per client address; the bench ' +
    'turns on TRUST_PROXY and gives every request its own X-Forwarded-For address, so the ' +
    'per-route limiter runs but never trips.',
  kind: 'http',
  connections: 10,
  request: {
    method: 'POST',
    path: '/api/auth/sign-in',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: EMAIL, password: PASSWORD }),
    uniqueClientAddress: true,
  },
  async start() {
    const { startKabinet } = await import('../lib/kabinet.js');
    const { createStaffUser } = await import('../../src/server/modules/access/index.js');
    const server = await startKabinet({ config: { trustProxy: true } });
    await createStaffUser(server.runtime.ctx.db, {
      organizationId: server.runtime.defaultOrganization.id,
      email: EMAIL,
      displayName: 'Нагрузочный тест',
      role: 'admin',
      password: PASSWORD,
    });
    return server;
  },
};

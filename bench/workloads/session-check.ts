import type { Workload } from '../lib/workload.js';

// A fixed cookie token, so the orchestrator can send it; only its SHA-256 is in the database.
const TOKEN = 'bench-session-token-0123456789abcdefghijklmnopqrstuv';

/** An authenticated page request: session lookup by token hash, blocks check, response. */
export const sessionCheck: Workload = {
  name: 'session-check',
  title: 'Kabinet GET /api/auth/session (signed in), PGlite',
  notes:
    'A signed-in customer asks who they are: cookie → SHA-256 → session and account (one join), ' +
    'blocks in force (index-bounded), live sessions for the answer. Every authenticated request ' +
    'pays the first two.',
  kind: 'http',
  connections: 10,
  request: {
    method: 'GET',
    path: '/api/auth/session',
    headers: { cookie: `kabinet_session=${TOKEN}` },
  },
  async start() {
    const { startKabinet } = await import('../lib/kabinet.js');
    const { createStaffUser } = await import('../../src/server/modules/access/index.js');
    const { insertSession } = await import('../../src/server/modules/access/sessions.repo.js');
    const { hashToken } = await import('../../src/server/modules/access/tokens.js');
    const server = await startKabinet();
    const { ctx, defaultOrganization } = server.runtime;
    const user = await createStaffUser(ctx.db, {
      organizationId: defaultOrganization.id,
      email: 'session-bench@example.com',
      displayName: 'Нагрузочный тест',
      role: null,
      password: 'correct horse battery staple',
    });
    await insertSession(ctx.db, {
      organizationId: defaultOrganization.id,
      userId: user.id,
      tokenHash: hashToken(TOKEN),
      expiresAt: new Date(Date.now() + 3600_000),
    });
    return server;
  },
};

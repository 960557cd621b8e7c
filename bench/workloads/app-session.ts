import type { Workload } from '../lib/workload.js';

/** The production plugin set on a request that touches no database. */
export const appSession: Workload = {
  name: 'app-session',
  title: 'Kabinet GET /api/auth/session (anonymous)',
  notes:
    'The real app (buildApp via openRuntime, PGlite): request id, helmet, CSRF hook, in-memory ' +
    'rate limit, metrics, organization by Host (cached), authenticate guard without a cookie, ' +
    'zod response serialization, pino request logs at info to /dev/null. No database query.',
  kind: 'http',
  connections: 50,
  request: { method: 'GET', path: '/api/auth/session' },
  async start() {
    const { startKabinet } = await import('../lib/kabinet.js');
    return startKabinet();
  },
};

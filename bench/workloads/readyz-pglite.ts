import type { Workload } from '../lib/workload.js';

/** One database round trip per request on embedded PGlite. */
export const readyzPglite: Workload = {
  name: 'readyz-pglite',
  title: 'Kabinet GET /readyz, PGlite',
  notes:
    'The real /readyz: `select 1 from pgboss.version` on embedded PGlite (one connection, ' +
    'queries run one at a time in the server process).',
  kind: 'http',
  connections: 10,
  request: { method: 'GET', path: '/readyz' },
  async start() {
    const { startKabinet } = await import('../lib/kabinet.js');
    return startKabinet();
  },
};

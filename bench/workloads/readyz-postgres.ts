import type { Workload } from '../lib/workload.js';

/** One database round trip per request on PostgreSQL over loopback. */
export const readyzPostgres: Workload = {
  name: 'readyz-postgres',
  title: 'Kabinet GET /readyz, PostgreSQL',
  notes:
    'The real /readyz: `select 1 from pgboss.version` through the node-postgres pool ' +
    '(DATABASE_POOL_SIZE 10) on a throwaway kabinet_bench_* database on 127.0.0.1:5432. ' +
    'PostgreSQL runs on the same machine; its CPU is not in the server column.',
  kind: 'http',
  connections: 10,
  needs: ['postgres'],
  request: { method: 'GET', path: '/readyz' },
  async start({ postgresUrl }) {
    if (!postgresUrl) throw new Error('no PostgreSQL database');
    const { startKabinet } = await import('../lib/kabinet.js');
    return startKabinet({ postgresUrl });
  },
};

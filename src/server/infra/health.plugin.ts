import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './app-error.js';
import type { AppContext } from './context.js';

/** /healthz: the process answers. /readyz: the database and the job queue answer too. */
export const healthPlugin = fp(
  (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
    app.get(
      '/healthz',
      { schema: { hide: true }, config: { tenantless: true }, logLevel: 'warn' },
      () => ({
        status: 'ok',
      }),
    );
    app.get(
      '/readyz',
      { schema: { hide: true }, config: { tenantless: true }, logLevel: 'warn' },
      async () => {
        try {
          await ctx.database.executor.executeSql('select 1 from pgboss.version limit 1', []);
        } catch (error) {
          app.log.warn({ err: error }, 'readiness check failed');
          throw new AppError('service_unavailable');
        }
        return { status: 'ready', database: ctx.database.driver };
      },
    );
  },
  { name: 'health' },
);

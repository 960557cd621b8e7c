import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../infra/context.js';
import { createOrganizationResolver } from './orgs.service.js';

export { ensureDefaultOrganization } from './orgs.service.js';
export { findOrganizationById, insertOrganization, type Organization } from './orgs.repo.js';

/** Resolves `request.organization` from the Host header for every request. */
export const organizationsPlugin = fp(
  (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
    const resolve = createOrganizationResolver(ctx.db);
    app.decorateRequest('organization', null as unknown as never);
    app.addHook('onRequest', async (request) => {
      request.organization = await resolve(request.hostname);
    });
  },
  { name: 'organizations' },
);

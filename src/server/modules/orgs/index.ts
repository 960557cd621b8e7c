import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppContext } from '../../infra/context.js';
import { AppError } from '../../infra/app-error.js';
import { createOrganizationResolver } from './orgs.service.js';

export { createOrganization, ensureDefaultOrganization } from './orgs.service.js';
export { findOrganizationById, type Organization } from './orgs.repo.js';
export { organizationSettingsModule } from './settings.routes.js';
export { updateOrganizationTimeZone } from './settings.repo.js';
export { invalidateOrganizationDirectory } from './orgs.service.js';

/** Resolves `request.organization` from the Host header for every request. */
export const organizationsPlugin = fp(
  (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
    const resolve = createOrganizationResolver(ctx.db);
    app.decorateRequest('organization', null as unknown as never);
    app.addHook('onRequest', async (request) => {
      // Probes and metrics must answer even when the database does not.
      if (request.routeOptions.config.tenantless) return;
      try {
        request.organization = await resolve(request.hostname);
      } catch (error) {
        request.log.error({ err: error }, 'could not resolve the organization');
        throw new AppError('service_unavailable');
      }
    });
  },
  { name: 'organizations' },
);

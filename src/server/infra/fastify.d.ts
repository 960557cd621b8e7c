import type { SessionUser } from '../../shared/contracts/session.js';
import type { Organization } from '../modules/orgs/orgs.repo.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no organization (probes, metrics, docs): skip resolving it. */
    tenantless?: boolean;
  }

  interface FastifyRequest {
    /** Resolved from the host name on every request. */
    organization: Organization;
    /** Set by the access module's `authenticate` pre-handler; null when nobody is signed in. */
    user: SessionUser | null;
    sessionId: string | null;
  }
}

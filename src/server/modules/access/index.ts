import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import { accessRoutes } from './access.routes.js';
import type { Guards } from './guards.js';

export { createGuards, type Guards } from './guards.js';
export { issueFirstAdminLink } from './setup.service.js';
export { createStaffUser } from './staff-users.service.js';
export { hashPassword, verifyPassword, ARGON2_PARAMS } from './passwords.js';

/** Sign-in, sessions and first-administrator setup. */
export function accessModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  accessRoutes(app, ctx, guards);
}

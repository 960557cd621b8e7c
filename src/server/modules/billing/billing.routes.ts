import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { debtsRoutes } from './debts.routes.js';
import { salesRoutes } from './sales.routes.js';
import { studentMoneyRoutes } from './student-money.routes.js';
import { subscriptionTypesRoutes } from './subscription-types.routes.js';

/** Billing's staff API under `/api/staff/billing/…` (owner, admin, manager). */
export function billingRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  subscriptionTypesRoutes(app, ctx, guards);
  salesRoutes(app, ctx, guards);
  studentMoneyRoutes(app, ctx, guards);
  debtsRoutes(app, ctx, guards);
  // The module registers plugins in order and awaits each; these routes need nothing async.
  return Promise.resolve();
}

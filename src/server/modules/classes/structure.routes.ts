import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { catalogRoutes } from './catalog.routes.js';
import { familiesRoutes } from './families.routes.js';
import { groupsRoutes } from './groups.routes.js';
import { studentsRoutes } from './students.routes.js';

/** Staff API of the centre's people and structure, under `/api/staff/classes/…`. */
export async function structureRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  studentsRoutes(app, ctx, guards);
  familiesRoutes(app, ctx, guards);
  catalogRoutes(app, ctx, guards);
  groupsRoutes(app, ctx, guards);
  await Promise.resolve();
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { JobDefinition } from '../../infra/queue.js';
import type { Guards } from '../access/index.js';
import { attendanceRoutes } from './attendance.routes.js';
import { cabinetRoutes } from './cabinet.routes.js';
import { scheduleJobs } from './schedule.jobs.js';
import { scheduleRoutes } from './schedule.routes.js';
import { structureRoutes } from './structure.routes.js';

export { seedDemoClasses, type DemoClassesPeople } from './demo.service.js';
export {
  requireVisibleStudent,
  visibleTo,
  type CabinetViewer,
  type VisibleStudent,
} from './student-visibility.js';
export { listOffers as listSubscriptionOffers } from './cabinet.repo.js';

/** Jobs of the classes module (materializing lessons ahead). */
export const classesJobs: JobDefinition<AppContext>[] = [...scheduleJobs];

/** Students and families, the centre's structure, the schedule, attendance and the cabinet. */
export async function classesModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  await structureRoutes(app, ctx, guards);
  await scheduleRoutes(app, ctx, guards);
  await attendanceRoutes(app, ctx, guards);
  cabinetRoutes(app, ctx, guards);
}

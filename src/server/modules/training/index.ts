import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { courseOffersRoutes } from './course-offers.routes.js';

export {
  grantCourseAccess,
  quoteCourseAccess,
  type CourseAccessGrant,
  type GrantCourseAccessOptions,
} from './course-access.service.js';

/** Online training: course offers sold online and the access they grant (docs/payments.md). */
export function trainingModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  courseOffersRoutes(app, ctx, guards);
}

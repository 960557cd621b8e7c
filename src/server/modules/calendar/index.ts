import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { calendarRoutes } from './calendar.routes.js';

export { loadWorkCalendar, buildWorkCalendar, type WorkCalendar } from './work-calendar.js';
export { RUSSIAN_PRODUCTION_CALENDAR, yearStatus } from './production-calendar.js';
export { localDay, startOfDay, zonedInstant } from './zoned-time.js';

/** The working-day calendar: staff edits of days and working hours. */
export function calendarModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  calendarRoutes(app, ctx, guards);
}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';

/** The working-day calendar: staff edits of days and working hours. */
export async function calendarModule(
  _app: FastifyInstance,
  _options: { ctx: AppContext; guards: Guards },
) {
  // Routes are registered here as the module grows.
}

export { loadWorkCalendar, type WorkCalendar } from './work-calendar.js';

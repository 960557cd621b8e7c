import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCalendarDay,
  ZCalendarDayParams,
  ZCalendarYear,
  ZCalendarYearQuery,
  ZEditCalendarDay,
  ZWorkingHours,
} from '../../../shared/contracts/calendar.js';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import {
  changeWorkingHours,
  editCalendarDay,
  getCalendarYear,
  resetCalendarDay,
} from './calendar.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse };

function actorOf(request: FastifyRequest) {
  // The guard let only signed-in staff through.
  if (!request.user) throw new AppError('unauthenticated');
  return { id: request.user.id, ip: request.ip };
}

/** Staff console: the organization's working-day calendar and working hours. */
export function calendarRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const anyStaff = guards.requireStaff();
  const ownersAndAdmins = guards.requireStaff('owner', 'admin');
  const tags = ['calendar'];

  r.get(
    '/api/staff/calendar',
    {
      schema: {
        tags,
        summary: 'Every day of a year: working, shortened or off, with staff edits',
        querystring: ZCalendarYearQuery,
        response: { 200: ZCalendarYear, ...errors },
      },
      preHandler: anyStaff,
    },
    (request) => getCalendarYear(ctx, request.organization.id, request.query.year),
  );

  r.put(
    '/api/staff/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Set what a day is for this organization (audited)',
        params: ZCalendarDayParams,
        body: ZEditCalendarDay,
        response: { 200: ZCalendarDay, ...errors },
      },
      preHandler: ownersAndAdmins,
    },
    (request) =>
      editCalendarDay(
        ctx,
        request.organization.id,
        request.params.date,
        request.body,
        actorOf(request),
      ),
  );

  r.delete(
    '/api/staff/calendar/days/:date',
    {
      schema: {
        tags,
        summary: 'Restore the official production calendar for a day (audited)',
        params: ZCalendarDayParams,
        response: { 200: ZCalendarDay, ...errors },
      },
      preHandler: ownersAndAdmins,
    },
    (request) =>
      resetCalendarDay(ctx, request.organization.id, request.params.date, actorOf(request)),
  );

  r.put(
    '/api/staff/calendar/hours',
    {
      schema: {
        tags,
        summary: 'Set the time zone and working hours (audited)',
        body: ZWorkingHours,
        response: { 200: ZWorkingHours, ...errors },
      },
      preHandler: ownersAndAdmins,
    },
    (request) => changeWorkingHours(ctx, request.organization.id, request.body, actorOf(request)),
  );
}

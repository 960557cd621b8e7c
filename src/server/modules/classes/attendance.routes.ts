import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAttendanceDayQuery,
  ZAttendanceDayResponse,
  ZLessonParams,
  ZMarkAttendanceRequest,
  ZMarkAttendanceResponse,
  ZRosterResponse,
} from '../../../shared/contracts/attendance.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import {
  getRoster,
  listDayLessons,
  markAttendance,
  type AttendanceActor,
} from './attendance.service.js';
import { classesErrors as errors, SCHEDULE_READER_ROLES } from './classes-http.js';

const tags = ['attendance'];

function attendanceActor(request: FastifyRequest): AttendanceActor {
  const user = request.user;
  if (!user?.staffRole) throw new AppError('forbidden');
  return { id: user.id, staffRole: user.staffRole, ip: request.ip };
}

/**
 * Attendance marking: owner, admin and manager mark any lesson; a teacher only lessons of the
 * groups (or lessons) whose teacher is linked to their account — other lessons answer 404.
 */
export function attendanceRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  guards: Guards,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const markers = guards.requireStaff(...SCHEDULE_READER_ROLES);
  const base = '/api/staff/attendance/lessons';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: "The day's lessons (organization time zone) with marked and enrolled counts",
        querystring: ZAttendanceDayQuery,
        response: { 200: ZAttendanceDayResponse, ...errors },
      },
      preHandler: markers,
    },
    (request) =>
      listDayLessons(ctx, {
        organizationId: request.organization.id,
        timeZone: request.organization.timezone,
        actor: attendanceActor(request),
        ...(request.query.date ? { date: request.query.date } : {}),
      }),
  );

  r.get(
    `${base}/:lessonId`,
    {
      schema: {
        tags,
        summary: "A lesson's roster: enrolled and marked students, marks and charge explanations",
        params: ZLessonParams,
        response: { 200: ZRosterResponse, ...errors },
      },
      preHandler: markers,
    },
    (request) =>
      getRoster(ctx, {
        organizationId: request.organization.id,
        lessonId: request.params.lessonId,
        actor: attendanceActor(request),
        locale: request.user?.locale ?? 'ru',
      }),
  );

  r.put(
    `${base}/:lessonId`,
    {
      schema: {
        tags,
        summary: 'Mark a whole group in one request; changed statuses re-run charging',
        description:
          'Idempotent: repeating the same marks changes nothing. Students left out keep their ' +
          'marks. A cancelled lesson answers `attendance_lesson_cancelled`.',
        params: ZLessonParams,
        body: ZMarkAttendanceRequest,
        response: { 200: ZMarkAttendanceResponse, ...errors },
      },
      preHandler: markers,
    },
    (request) =>
      markAttendance(ctx, {
        organizationId: request.organization.id,
        lessonId: request.params.lessonId,
        actor: attendanceActor(request),
        marks: request.body.marks,
        locale: request.user?.locale ?? 'ru',
      }),
  );
  // The module registers plugins in order and awaits each; these routes need nothing async.
  return Promise.resolve();
}

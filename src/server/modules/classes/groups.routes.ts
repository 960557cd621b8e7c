import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreateEnrollmentRequest,
  ZEnrollment,
  ZEnrollmentListResponse,
  ZGroup,
  ZGroupInput,
  ZGroupListQuery,
  ZGroupListResponse,
  ZUpdateEnrollmentRequest,
} from '../../../shared/contracts/classes.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { localDay } from '../calendar/index.js';
import {
  CLASSES_TAGS as tags,
  classesErrors as errors,
  SCHEDULE_READER_ROLES,
  staffActor,
  WRITER_ROLES,
} from './classes-http.js';
import { listEnrollments } from './enrollments.repo.js';
import { createEnrollment, updateEnrollment } from './enrollments.service.js';
import { findGroupRow, getGroup, listGroups, saveGroup } from './groups.service.js';

/** Groups and enrolments. */
export function groupsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writers = guards.requireStaff(...WRITER_ROLES);
  const readers = guards.requireStaff(...SCHEDULE_READER_ROLES);
  const base = '/api/staff/classes/groups';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Groups (archived ones on request)',
        querystring: ZGroupListQuery,
        response: { 200: ZGroupListResponse, ...errors },
      },
      preHandler: readers,
    },
    async (request) => {
      const { organization, query } = request;
      const today = localDay(new Date(), organization.timezone);
      return { groups: await listGroups(ctx.db, organization.id, today, query) };
    },
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a group',
        body: ZGroupInput,
        response: { 201: ZGroup, ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await saveGroup(
            ctx,
            request.organization.id,
            null,
            request.body,
            request.organization.timezone,
          ),
        ),
  );
  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One group',
        params: ZIdParams,
        response: { 200: ZGroup, ...errors },
      },
      preHandler: readers,
    },
    (request) =>
      getGroup(ctx.db, request.organization.id, request.params.id, request.organization.timezone),
  );
  r.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit a group (its future lessons follow its dates and holiday setting)',
        params: ZIdParams,
        body: ZGroupInput,
        response: { 200: ZGroup, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      saveGroup(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        request.organization.timezone,
      ),
  );
  r.get(
    `${base}/:id/enrollments`,
    {
      schema: {
        tags,
        summary: "A group's enrolments",
        params: ZIdParams,
        response: { 200: ZEnrollmentListResponse, ...errors },
      },
      preHandler: readers,
    },
    async (request) => {
      await findGroupRow(ctx.db, request.organization.id, request.params.id);
      return {
        enrollments: await listEnrollments(ctx.db, request.organization.id, {
          groupId: request.params.id,
        }),
      };
    },
  );
  r.post(
    '/api/staff/classes/enrollments',
    {
      schema: {
        tags,
        summary: 'Enrol a student into a group (a one-time fee is charged at once)',
        body: ZCreateEnrollmentRequest,
        response: { 201: ZEnrollment, ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createEnrollment(
            ctx,
            request.organization.id,
            request.body,
            staffActor(request).id,
          ),
        ),
  );
  r.patch(
    '/api/staff/classes/enrollments/:id',
    {
      schema: {
        tags,
        summary: "Change an enrolment's dates",
        params: ZIdParams,
        body: ZUpdateEnrollmentRequest,
        response: { 200: ZEnrollment, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      updateEnrollment(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        staffActor(request).id,
      ),
  );
}

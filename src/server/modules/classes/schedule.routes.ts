import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCancelLessonRequest,
  ZClassesSettings,
  ZExtraLessonRequest,
  ZLesson,
  ZLessonListQuery,
  ZLessonListResponse,
  ZMoveLessonRequest,
  ZRuleParams,
  ZScheduleRule,
  ZScheduleRuleInput,
  ZScheduleRuleListResponse,
} from '../../../shared/contracts/classes.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { startOfDay } from '../calendar/index.js';
import { getClassesSettings, saveClassesSettings } from './classes-settings.service.js';
import {
  CLASSES_TAGS as tags,
  classesErrors as errors,
  SCHEDULE_READER_ROLES,
  staffActor,
  WRITER_ROLES,
} from './classes-http.js';
import { listLessons } from './lessons.repo.js';
import { addExtraLesson, cancelLesson, moveLesson, restoreLesson } from './lessons.service.js';
import { addDays } from './rule-occurrences.js';
import { deleteRule, listRules, saveRule } from './schedule.service.js';

/** Weekly rules, lessons (cancel, restore, move, extra) and the classes settings. */
export async function scheduleRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writers = guards.requireStaff(...WRITER_ROLES);
  const readers = guards.requireStaff(...SCHEDULE_READER_ROLES);
  const admins = guards.requireStaff('owner', 'admin');
  const rules = '/api/staff/classes/groups/:id/rules';
  const lessons = '/api/staff/classes/lessons';

  r.get(
    rules,
    {
      schema: {
        tags,
        summary: "A group's weekly rules",
        params: ZIdParams,
        response: { 200: ZScheduleRuleListResponse, ...errors },
      },
      preHandler: readers,
    },
    async (request) => ({
      rules: await listRules(ctx.db, request.organization.id, request.params.id),
    }),
  );
  r.post(
    rules,
    {
      schema: {
        tags,
        summary: 'Add a weekly rule; its lessons are created 10 weeks ahead',
        params: ZIdParams,
        body: ZScheduleRuleInput,
        response: { 201: ZScheduleRule, ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await saveRule(
            ctx,
            request.organization.id,
            request.params.id,
            null,
            request.body,
            staffActor(request).id,
          ),
        ),
  );
  r.put(
    `${rules}/:ruleId`,
    {
      schema: {
        tags,
        summary: 'Edit a weekly rule; untouched future lessons follow it',
        params: ZRuleParams,
        body: ZScheduleRuleInput,
        response: { 200: ZScheduleRule, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      saveRule(
        ctx,
        request.organization.id,
        request.params.id,
        request.params.ruleId,
        request.body,
        staffActor(request).id,
      ),
  );
  r.delete(
    `${rules}/:ruleId`,
    {
      schema: {
        tags,
        summary: 'Delete a weekly rule with its untouched future lessons',
        params: ZRuleParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) => {
      await deleteRule(
        ctx,
        request.organization.id,
        request.params.id,
        request.params.ruleId,
        staffActor(request).id,
      );
      return reply.status(204).send(null);
    },
  );

  r.get(
    lessons,
    {
      schema: {
        tags,
        summary: 'Lessons on local days from…to (the organization time zone)',
        querystring: ZLessonListQuery,
        response: { 200: ZLessonListResponse, ...errors },
      },
      preHandler: readers,
    },
    async (request) => {
      const { organization, query } = request;
      const timeZone = organization.timezone;
      return {
        timeZone,
        lessons: await listLessons(ctx.db, organization.id, {
          from: startOfDay(query.from, timeZone),
          to: startOfDay(addDays(query.to, 1), timeZone),
          groupId: query.groupId,
          teacherId: query.teacherId,
        }),
      };
    },
  );
  r.post(
    '/api/staff/classes/groups/:id/lessons',
    {
      schema: {
        tags,
        summary: 'Add an extra lesson to a group',
        params: ZIdParams,
        body: ZExtraLessonRequest,
        response: { 201: ZLesson, ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addExtraLesson(
            ctx,
            request.organization.id,
            request.params.id,
            request.body,
            staffActor(request).id,
            request.organization.timezone,
          ),
        ),
  );
  r.post(
    `${lessons}/:id/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel a lesson (its visits are re-charged)',
        params: ZIdParams,
        body: ZCancelLessonRequest,
        response: { 200: ZLesson, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      cancelLesson(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        staffActor(request).id,
      ),
  );
  r.post(
    `${lessons}/:id/restore`,
    {
      schema: {
        tags,
        summary: 'Hold a cancelled lesson after all',
        params: ZIdParams,
        response: { 200: ZLesson, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      restoreLesson(ctx, request.organization.id, request.params.id, staffActor(request).id),
  );
  r.post(
    `${lessons}/:id/move`,
    {
      schema: {
        tags,
        summary: 'Move a lesson to another local day and time',
        params: ZIdParams,
        body: ZMoveLessonRequest,
        response: { 200: ZLesson, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      moveLesson(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        staffActor(request).id,
        request.organization.timezone,
      ),
  );

  r.get(
    '/api/staff/classes/settings',
    {
      schema: {
        tags,
        summary: 'Thresholds of the cabinet blocks and debt settlement',
        response: { 200: ZClassesSettings, ...errors },
      },
      preHandler: writers,
    },
    (request) => getClassesSettings(ctx.db, request.organization.id),
  );
  r.put(
    '/api/staff/classes/settings',
    {
      schema: {
        tags,
        summary: 'Change the thresholds of the cabinet blocks and debt settlement',
        body: ZClassesSettings,
        response: { 200: ZClassesSettings, ...errors },
      },
      preHandler: admins,
    },
    (request) =>
      saveClassesSettings(ctx, request.organization.id, request.body, staffActor(request).id),
  );
  await Promise.resolve();
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateStudentRequest,
  ZLinkStudentAccountRequest,
  ZMergeStudentsRequest,
  ZOpenStudentAccessRequest,
  ZOpenStudentAccessResponse,
  ZStudent,
  ZStudentAccount,
  ZStudentAccountParams,
  ZStudentCard,
  ZStudentListQuery,
  ZStudentListResponse,
  ZUpdateStudentRequest,
} from '../../../shared/contracts/classes.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import {
  CLASSES_TAGS as tags,
  classesErrors as errors,
  staffActor,
  WRITER_ROLES,
} from './classes-http.js';
import {
  linkStudentAccountByEmail,
  openStudentAccess,
  unlinkStudentAccount,
} from './student-accounts.service.js';
import { mergeStudents } from './student-merge.service.js';
import { createStudent, findStudents, getStudentCard, updateStudent } from './students.service.js';

/** Students, the accounts that see them, and merging duplicates. */
export function studentsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writers = guards.requireStaff(...WRITER_ROLES);
  const base = '/api/staff/classes/students';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Find students by name, email or phone',
        querystring: ZStudentListQuery,
        response: { 200: ZStudentListResponse, ...errors },
      },
      preHandler: writers,
    },
    (request) => findStudents(ctx.db, request.organization.id, request.query),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Add a student',
        body: ZCreateStudentRequest,
        response: { 201: ZStudent, ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) =>
      reply.status(201).send(await createStudent(ctx, request.organization.id, request.body)),
  );
  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "A student's card: contacts, family, accounts, enrolments",
        params: ZIdParams,
        response: { 200: ZStudentCard, ...errors },
      },
      preHandler: writers,
    },
    (request) => getStudentCard(ctx.db, request.organization.id, request.params.id),
  );
  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "Edit a student's contacts or switch their cabinet access",
        params: ZIdParams,
        body: ZUpdateStudentRequest,
        response: { 200: ZStudent, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      updateStudent(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        staffActor(request).id,
      ),
  );
  r.post(
    `${base}/:id/accounts`,
    {
      schema: {
        tags,
        summary: 'Let an existing account (by email) see the student',
        params: ZIdParams,
        body: ZLinkStudentAccountRequest,
        response: { 200: ZStudentAccount, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      linkStudentAccountByEmail(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        staffActor(request).id,
      ),
  );
  r.post(
    `${base}/:id/open-access`,
    {
      schema: {
        tags,
        summary: 'Open cabinet access: invite a person and let them see the student',
        params: ZIdParams,
        body: ZOpenStudentAccessRequest,
        response: { 200: ZOpenStudentAccessResponse, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      openStudentAccess(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        staffActor(request),
      ),
  );
  r.delete(
    `${base}/:id/accounts/:userId`,
    {
      schema: {
        tags,
        summary: 'Stop an account seeing the student',
        params: ZStudentAccountParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) => {
      await unlinkStudentAccount(
        ctx,
        request.organization.id,
        request.params.id,
        request.params.userId,
        staffActor(request).id,
      );
      return reply.status(204).send(null);
    },
  );
  r.post(
    `${base}/:id/merge`,
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into this student',
        params: ZIdParams,
        body: ZMergeStudentsRequest,
        response: { 200: ZStudentCard, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      mergeStudents(
        ctx,
        request.organization.id,
        request.params.id,
        request.body.duplicateId,
        staffActor(request).id,
      ),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCreateFamilyRequest,
  ZFamily,
  ZFamilyListQuery,
  ZFamilyListResponse,
  ZFamilyMemberParams,
  ZFamilyMemberRequest,
  ZRenameFamilyRequest,
} from '../../../shared/contracts/classes.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { CLASSES_TAGS as tags, classesErrors as errors, WRITER_ROLES } from './classes-http.js';
import {
  addFamilyMember,
  createFamily,
  listFamilies,
  removeFamilyMember,
  renameFamily,
} from './families.service.js';

/** Families: siblings who may share a subscription. */
export function familiesRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const writers = guards.requireStaff(...WRITER_ROLES);
  const base = '/api/staff/classes/families';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Families by name',
        querystring: ZFamilyListQuery,
        response: { 200: ZFamilyListResponse, ...errors },
      },
      preHandler: writers,
    },
    async (request) => ({
      families: await listFamilies(ctx.db, request.organization.id, request.query.q),
    }),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a family, optionally with its members',
        body: ZCreateFamilyRequest,
        response: { 201: ZFamily, ...errors },
      },
      preHandler: writers,
    },
    async (request, reply) =>
      reply.status(201).send(await createFamily(ctx, request.organization.id, request.body)),
  );
  r.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Rename a family',
        params: ZIdParams,
        body: ZRenameFamilyRequest,
        response: { 200: ZFamily, ...errors },
      },
      preHandler: writers,
    },
    (request) => renameFamily(ctx, request.organization.id, request.params.id, request.body.name),
  );
  r.post(
    `${base}/:id/members`,
    {
      schema: {
        tags,
        summary: 'Put a student into the family',
        params: ZIdParams,
        body: ZFamilyMemberRequest,
        response: { 200: ZFamily, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      addFamilyMember(ctx, request.organization.id, request.params.id, request.body.studentId),
  );
  r.delete(
    `${base}/:id/members/:studentId`,
    {
      schema: {
        tags,
        summary: 'Take a student out of the family',
        params: ZFamilyMemberParams,
        response: { 200: ZFamily, ...errors },
      },
      preHandler: writers,
    },
    (request) =>
      removeFamilyMember(ctx, request.organization.id, request.params.id, request.params.studentId),
  );
}

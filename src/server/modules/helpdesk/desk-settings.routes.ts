import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZCannedResponse,
  ZCannedResponseInput,
  ZCannedResponseListResponse,
  ZDepartment,
  ZDepartmentInput,
  ZHelpdeskSettings,
  ZSupportLevel,
  ZSupportLevelInput,
  ZTicketField,
  ZTicketFieldInput,
} from '../../../shared/contracts/helpdesk-staff.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import {
  createCannedResponse,
  deleteCannedResponse,
  listCannedResponses,
  updateCannedResponse,
} from './canned.service.js';
import { ASSIGNABLE_ROLES } from './desk-actions.service.js';
import { deskActor } from './desk.routes.js';
import {
  deleteDepartment,
  deleteSupportLevel,
  deleteTicketField,
  getHelpdeskSettings,
  saveDepartment,
  saveSupportLevel,
  saveTicketField,
} from './helpdesk-settings.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

/** A settings collection: list comes from GET settings; create, update and delete here. */
interface Collection<Input extends z.ZodType, Output extends z.ZodType> {
  path: string;
  name: string;
  input: Input;
  output: Output;
  save: (
    ctx: AppContext,
    organizationId: string,
    id: string | null,
    input: z.input<Input>,
  ) => Promise<z.infer<Output>>;
  remove: (ctx: AppContext, organizationId: string, id: string) => Promise<void>;
}

/** Canned responses (every agent reads, managers and admins write) and the help-desk settings. */
export function deskSettingsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const desk = guards.requireStaff(...ASSIGNABLE_ROLES);
  const editors = guards.requireStaff('owner', 'admin', 'manager');
  const admins = guards.requireStaff('owner', 'admin');
  const tags = ['staff'];

  r.get(
    '/api/staff/helpdesk/canned-responses',
    {
      schema: {
        tags,
        summary: 'Canned responses by title',
        response: { 200: ZCannedResponseListResponse, ...errors },
      },
      preHandler: desk,
    },
    async (request) => ({ responses: await listCannedResponses(ctx.db, request.organization.id) }),
  );
  r.post(
    '/api/staff/helpdesk/canned-responses',
    {
      schema: {
        tags,
        summary: 'Add a canned response',
        body: ZCannedResponseInput,
        response: { 201: ZCannedResponse, ...errors },
      },
      preHandler: editors,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createCannedResponse(
            ctx,
            request.organization.id,
            deskActor(request).id,
            request.body,
          ),
        ),
  );
  r.put(
    '/api/staff/helpdesk/canned-responses/:id',
    {
      schema: {
        tags,
        summary: 'Edit a canned response',
        params: ZIdParams,
        body: ZCannedResponseInput,
        response: { 200: ZCannedResponse, ...errors },
      },
      preHandler: editors,
    },
    (request) =>
      updateCannedResponse(ctx, request.organization.id, request.params.id, request.body),
  );
  r.delete(
    '/api/staff/helpdesk/canned-responses/:id',
    {
      schema: {
        tags,
        summary: 'Delete a canned response',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: editors,
    },
    async (request, reply) => {
      await deleteCannedResponse(ctx, request.organization.id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/staff/helpdesk/settings',
    {
      schema: {
        tags,
        summary:
          'Departments, support levels, ticket fields, canned responses (every agent reads them for filters; owners and admins change them)',
        response: { 200: ZHelpdeskSettings, ...errors },
      },
      preHandler: desk,
    },
    (request) => getHelpdeskSettings(ctx, request.organization.id),
  );

  const collections = [
    {
      path: 'departments',
      name: 'department',
      input: ZDepartmentInput,
      output: ZDepartment,
      save: saveDepartment,
      remove: deleteDepartment,
    },
    {
      path: 'support-levels',
      name: 'support level',
      input: ZSupportLevelInput,
      output: ZSupportLevel,
      save: saveSupportLevel,
      remove: deleteSupportLevel,
    },
    {
      path: 'ticket-fields',
      name: 'ticket field',
      input: ZTicketFieldInput,
      output: ZTicketField,
      save: saveTicketField,
      remove: deleteTicketField,
    },
  ] as Collection<z.ZodType, z.ZodType>[];

  for (const collection of collections) {
    const base = `/api/staff/helpdesk/${collection.path}`;
    r.post(
      base,
      {
        schema: {
          tags,
          summary: `Add a ${collection.name}`,
          body: collection.input,
          response: { 201: collection.output, ...errors },
        },
        preHandler: admins,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await collection.save(ctx, request.organization.id, null, request.body)),
    );
    r.put(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Edit a ${collection.name}`,
          params: ZIdParams,
          body: collection.input,
          response: { 200: collection.output, ...errors },
        },
        preHandler: admins,
      },
      (request) => collection.save(ctx, request.organization.id, request.params.id, request.body),
    );
    r.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `Delete a ${collection.name}`,
          params: ZIdParams,
          response: { 204: z.null(), ...errors },
        },
        preHandler: admins,
      },
      async (request, reply) => {
        await collection.remove(ctx, request.organization.id, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }
}

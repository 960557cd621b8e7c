import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import {
  ZStaffAgentsResponse,
  ZStaffAssignRequest,
  ZStaffBulkRequest,
  ZStaffBulkResponse,
  ZStaffMergeRequest,
  ZStaffMessageRequest,
  ZStaffQueueQuery,
  ZStaffQueueResponse,
  ZStaffStatusRequest,
  ZStaffTicketDetail,
  ZStaffTicketUpdateRequest,
  ZTicketNumberParams,
} from '../../../shared/contracts/helpdesk-staff.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { users } from '../access/access.schema.js';
import type { Guards } from '../access/index.js';
import { runBulkAction } from './bulk.service.js';
import {
  ASSIGNABLE_ROLES,
  assignTicket,
  updateTicketAttributes,
  type DeskActor,
} from './desk-actions.service.js';
import { deskSettingsRoutes } from './desk-settings.routes.js';
import { getStaffTicket } from './desk-ticket.service.js';
import { mergeTickets } from './merge.service.js';
import { listQueue } from './queue.service.js';
import { addStaffMessage, changeTicketStatus } from './tickets.service.js';

export const deskErrors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  422: ZErrorResponse,
};

/** The signed-in staff member as a desk actor. */
export function deskActor(request: FastifyRequest): DeskActor {
  const user = request.user;
  if (!user?.staffRole) throw new AppError('forbidden');
  return { id: user.id, displayName: user.displayName };
}

/** The staff queue, one ticket, its actions, merge and bulk actions; settings in their file. */
export function deskRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const desk = guards.requireStaff(...ASSIGNABLE_ROLES);
  const tags = ['staff'];
  const detail = (request: FastifyRequest, number: number) =>
    getStaffTicket(ctx, request.organization, number);

  r.get(
    '/api/staff/helpdesk/tickets',
    {
      schema: {
        tags,
        summary: 'The ticket queue with filters, SLA flags and keyset pagination',
        querystring: ZStaffQueueQuery,
        response: { 200: ZStaffQueueResponse, ...deskErrors },
      },
      preHandler: desk,
    },
    (request) => listQueue(ctx, request.organization, deskActor(request).id, request.query),
  );

  r.get(
    '/api/staff/helpdesk/tickets/:number',
    {
      schema: {
        tags,
        summary: 'One ticket: conversation with internal notes, attachments, history, SLA',
        params: ZTicketNumberParams,
        response: { 200: ZStaffTicketDetail, ...deskErrors },
      },
      preHandler: desk,
    },
    (request) => detail(request, request.params.number),
  );

  r.post(
    '/api/staff/helpdesk/tickets/:number/messages',
    {
      schema: {
        tags,
        summary: 'Reply, internal note, «Предложить решение», «Запросить информацию» or «Решено»',
        params: ZTicketNumberParams,
        body: ZStaffMessageRequest,
        response: { 200: ZStaffTicketDetail, ...deskErrors },
      },
      preHandler: desk,
    },
    async (request) => {
      const { body } = request;
      await addStaffMessage(ctx, {
        organization: request.organization,
        ticketNumber: request.params.number,
        author: deskActor(request),
        body: body.body,
        internal: body.internal,
        action: body.action,
        attachmentIds: body.attachmentIds,
      });
      return detail(request, request.params.number);
    },
  );

  r.post(
    '/api/staff/helpdesk/tickets/:number/status',
    {
      schema: {
        tags,
        summary: 'Change the status without a message (take into work, resolve, close, reopen)',
        params: ZTicketNumberParams,
        body: ZStaffStatusRequest,
        response: { 200: ZStaffTicketDetail, ...deskErrors },
      },
      preHandler: desk,
    },
    async (request) => {
      await changeTicketStatus(ctx, {
        organization: request.organization,
        ticketNumber: request.params.number,
        actor: deskActor(request),
        to: request.body.to,
      });
      return detail(request, request.params.number);
    },
  );

  r.post(
    '/api/staff/helpdesk/tickets/:number/assign',
    {
      schema: {
        tags,
        summary: 'Assign to a staff member, or unassign with null',
        params: ZTicketNumberParams,
        body: ZStaffAssignRequest,
        response: { 200: ZStaffTicketDetail, ...deskErrors },
      },
      preHandler: desk,
    },
    async (request) => {
      await assignTicket(
        ctx,
        request.organization,
        deskActor(request),
        request.params.number,
        request.body.assigneeId,
      );
      return detail(request, request.params.number);
    },
  );

  r.patch(
    '/api/staff/helpdesk/tickets/:number',
    {
      schema: {
        tags,
        summary: 'Change priority, department or type (each change is a history event)',
        params: ZTicketNumberParams,
        body: ZStaffTicketUpdateRequest,
        response: { 200: ZStaffTicketDetail, ...deskErrors },
      },
      preHandler: desk,
    },
    async (request) => {
      await updateTicketAttributes(
        ctx,
        request.organization,
        deskActor(request),
        request.params.number,
        request.body,
      );
      return detail(request, request.params.number);
    },
  );

  r.post(
    '/api/staff/helpdesk/tickets/:number/merge',
    {
      schema: {
        tags,
        summary: 'Merge this duplicate into another ticket; returns the target',
        description:
          '409 ticket_merge_needs_confirmation for tickets of different customers without confirmDifferentCustomers; 409 ticket_merge_invalid for the same ticket, a closed target or an already merged ticket.',
        params: ZTicketNumberParams,
        body: ZStaffMergeRequest,
        response: { 200: ZStaffTicketDetail, ...deskErrors },
      },
      preHandler: desk,
    },
    async (request) => {
      await mergeTickets(ctx, request.organization, deskActor(request), {
        number: request.params.number,
        into: request.body.into,
        confirmDifferentCustomers: request.body.confirmDifferentCustomers,
      });
      return detail(request, request.body.into);
    },
  );

  r.post(
    '/api/staff/helpdesk/tickets/bulk',
    {
      schema: {
        tags,
        summary: 'One action on many tickets (assign, status, priority, department), set-based',
        body: ZStaffBulkRequest,
        response: { 200: ZStaffBulkResponse, ...deskErrors },
      },
      preHandler: desk,
      bodyLimit: 1024 * 1024,
    },
    (request) => runBulkAction(ctx, request.organization, deskActor(request), request.body),
  );

  r.get(
    '/api/staff/helpdesk/agents',
    {
      schema: {
        tags,
        summary: 'Staff members tickets can be assigned to',
        response: { 200: ZStaffAgentsResponse, ...deskErrors },
      },
      preHandler: desk,
    },
    async (request) => {
      const rows = await ctx.db
        .select({ id: users.id, displayName: users.displayName, role: users.staffRole })
        .from(users)
        .where(
          and(
            eq(users.organizationId, request.organization.id),
            inArray(users.staffRole, [...ASSIGNABLE_ROLES]),
          ),
        )
        .orderBy(asc(users.displayName));
      return { agents: rows.map((row) => ({ ...row, role: row.role ?? '' })) };
    },
  );

  deskSettingsRoutes(app, ctx, guards);
}

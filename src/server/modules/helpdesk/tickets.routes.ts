import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import {
  ZCreateTicketRequest,
  ZCreateTicketResponse,
  ZHelpdeskPreferences,
  ZTicketDetail,
  ZTicketFormResponse,
  ZTicketListQuery,
  ZTicketListResponse,
  ZTicketNumberParams,
  ZTicketReplyRequest,
  ZTicketReplyResponse,
} from '../../../shared/contracts/helpdesk-tickets.js';
import type { SessionUser } from '../../../shared/contracts/session.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { localeOfUser } from './helpdesk-mails.js';
import { ensureHelpdeskDefaults } from './helpdesk-defaults.js';
import { getHelpdeskPreferences, saveHelpdeskPreferences } from './preferences.service.js';
import { createTicket } from './ticket-create.js';
import { closeAsCustomer, reopenAsCustomer, replyAsCustomer } from './ticket-customer.js';
import { getTicketForm } from './ticket-form.js';
import { getCustomerTicket, listCustomerTickets } from './ticket-view.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  413: ZErrorResponse,
  422: ZErrorResponse,
};

const userOf = (request: FastifyRequest): SessionUser => {
  // requireUser ran first; this only narrows the type.
  if (!request.user) throw new Error('requireUser missing');
  return request.user;
};

/** Idempotency keys are opaque client strings; bounded so they cannot bloat the index. */
const ZIdempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(8).max(200).optional(),
});

/** The customer's side of tickets: form, create, list, view, reply, close, reopen, preferences. */
export function ticketRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = guards.requireUser;

  r.get(
    '/api/helpdesk/form',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'What the new-ticket form needs: valid certificates, fields, types, limits',
        response: { 200: ZTicketFormResponse, ...errors },
      },
      preHandler,
    },
    (request) => getTicketForm(ctx, request.organization, userOf(request)),
  );

  r.post(
    '/api/helpdesk/tickets',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'File a ticket (attachments uploaded first); idempotent by Idempotency-Key',
        description:
          'Without a certificate the ticket gets priority low and the general department. ' +
          'A retry with the same Idempotency-Key header or clientRequestId returns the same ' +
          'ticket. Errors: 422 ticket_certificate_invalid, 422 ticket_attachment_invalid, ' +
          '413 too_many_files (details.maxFiles), 400 validation_failed (required fields).',
        headers: ZIdempotencyHeaders,
        body: ZCreateTicketRequest,
        response: { 201: ZCreateTicketResponse, ...errors },
      },
      preHandler,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const ticket = await createTicket(ctx, request.organization, userOf(request), request.body, {
        idempotencyKey: request.headers['idempotency-key'] ?? null,
      });
      return reply.status(201).send(ticket);
    },
  );

  r.get(
    '/api/helpdesk/tickets',
    {
      schema: {
        tags: ['helpdesk'],
        summary: '«Мои обращения»: filter, search, sort, pages; resolved hidden by default',
        querystring: ZTicketListQuery,
        response: { 200: ZTicketListResponse, ...errors },
      },
      preHandler,
    },
    async (request) => {
      const user = userOf(request);
      await ensureHelpdeskDefaults(ctx.db, request.organization.id);
      return listCustomerTickets(ctx.db, {
        organizationId: request.organization.id,
        customerId: user.id,
        locale: localeOfUser(user),
        query: request.query,
      });
    },
  );

  r.get(
    '/api/helpdesk/tickets/:number',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'A ticket with its conversation (no internal notes) and whether it can reopen',
        params: ZTicketNumberParams,
        response: { 200: ZTicketDetail, ...errors },
      },
      preHandler,
    },
    (request) => {
      const user = userOf(request);
      return getCustomerTicket(ctx.db, {
        organization: request.organization,
        customerId: user.id,
        number: request.params.number,
        locale: localeOfUser(user),
        now: new Date(),
      });
    },
  );

  r.post(
    '/api/helpdesk/tickets/:number/messages',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'Reply; reopens a waiting/resolved ticket; after the window starts a new one',
        description:
          'A reply to a ticket closed longer ago than its reopen window creates a new ticket ' +
          'linked to it: createdNewTicket is true and number is the new ticket.',
        params: ZTicketNumberParams,
        body: ZTicketReplyRequest,
        response: { 201: ZTicketReplyResponse, ...errors },
      },
      preHandler,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await replyAsCustomer(ctx, request.organization, userOf(request), {
        number: request.params.number,
        body: request.body.body,
        attachmentIds: request.body.attachmentIds,
      });
      return reply.status(201).send(result);
    },
  );

  const statusAction = (
    path: string,
    summary: string,
    description: string,
    run: typeof closeAsCustomer,
  ) =>
    r.post(
      path,
      {
        schema: {
          tags: ['helpdesk'],
          summary,
          description,
          params: ZTicketNumberParams,
          response: { 200: ZTicketDetail, ...errors },
        },
        preHandler,
      },
      async (request) => {
        const user = userOf(request);
        await run(ctx, request.organization, user, { number: request.params.number });
        return getCustomerTicket(ctx.db, {
          organization: request.organization,
          customerId: user.id,
          number: request.params.number,
          locale: localeOfUser(user),
          now: new Date(),
        });
      },
    );
  statusAction(
    '/api/helpdesk/tickets/:number/reopen',
    'Reopen a resolved ticket, or a closed one within its reopen window',
    'After the window: 409 ticket_reopen_expired (write a message instead: it starts a new ' +
      'ticket linked to this one). 409 ticket_transition_invalid when the ticket is not closed.',
    reopenAsCustomer,
  );
  statusAction(
    '/api/helpdesk/tickets/:number/close',
    'Close the ticket myself',
    'The closing email says until when it can be reopened.',
    closeAsCustomer,
  );

  r.get(
    '/api/helpdesk/preferences',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'My choice of non-essential help-desk emails',
        response: { 200: ZHelpdeskPreferences, ...errors },
      },
      preHandler,
    },
    (request) => getHelpdeskPreferences(ctx.db, userOf(request).id),
  );

  r.put(
    '/api/helpdesk/preferences',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'Change my choice of non-essential help-desk emails',
        body: ZHelpdeskPreferences,
        response: { 200: ZHelpdeskPreferences, ...errors },
      },
      preHandler,
    },
    (request) =>
      saveHelpdeskPreferences(ctx.db, {
        organizationId: request.organization.id,
        userId: userOf(request).id,
        preferences: request.body,
      }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZOutboxListQuery,
  ZOutboxListResponse,
  ZOutboxMessage,
} from '../../../shared/contracts/staff.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import type { OutboxRow } from './outbox.repo.js';
import { getOutboxMessage, listOutbox } from './outbox.service.js';

const summary = (row: OutboxRow) => ({
  id: row.id,
  toAddress: row.toAddress,
  toName: row.toName,
  subject: row.subject,
  template: row.template,
  locale: row.locale,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

/** Staff console: the email outbox of the organization (the delivery target without SMTP). */
export function outboxRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staffOnly = guards.requireStaff('owner', 'admin', 'manager', 'support_agent');

  r.get(
    '/api/staff/outbox',
    {
      schema: {
        tags: ['staff'],
        summary: 'Email outbox, newest first',
        querystring: ZOutboxListQuery,
        response: { 200: ZOutboxListResponse, ...errors },
      },
      preHandler: staffOnly,
    },
    async (request) => {
      const { before, limit } = request.query;
      const page = await listOutbox(ctx, request.organization.id, {
        ...(before ? { before } : {}),
        limit,
      });
      return { messages: page.messages.map(summary), nextBefore: page.nextBefore };
    },
  );

  r.get(
    '/api/staff/outbox/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'One email with its bodies',
        params: ZIdParams,
        response: { 200: ZOutboxMessage, ...errors },
      },
      preHandler: staffOnly,
    },
    async (request) => {
      const row = await getOutboxMessage(ctx, request.organization.id, request.params.id);
      return { ...summary(row), textBody: row.textBody, htmlBody: row.htmlBody };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../../shared/contracts/common.js';
import { ZSmsOutboxListQuery, ZSmsOutboxListResponse } from '../../../../shared/contracts/sms.js';
import type { AppContext } from '../../../infra/context.js';
import type { Guards } from '../../access/index.js';
import type { SmsOutboxRow } from './sms.repo.js';
import { listSmsOutbox } from './sms.service.js';

const toMessage = (row: SmsOutboxRow) => ({
  id: row.id,
  toPhone: row.toPhone,
  template: row.template,
  locale: row.locale,
  body: row.body,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  providerMessageId: row.providerMessageId,
  createdAt: row.createdAt.toISOString(),
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});

/** Staff console: the SMS outbox (the delivery target when no gateway is configured). */
export function smsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/sms-outbox',
    {
      schema: {
        tags: ['staff'],
        summary: 'SMS outbox, newest first',
        querystring: ZSmsOutboxListQuery,
        response: { 200: ZSmsOutboxListResponse, 401: ZErrorResponse, 403: ZErrorResponse },
      },
      preHandler: guards.requireStaff('owner', 'admin', 'manager', 'support_agent'),
    },
    async (request) => {
      const page = await listSmsOutbox(ctx, request.organization.id, request.query);
      return { messages: page.messages.map(toMessage), nextBefore: page.nextBefore };
    },
  );
}

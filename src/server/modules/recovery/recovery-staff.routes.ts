import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZRecoveryApproveRequest,
  ZRecoveryDocumentParams,
  ZRecoveryListQuery,
  ZRecoveryListResponse,
  ZRecoveryRejectRequest,
  ZRecoveryRequestDetail,
} from '../../../shared/contracts/recovery.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { approveRecoveryRequest, rejectRecoveryRequest, type Decider } from './decide.service.js';
import {
  getRecoveryRequest,
  listRecoveryQueue,
  openRecoveryDocument,
} from './staff-queue.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

// Documents are whatever people uploaded: never let the browser run or sniff them, and keep
// them from loading anything. Same-origin framing lets the console show them beside the form.
const DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'self'";

function deciderOf(request: FastifyRequest): Decider {
  const user = request.user;
  if (!user?.staffRole) throw new AppError('forbidden');
  return { id: user.id, role: user.staffRole, ip: request.ip };
}

/** Staff console: the queue of confirmed recovery requests, documents, decisions. */
export function recoveryStaffRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staffOnly = guards.requireStaff('owner', 'admin', 'manager', 'support_agent');

  r.get(
    '/api/staff/recovery-requests',
    {
      schema: {
        tags: ['staff'],
        summary: 'Confirmed account-recovery requests, newest first',
        querystring: ZRecoveryListQuery,
        response: { 200: ZRecoveryListResponse, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => listRecoveryQueue(ctx, request.organization.id, request.query),
  );

  r.get(
    '/api/staff/recovery-requests/:id',
    {
      schema: {
        tags: ['staff'],
        summary: 'One recovery request with its documents',
        params: ZIdParams,
        response: { 200: ZRecoveryRequestDetail, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => getRecoveryRequest(ctx, request.organization.id, request.params.id),
  );

  r.get(
    '/api/staff/recovery-requests/:id/documents/:docId',
    {
      schema: {
        tags: ['staff'],
        summary: 'A document, for viewing inline (its detected content type)',
        params: ZRecoveryDocumentParams,
        response: {
          200: z.string().meta({ description: 'The file (PDF, JPEG or PNG)', format: 'binary' }),
          ...errors,
        },
      },
      preHandler: staffOnly,
    },
    async (request, reply) => {
      const { id, docId } = request.params;
      const document = await openRecoveryDocument(ctx, request.organization.id, id, docId);
      return (
        reply
          .header('content-type', document.contentType)
          .header('content-length', String(document.sizeBytes))
          .header(
            'content-disposition',
            `inline; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', DOCUMENT_CSP)
          .header('cache-control', 'private, no-store')
          // A stream bypasses the serializer; the 200 schema only documents the binary body.
          .send(document.stream as unknown as string)
      );
    },
  );

  r.post(
    '/api/staff/recovery-requests/:id/approve',
    {
      schema: {
        tags: ['staff'],
        summary: 'Approve: move the new contact to the chosen account and send a reset link',
        params: ZIdParams,
        body: ZRecoveryApproveRequest,
        response: { 200: ZRecoveryRequestDetail, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) =>
      approveRecoveryRequest(
        ctx,
        request.organization,
        deciderOf(request),
        request.params.id,
        request.body.userId,
      ),
  );

  r.post(
    '/api/staff/recovery-requests/:id/reject',
    {
      schema: {
        tags: ['staff'],
        summary: 'Reject with a reason (emailed to the person)',
        params: ZIdParams,
        body: ZRecoveryRejectRequest,
        response: { 200: ZRecoveryRequestDetail, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) =>
      rejectRecoveryRequest(
        ctx,
        request.organization,
        deciderOf(request),
        request.params.id,
        request.body.reason,
      ),
  );
}

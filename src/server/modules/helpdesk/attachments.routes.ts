import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import {
  ZAttachmentIdParams,
  ZUploadAttachmentResponse,
} from '../../../shared/contracts/helpdesk-tickets.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { isPreviewable, openAttachment, storeAttachment } from './attachments.service.js';
import { receiveAttachment } from './attachments.upload.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  404: ZErrorResponse,
  413: ZErrorResponse,
  415: ZErrorResponse,
};

// Attachments never run as a page of ours: no scripts, no plugins, no framing by others.
const ATTACHMENT_CSP = "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox";

/**
 * Upload (one file per call, checked by content) and download of ticket attachments. Multipart
 * is registered in this scope only, with the configured size limit.
 */
export async function attachmentRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const { maxFileBytes } = ctx.config.helpdesk;
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: maxFileBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 },
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/helpdesk/attachments',
      {
        schema: {
          tags: ['helpdesk'],
          summary: 'Upload one attachment (multipart field "file"), before sending it',
          description:
            'Images (PNG, JPEG, GIF, WebP), PDF, archives (ZIP, 7z, gzip, tar) judged by content, ' +
            'and .txt/.log files that are UTF-8 text. Refusals: 413 file_too_large ' +
            '(details.maxBytes, details.maxMegabytes), 415 file_type_not_allowed ' +
            '(details.allowed, details.fileName). Send the returned id in attachmentIds.',
          consumes: ['multipart/form-data'],
          response: { 201: ZUploadAttachmentResponse, ...errors },
        },
        preHandler: guards.requireUser,
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const file = await receiveAttachment(request, maxFileBytes);
        const user = request.user;
        if (!user) throw new Error('requireUser missing');
        const stored = await storeAttachment(ctx, {
          organizationId: request.organization.id,
          uploaderId: user.id,
          file,
        }).finally(() => file.cleanup());
        return reply.status(201).send(stored);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/helpdesk/attachments/:id',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'Download an attachment (images inline, other files as a download)',
        params: ZAttachmentIdParams,
        response: { 200: z.string().meta({ format: 'binary' }), ...errors },
      },
      preHandler: guards.requireUser,
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw new Error('requireUser missing');
      const file = await openAttachment(ctx, {
        organizationId: request.organization.id,
        user,
        id: request.params.id,
      });
      const disposition = isPreviewable(file.contentType) ? 'inline' : 'attachment';
      return (
        reply
          .header(
            'content-type',
            file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
          )
          .header('content-length', String(file.sizeBytes))
          .header(
            'content-disposition',
            `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', ATTACHMENT_CSP)
          .header('cache-control', 'private, no-store')
          // A stream bypasses the serializer; the 200 schema only documents the binary body.
          .send(file.stream as unknown as string)
      );
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import {
  ZRecoveryConfirmPhoneRequest,
  ZRecoveryConfirmRequest,
  ZRecoveryNumberParams,
  ZRecoveryPublicStatus,
  ZRecoveryResendResponse,
  ZRecoverySecretBody,
  ZRecoverySecretQuery,
  ZRecoverySubmitResponse,
} from '../../../shared/contracts/recovery.js';
import { localeFromAcceptLanguage } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import {
  confirmRecoveryByPhone,
  confirmRecoveryRequest,
  getRecoveryStatus,
  resendRecoveryConfirmation,
} from './confirm.service.js';
import { receiveRecoveryUpload } from './recovery-upload.js';
import { submitRecoveryRequest } from './submit.service.js';

const errors = {
  400: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  410: ZErrorResponse,
  429: ZErrorResponse,
};

/** The public side: submit (multipart), confirm the new address, check the status. */
export function recoveryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/recovery-requests',
    {
      schema: {
        tags: ['recovery'],
        summary: 'Ask staff to restore access to an account (multipart/form-data)',
        description:
          'Fields: fullName, knownLogin?, newEmail?, newPhone?, description, captcha (ALTCHA ' +
          'payload); at least one of newEmail and newPhone. With a new email, a confirmation ' +
          'link goes there; with only a new phone, a 6-digit SMS code (confirmationChannel says ' +
          'which; 429 rate_limited when the phone had too many codes lately). ' +
          'Files: documents (PDF, JPEG or PNG by content; RECOVERY_MAX_FILES files of ' +
          'at most RECOVERY_MAX_FILE_MB each). Refusals: 413 file_too_large (details.maxBytes, ' +
          'details.maxMegabytes), 413 too_many_files (details.maxFiles), 415 ' +
          'file_type_not_allowed (details.allowed, details.fileName), 400 captcha_required / ' +
          'captcha_invalid / validation_failed.',
        consumes: ['multipart/form-data'],
        response: {
          201: ZRecoverySubmitResponse,
          ...errors,
          413: ZErrorResponse,
          415: ZErrorResponse,
        },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const upload = await receiveRecoveryUpload(request, ctx.config.recovery);
      // The staged files go before the answer does, whatever the outcome.
      const result = await submitRecoveryRequest(ctx, request.organization, {
        fields: upload.fields,
        files: upload.files,
        client: {
          ip: request.ip,
          locale: localeFromAcceptLanguage(request.headers['accept-language']),
        },
      }).finally(() => upload.cleanup());
      return reply.status(201).send(result);
    },
  );

  r.post(
    '/api/recovery-requests/confirm',
    {
      schema: {
        tags: ['recovery'],
        summary: 'Confirm the new address (the link from the email); the request goes to staff',
        body: ZRecoveryConfirmRequest,
        response: { 200: ZRecoveryPublicStatus, ...errors },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    (request) => confirmRecoveryRequest(ctx, request.organization, request.body.token),
  );

  r.post(
    '/api/recovery-requests/:number/confirm-phone',
    {
      schema: {
        tags: ['recovery'],
        summary: 'Confirm a phone-only request with the SMS code; the request goes to staff',
        description:
          'Errors: 400 code_invalid (details.triesLeft); 410 code_expired (expired, used, ' +
          'replaced or five wrong tries: resend for a new code); 409 invalid_state when the ' +
          'request is confirmed by email link; 404 not_found for a wrong number or secret.',
        params: ZRecoveryNumberParams,
        body: ZRecoveryConfirmPhoneRequest,
        response: { 200: ZRecoveryPublicStatus, ...errors },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    (request) =>
      confirmRecoveryByPhone(ctx, request.organization, request.params.number, request.body),
  );

  r.get(
    '/api/recovery-requests/:number',
    {
      schema: {
        tags: ['recovery'],
        summary: 'Status of a request, by its number and the secret from the status link',
        params: ZRecoveryNumberParams,
        querystring: ZRecoverySecretQuery,
        response: { 200: ZRecoveryPublicStatus, ...errors },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (request) =>
      getRecoveryStatus(ctx, request.organization, request.params.number, request.query.secret),
  );

  r.post(
    '/api/recovery-requests/:number/resend-confirmation',
    {
      schema: {
        tags: ['recovery'],
        summary: 'Send a new confirmation link (24 h) to the new address, or a new SMS code',
        params: ZRecoveryNumberParams,
        body: ZRecoverySecretBody,
        response: { 202: ZRecoveryResendResponse, ...errors },
      },
      config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await resendRecoveryConfirmation(
        ctx,
        request.organization,
        request.params.number,
        request.body.secret,
      );
      return reply.status(202).send(result);
    },
  );
}

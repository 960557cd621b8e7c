import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ERRORS,
  localeFromAcceptLanguage,
  type ErrorCode,
  type Locale,
} from '../../shared/errors.js';
import { AppError, errorMessage } from './app-error.js';

/** The fields of fastify-type-provider-zod's validation error that we read. */
interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

const ZOD_LOCALES = { ru: z.locales.ru(), en: z.locales.en() };

/** Zod's own translations of a validation issue (field-level messages in `details`). */
function localizeIssue(issue: Record<string, unknown>, locale: Locale): string | undefined {
  const localeError = ZOD_LOCALES[locale].localeError as (issue: unknown) => unknown;
  const result = localeError(issue);
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result) return String(result.message);
  return undefined;
}

/** Language for messages: the signed-in person's, else Accept-Language, else Russian. */
function requestLocale(request: FastifyRequest) {
  return request.user?.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);
}

function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: unknown,
): FastifyReply {
  const retryAfter = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
  return reply.status(ERRORS[code].status).send({
    error: {
      code,
      message: errorMessage(code, requestLocale(request)),
      ...(details === undefined ? {} : { details }),
    },
  });
}

/** Maps Fastify's own error codes to ours, so clients never see framework internals. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'malformed_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_request',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
};

/** One error shape for every failure: validation, domain errors, rate limits, 404s, crashes. */
export const httpErrorsPlugin = fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof AppError) return sendError(request, reply, error.code, error.details);
      if (hasZodFastifySchemaValidationErrors(error)) {
        return sendError(
          request,
          reply,
          'validation_failed',
          (error.validation as unknown as ValidationIssue[]).map((issue) => {
            const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean);
            return {
              path,
              code: issue.keyword,
              message:
                localizeIssue(
                  { ...issue.params, code: issue.keyword, path },
                  requestLocale(request),
                ) ?? issue.message,
            };
          }),
        );
      }
      if (isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'response did not match its schema');
        return sendError(request, reply, 'internal_error');
      }
      const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (mapped) return sendError(request, reply, mapped);
      if (error.statusCode === 429) return sendError(request, reply, 'rate_limited');
      if (error instanceof SyntaxError || error.statusCode === 400 || error.statusCode === 415) {
        return sendError(request, reply, 'malformed_request');
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendError(request, reply, 'internal_error');
    });

    app.setNotFoundHandler((request, reply) => sendError(request, reply, 'route_not_found'));
  },
  { name: 'http-errors' },
);

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import {
  ZSessionResponse,
  ZSetupRequest,
  ZSetupStatusResponse,
  ZSetupTokenParams,
} from '../../../shared/contracts/session.js';
import { localeFromAcceptLanguage } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import { setSessionCookie } from './session-cookie.js';
import { checkSetupLink, completeSetup } from './setup.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  410: ZErrorResponse,
  429: ZErrorResponse,
};

const clientOf = (request: FastifyRequest) => ({
  userAgent: request.headers['user-agent'],
  ip: request.ip,
});

/** First-administrator setup through the one-time link printed at first start. */
export function setupRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/setup/:token',
    {
      schema: {
        tags: ['setup'],
        summary: 'Check a first-administrator link',
        params: ZSetupTokenParams,
        response: { 200: ZSetupStatusResponse, ...errors },
      },
    },
    (request) => checkSetupLink(ctx, request.organization.id, request.params.token),
  );

  r.post(
    '/api/setup/:token',
    {
      schema: {
        tags: ['setup'],
        summary: 'Create the first administrator (owner) and sign in',
        params: ZSetupTokenParams,
        body: ZSetupRequest,
        response: { 200: ZSessionResponse, ...errors, 409: ZErrorResponse },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await completeSetup(
        ctx,
        request.organization.id,
        request.params.token,
        request.body,
        {
          ...clientOf(request),
          locale: localeFromAcceptLanguage(request.headers['accept-language']),
        },
      );
      setSessionCookie(ctx, request, reply, result.token, false);
      return {
        organization: { id: result.organization.id, name: result.organization.name },
        user: result.user,
      };
    },
  );
}

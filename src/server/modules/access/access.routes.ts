import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import {
  ZSessionResponse,
  ZSetupRequest,
  ZSetupStatusResponse,
  ZSetupTokenParams,
  ZSignInRequest,
} from '../../../shared/contracts/session.js';
import { localeFromAcceptLanguage } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from './guards.js';
import { endSession, SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.service.js';
import { checkSetupLink, completeSetup } from './setup.service.js';
import { signIn } from './sign-in.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  410: ZErrorResponse,
  429: ZErrorResponse,
};

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: SESSION_IDLE_MS / 1000,
  });
}

const clientOf = (request: FastifyRequest) => ({
  userAgent: request.headers['user-agent'],
  ip: request.ip,
});

export function accessRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in',
        response: { 200: ZSessionResponse },
      },
      preHandler: guards.authenticate,
    },
    (request) => ({
      organization: { id: request.organization.id, name: request.organization.name },
      user: request.user,
    }),
  );

  r.post(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in with email and password',
        body: ZSignInRequest,
        response: { 200: ZSessionResponse, ...errors },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { token, user } = await signIn(
        ctx,
        request.organization.id,
        request.body,
        clientOf(request),
      );
      setSessionCookie(request, reply, token);
      return {
        organization: { id: request.organization.id, name: request.organization.name },
        user,
      };
    },
  );

  r.delete(
    '/api/session',
    { schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

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
      setSessionCookie(request, reply, result.token);
      return {
        organization: { id: result.organization.id, name: result.organization.name },
        user: result.user,
      };
    },
  );
}

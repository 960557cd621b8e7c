import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAuthSessionResponse,
  ZSessionsResponse,
  ZSignInRequest,
  ZSignInResponse,
} from '../../../shared/contracts/auth.js';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Organization } from '../orgs/index.js';
import type { Guards } from './guards.js';
import { PASSWORD_MAX_LENGTH } from './password-policy.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { endSession, SESSION_COOKIE, toSessionInfo } from './sessions.service.js';
import {
  endOtherSessions,
  endOwnSession,
  getAccount,
  listOwnSessions,
} from './own-sessions.service.js';
import { signIn } from './sign-in.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  429: ZErrorResponse,
};

/** What the sign-in page and blocked screen need to know of the organization. */
export const publicOrganization = (organization: Organization) => ({
  id: organization.id,
  name: organization.name,
  supportEmail: organization.supportEmail,
  supportPhone: organization.supportPhone,
  selfRegistration: organization.selfRegistration,
  passwordMinLength: organization.passwordMinLength,
  passwordMaxLength: PASSWORD_MAX_LENGTH,
  timezone: organization.timezone,
});

const clientOf = (request: FastifyRequest) => ({
  userAgent: request.headers['user-agent'],
  ip: request.ip,
});

/** Sign-in, sign-out and the person's own sessions ("Устройства"). */
export function authRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in by email, phone or personal code',
        description:
          'Errors: 401 invalid_credentials; 403 account_blocked (details.reasons); 409 session_limit_reached (details.sessions; repeat with signOutOtherDevices); 429 too_many_attempts (Retry-After); 400 captcha_required / captcha_invalid.',
        body: ZSignInRequest,
        response: { 200: ZSignInResponse, ...errors },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await signIn(ctx, request.organization, request.body, clientOf(request));
      setSessionCookie(ctx, request, reply, result.token, request.body.remember);
      return {
        organization: publicOrganization(request.organization),
        account: getAccount(result.user),
        session: toSessionInfo(result.session, result.session.id),
      };
    },
  );

  r.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'Sign out of this device', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(ctx, token);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The organization, and who is signed in on this device',
        response: { 200: ZAuthSessionResponse, ...errors },
      },
      preHandler: guards.authenticate,
    },
    async (request) => {
      const own = request.user
        ? await listOwnSessions(ctx, request.user.id, request.sessionId)
        : null;
      return {
        organization: publicOrganization(request.organization),
        account: own?.account ?? null,
        session: own?.sessions.find((session) => session.current) ?? null,
      };
    },
  );

  r.get(
    '/api/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'My signed-in devices',
        response: { 200: ZSessionsResponse, ...errors },
      },
      preHandler: guards.requireUser,
    },
    async (request) => {
      const user = signedIn(request);
      return { sessions: (await listOwnSessions(ctx, user.id, request.sessionId)).sessions };
    },
  );

  r.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: guards.requireUser,
    },
    async (request, reply) => {
      await endOwnSession(
        ctx,
        request.organization.id,
        signedIn(request).id,
        request.params.id,
        request.ip,
      );
      if (request.params.id === request.sessionId) clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/sessions/revoke-others',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out of all my other devices',
        response: { 200: z.object({ ended: z.number().int() }), ...errors },
      },
      preHandler: guards.requireUser,
    },
    async (request) => {
      const ended = await endOtherSessions(
        ctx,
        request.organization.id,
        signedIn(request).id,
        request.sessionId,
        request.ip,
      );
      return { ended };
    },
  );
}

function signedIn(request: FastifyRequest) {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user;
}

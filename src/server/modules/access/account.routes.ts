import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZChangeEmailRequest,
  ZChangePasswordRequest,
  ZChangePasswordResponse,
  ZChangePhoneRequest,
  ZConfirmPhoneRequest,
  ZConfirmTokenRequest,
  ZEmailChangedResponse,
  ZLocaleRequest,
  ZLocaleResponse,
  ZPhoneChangedResponse,
  ZSentResponse,
  ZSignInHistoryQuery,
  ZSignInHistoryResponse,
} from '../../../shared/contracts/account.js';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import {
  changePassword,
  confirmEmailChange,
  confirmPhoneChange,
  listSignInHistory,
  requestEmailChange,
  requestPhoneChange,
  setLocale,
  type AccountActor,
} from './account.service.js';
import type { Guards } from './guards.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  409: ZErrorResponse,
  410: ZErrorResponse,
  429: ZErrorResponse,
};

/** The signed-in account acting on itself (after `requireUser`). */
function actorOf(request: FastifyRequest): AccountActor {
  if (!request.user) throw new AppError('unauthenticated');
  return { userId: request.user.id, sessionId: request.sessionId, ip: request.ip };
}

// Re-authentication by password is a guessing oracle for a stolen session: keep it slow.
const reauthLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** Profile and settings of the signed-in person: password, email, phone, language, history. */
export function accountRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = guards.requireUser;

  r.post(
    '/api/account/password',
    {
      schema: {
        tags: ['account'],
        summary: 'Change the password (current password required)',
        description:
          'Errors: 403 invalid_current_password; 400 password_rejected (details.problems). With signOutOtherDevices (default true) every other session ends with password_changed.',
        body: ZChangePasswordRequest,
        response: { 200: ZChangePasswordResponse, ...errors },
      },
      config: reauthLimit,
      preHandler: signedIn,
    },
    (request) => changePassword(ctx, request.organization, actorOf(request), request.body),
  );

  r.post(
    '/api/account/email',
    {
      schema: {
        tags: ['account'],
        summary: 'Change the sign-in email: a link goes to the new address, a notice to the old',
        description: 'Errors: 403 invalid_current_password; 409 email_taken.',
        body: ZChangeEmailRequest,
        response: { 202: ZSentResponse, ...errors },
      },
      config: reauthLimit,
      preHandler: signedIn,
    },
    async (request, reply) => {
      const sent = await requestEmailChange(
        ctx,
        request.organization,
        actorOf(request),
        request.body,
      );
      return reply.status(202).send(sent);
    },
  );

  r.post(
    '/api/account/email/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Confirm a new email with the link token (works without signing in)',
        description: 'Errors: 410 link_invalid; 409 email_taken.',
        body: ZConfirmTokenRequest,
        response: { 200: ZEmailChangedResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    (request) =>
      confirmEmailChange(ctx, request.organization, request.body.token, { ip: request.ip }),
  );

  r.post(
    '/api/account/phone',
    {
      schema: {
        tags: ['account'],
        summary: 'Change the phone: a 6-digit code goes to the new number by SMS',
        description:
          'Errors: 403 invalid_current_password; 409 phone_taken; 429 rate_limited (details.retryAfterSeconds).',
        body: ZChangePhoneRequest,
        response: { 202: ZSentResponse, ...errors },
      },
      config: reauthLimit,
      preHandler: signedIn,
    },
    async (request, reply) => {
      const sent = await requestPhoneChange(
        ctx,
        request.organization,
        actorOf(request),
        request.body,
      );
      return reply.status(202).send(sent);
    },
  );

  r.post(
    '/api/account/phone/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Confirm the new phone with the SMS code',
        description:
          'Errors: 400 code_invalid (details.triesLeft); 410 code_expired; 409 phone_taken.',
        body: ZConfirmPhoneRequest,
        response: { 200: ZPhoneChangedResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      preHandler: signedIn,
    },
    (request) => confirmPhoneChange(ctx, request.organization, actorOf(request), request.body),
  );

  r.put(
    '/api/account/locale',
    {
      schema: {
        tags: ['account'],
        summary: 'Set the language (ru or en)',
        body: ZLocaleRequest,
        response: { 200: ZLocaleResponse, ...errors },
      },
      preHandler: signedIn,
    },
    (request) => setLocale(ctx, request.organization, actorOf(request), request.body.locale),
  );

  r.get(
    '/api/account/sign-ins',
    {
      schema: {
        tags: ['account'],
        summary: 'Sign-in history of the account, newest first',
        querystring: ZSignInHistoryQuery,
        response: { 200: ZSignInHistoryResponse, ...errors },
      },
      preHandler: signedIn,
    },
    async (request) => ({
      events: await listSignInHistory(ctx, actorOf(request).userId, request.query.limit),
    }),
  );
}

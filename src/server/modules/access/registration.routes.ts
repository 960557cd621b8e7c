import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZConfirmTokenRequest,
  ZLoginResponse,
  ZRegisterRequest,
} from '../../../shared/contracts/account.js';
import { ZAcceptedResponse } from '../../../shared/contracts/auth.js';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { localeFromAcceptLanguage } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import { confirmRegistration, register } from './registration.service.js';

const errors = {
  400: ZErrorResponse,
  403: ZErrorResponse,
  410: ZErrorResponse,
  429: ZErrorResponse,
};

/** Self-registration with email verification (when the organization switches it on). */
export function registrationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Register an account (when the organization allows it); 202 whatever the email',
        description:
          'Errors: 403 registration_closed; 400 captcha_required / captcha_invalid; 400 password_rejected (details.problems). 202 {accepted:true} whether or not the email has an account: a new one gets a confirmation link (/confirm-registration?token=…), an existing one a notice.',
        body: ZRegisterRequest,
        response: { 202: ZAcceptedResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await register(ctx, request.organization, request.body, {
        ip: request.ip,
        locale: localeFromAcceptLanguage(request.headers['accept-language']),
      });
      return reply.status(202).send({ accepted: true });
    },
  );

  r.post(
    '/api/auth/register/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm the email of a registration; then sign in',
        description: 'Errors: 410 link_invalid.',
        body: ZConfirmTokenRequest,
        response: { 200: ZLoginResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    (request) =>
      confirmRegistration(ctx, request.organization, request.body.token, { ip: request.ip }),
  );
}

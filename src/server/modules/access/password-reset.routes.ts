import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAcceptedResponse,
  ZPasswordCheckRequest,
  ZPasswordCheckResponse,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZResetLinkStatusResponse,
  ZTokenParams,
} from '../../../shared/contracts/auth.js';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { localeFromAcceptLanguage } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import { checkNewPassword } from './password-policy.js';
import {
  checkResetLink,
  confirmPasswordReset,
  requestPasswordReset,
} from './password-reset.service.js';

const errors = { 400: ZErrorResponse, 410: ZErrorResponse, 429: ZErrorResponse };

/** Live password feedback and «Забыли пароль?» by email link or SMS code. */
export function passwordResetRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/password-check',
    {
      schema: {
        tags: ['auth'],
        summary: 'Check a new password against the policy while it is typed',
        body: ZPasswordCheckRequest,
        response: { 200: ZPasswordCheckResponse, ...errors },
      },
      // Generous for typing, but the common-password list must not become an oracle at scale.
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    (request) => {
      const problems = checkNewPassword(request.body.password, {
        minLength: request.organization.passwordMinLength,
        login: request.body.login,
      });
      return { ok: problems.length === 0, problems };
    },
  );

  r.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags: ['auth'],
        summary: 'Ask for a reset link (email) or code (SMS); 202 whatever the login',
        description:
          'Always 202 {accepted:true}: the answer never says whether an account exists. An email login with an account gets a link to /reset-password?token=…, an unknown email a notice that no account uses it; a phone login with an account gets a 6-digit SMS code. From the fourth request of one client address within an hour, `captcha` (an ALTCHA payload from GET /api/captcha/challenge) is required: 400 captcha_required without it, 400 captcha_invalid when it is wrong, expired or reused.',
        body: ZPasswordResetRequest,
        response: { 202: ZAcceptedResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.organization, request.body.login, {
        ip: request.ip,
        locale: localeFromAcceptLanguage(request.headers['accept-language']),
        captcha: request.body.captcha,
      });
      return reply.status(202).send({ accepted: true });
    },
  );

  r.get(
    '/api/auth/password-reset/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Check a reset link; 410 link_invalid when expired or used',
        params: ZTokenParams,
        response: { 200: ZResetLinkStatusResponse, ...errors },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (request) => checkResetLink(ctx, request.organization.id, request.params.token),
  );

  r.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset link token, or with a phone and SMS code',
        description:
          'Errors: 400 password_rejected (details.problems); 410 link_invalid; 400 code_invalid (details.triesLeft); 410 code_expired. Ends every session of the account; sign in again afterwards.',
        body: ZPasswordResetConfirm,
        response: { 200: ZAcceptedResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      await confirmPasswordReset(ctx, request.organization, request.body, { ip: request.ip });
      return { accepted: true as const };
    },
  );
}

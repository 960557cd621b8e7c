import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZActivateRequest,
  ZActivationStatusResponse,
  ZTokenParams,
} from '../../../shared/contracts/auth.js';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { ZLoginResponse } from '../../../shared/contracts/account.js';
import type { AppContext } from '../../infra/context.js';
import { activateAccount, checkActivation } from './activation.service.js';

const errors = { 400: ZErrorResponse, 410: ZErrorResponse, 429: ZErrorResponse };

/** Invitations: an activation link or access-sheet code becomes the person's own password. */
export function activationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/auth/activate/:token',
    {
      schema: {
        tags: ['auth'],
        summary: 'Check an invitation link or access-sheet code; 410 link_invalid',
        params: ZTokenParams,
        response: { 200: ZActivationStatusResponse, ...errors },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (request) => checkActivation(ctx, request.organization.id, request.params.token),
  );

  r.post(
    '/api/auth/activate',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set one’s own password from an invitation; then sign in',
        description:
          'Errors: 400 password_rejected (details.problems); 410 link_invalid. No session is started.',
        body: ZActivateRequest,
        response: { 200: ZLoginResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    (request) => activateAccount(ctx, request.organization, request.body, { ip: request.ip }),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZCaptchaChallenge } from '../../../shared/contracts/captcha.js';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { createCaptchaChallenge } from '../../infra/captcha.js';
import type { AppContext } from '../../infra/context.js';

/** GET /api/captcha/challenge: the ALTCHA widget's `challengeurl`. */
export function captchaRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/captcha/challenge',
    {
      schema: {
        tags: ['captcha'],
        summary: 'A new ALTCHA proof-of-work challenge (valid 10 minutes, single use)',
        response: { 200: ZCaptchaChallenge, 429: ZErrorResponse },
      },
      // A challenge is cheap to make but each one is a row once spent; keep bots from hoarding.
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const challenge = await createCaptchaChallenge(ctx);
      return { parameters: { ...challenge.parameters }, signature: challenge.signature ?? '' };
    },
  );
}

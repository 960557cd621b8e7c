import type { FastifyInstance } from 'fastify';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import {
  createCaptchaChallenge,
  type CreateCaptchaChallengeOptions,
} from '../../src/server/infra/captcha.js';
import type { AppContext } from '../../src/server/infra/context.js';

/** Solves an ALTCHA challenge the way the widget does and returns the payload a form submits. */
export async function solveCaptcha(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 60_000 });
  if (!solution) throw new Error('captcha not solved in time');
  const payload = {
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution,
  };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** A solved captcha from `GET /api/captcha/challenge` (the real difficulty: about a second). */
export async function fetchSolvedCaptcha(app: FastifyInstance, host: string): Promise<string> {
  const response = await app.inject({
    method: 'GET',
    url: '/api/captcha/challenge',
    headers: { host },
  });
  if (response.statusCode !== 200) throw new Error(`no challenge: ${response.body}`);
  return solveCaptcha(response.json<Challenge>());
}

/** A solved captcha issued by the service with a tiny counter, so tests of forms stay fast. */
export async function quickCaptcha(
  ctx: AppContext,
  options: CreateCaptchaChallengeOptions = {},
): Promise<string> {
  return solveCaptcha(await createCaptchaChallenge(ctx, { maxCounter: 20, ...options }));
}

import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { lt } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from './app-error.js';
import { usedCaptchas } from './captcha.schema.js';
import { defineAppJob, type AppContext } from './context.js';

/** How long a challenge may be solved and submitted. */
export const CAPTCHA_TTL_MS = 10 * 60_000;

// PBKDF2 is what WebCrypto runs natively in every browser, so a phone solves it quickly.
// 1,000 iterations × 2,000–6,000 counters takes about a second on a phone's worker threads
// (and well under a second on a server core); verifying costs one HMAC (the key signature).
const ALGORITHM = 'PBKDF2/SHA-256';
const COST = 1_000;
const COUNTER_MIN = 2_000;
const COUNTER_MAX = 6_000;
const MAX_PAYLOAD_LENGTH = 10_000;

/** Signs the derived key, so verification needs no key derivation (altcha-lib "deterministic mode"). */
const keySignatureSecret = (ctx: AppContext) =>
  createHmac('sha256', ctx.secrets.altchaHmacKey).update('altcha-key-signature').digest('hex');

/** Options of `createCaptchaChallenge`. */
export interface CreateCaptchaChallengeOptions {
  /** The clock the expiry counts from (tests issue already-expired challenges with it). */
  now?: Date;
  /** Upper bound of the secret counter; tests lower it to solve instantly. */
  maxCounter?: number;
}

/** A new signed ALTCHA challenge that expires after `CAPTCHA_TTL_MS`. */
export async function createCaptchaChallenge(
  ctx: AppContext,
  options: CreateCaptchaChallengeOptions = {},
): Promise<Challenge> {
  const now = options.now ?? new Date();
  const max = options.maxCounter ?? COUNTER_MAX;
  return createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    counter: randomInt(max, Math.min(COUNTER_MIN, max)),
    deriveKey,
    expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MS),
    hmacSignatureSecret: ctx.secrets.altchaHmacKey,
    hmacKeySignatureSecret: keySignatureSecret(ctx),
  });
}

/** The widget's payload: base64 of `{ challenge: { parameters, signature }, solution }`. */
const ZPayload = z.object({
  challenge: z.object({
    // Loose: the signature covers every parameter, so unknown ones must reach the check.
    parameters: z.looseObject({
      algorithm: z.literal(ALGORITHM),
      nonce: z.string().max(256),
      salt: z.string().max(256),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string().max(256),
      keySignature: z.string().max(256).optional(),
      expiresAt: z.number(),
    }),
    signature: z.string().min(1).max(256),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string().max(256) }),
});

function parsePayload(payload: string) {
  try {
    const parsed = ZPayload.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * True when `payload` solves a challenge this instance group issued, has not expired and was
 * not used before; it is then spent. False for a missing, malformed, tampered, expired or
 * replayed payload. Callers throw `captcha_required` when it is missing and `captcha_invalid`
 * otherwise (or call `requireCaptcha`).
 */
export async function verifyCaptcha(
  ctx: AppContext,
  payload: string | undefined,
): Promise<boolean> {
  if (!payload || payload.length > MAX_PAYLOAD_LENGTH) return false;
  const parsed = parsePayload(payload);
  if (!parsed) return false;
  const { challenge, solution } = parsed;
  try {
    const result = await verifySolution({
      challenge,
      solution,
      deriveKey,
      hmacSignatureSecret: ctx.secrets.altchaHmacKey,
      hmacKeySignatureSecret: keySignatureSecret(ctx),
    });
    if (!result.verified) {
      ctx.log.debug({ captcha: result }, 'captcha refused');
      return false;
    }
  } catch (error) {
    ctx.log.debug({ err: error }, 'captcha payload could not be verified');
    return false;
  }
  // Insert-or-nothing is atomic across instances: of two submissions of one solution,
  // exactly one inserts the row; the other finds it and is a replay.
  const spent = await ctx.db
    .insert(usedCaptchas)
    .values({
      signature: challenge.signature,
      expiresAt: new Date(challenge.parameters.expiresAt * 1000),
    })
    .onConflictDoNothing()
    .returning({ signature: usedCaptchas.signature });
  return spent.length === 1;
}

/** Throws `captcha_required` without a payload and `captcha_invalid` when `verifyCaptcha` refuses it. */
export async function requireCaptcha(ctx: AppContext, payload: string | undefined): Promise<void> {
  if (!payload) throw new AppError('captcha_required');
  if (!(await verifyCaptcha(ctx, payload))) throw new AppError('captcha_invalid');
}

/** Forgets spent challenges once they expired (an expired one is refused anyway); hourly. */
export const purgeUsedCaptchasJob = defineAppJob({
  name: 'captcha.purge-used',
  payload: z.object({}),
  schedule: { cron: '41 * * * *', payload: {} },
  async handler(_payload, run) {
    await run.app.db.delete(usedCaptchas).where(lt(usedCaptchas.expiresAt, run.now));
  },
});

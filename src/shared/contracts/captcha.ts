import { z } from 'zod';

/**
 * An ALTCHA (v2 proof-of-work) challenge, as the `altcha` widget expects it from its
 * `challengeurl`. The widget solves it and submits a base64 payload that forms send as
 * `captcha`; the server checks it with `verifyCaptcha`.
 */
export const ZCaptchaChallenge = z
  .object({
    // Loose: the signature covers every parameter, so none may be dropped on the way out.
    parameters: z.looseObject({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number().int(),
      keyLength: z.number().int(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      /** Unix time in seconds after which the challenge is refused. */
      expiresAt: z.number().int().optional(),
    }),
    signature: z.string(),
  })
  .meta({ id: 'CaptchaChallenge' });
export type CaptchaChallenge = z.infer<typeof ZCaptchaChallenge>;

/** The solved payload a form submits (base64 JSON made by the widget). */
export const ZCaptchaPayload = z.string().min(1).max(10_000);

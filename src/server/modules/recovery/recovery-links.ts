import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../infra/context.js';

/** A random 256-bit secret for links (base64url). */
export const generateSecret = () => randomBytes(32).toString('base64url');

/** Only this digest is stored, so a database leak does not leak usable links. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * The SPA pages the emails and the submit answer link to: the status page
 * (`/recovery/status/<number>?secret=…`) and the confirmation page (`/recovery/confirm?token=…`).
 */
export function recoveryUrls(ctx: AppContext, number: string, secret: string, confirmToken = '') {
  const base = ctx.config.publicUrl;
  return {
    statusUrl: `${base}/recovery/status/${encodeURIComponent(number)}?secret=${secret}`,
    confirmUrl: `${base}/recovery/confirm?token=${confirmToken}`,
  };
}

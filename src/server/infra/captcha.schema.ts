import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Captcha challenges already spent, kept until they expire. A solved ALTCHA challenge is
 * otherwise valid until its `expiresAt`, so this table is what makes each one single-use;
 * it lives in the database so every instance behind a load balancer sees the same spends.
 */
export const usedCaptchas = pgTable(
  'used_captchas',
  {
    /** The challenge's HMAC signature (unique per challenge: it covers a random nonce). */
    signature: text('signature').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('used_captchas_expires_at').on(table.expiresAt)],
);

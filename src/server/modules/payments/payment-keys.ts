import { createHash } from 'node:crypto';

/**
 * A uuid derived from another key and a purpose (`capture`, `refund`…): a retried capture sends
 * the same idempotence key as the first try, yet never the creation's own key, which the
 * provider would refuse for a different request.
 */
export function derivedKey(baseKey: string, purpose: string): string {
  const hex = createHash('sha256').update(`${baseKey}\n${purpose}`).digest('hex');
  // RFC 9562 version 8 (custom) with the variant bits set, so it is a well-formed uuid.
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The attempt's client key, scoped by who asks: the same Idempotency-Key from two accounts is
 * two payments, never one returned to the other.
 */
export function scopedClientKey(payer: { userId: string } | { buyerEmail: string }, key: string) {
  return 'userId' in payer ? `user:${payer.userId}:${key}` : `buyer:${payer.buyerEmail}:${key}`;
}

import { z } from 'zod';

export const ZSmsStatus = z.enum(['pending', 'sent', 'stored', 'failed']);

/** One SMS of the outbox, as staff see it (the development sink shows codes to staff). */
export const ZSmsOutboxMessage = z.object({
  id: z.uuid(),
  toPhone: z.string(),
  template: z.string(),
  locale: z.string(),
  body: z.string(),
  status: ZSmsStatus,
  attempts: z.number().int(),
  /** Why the gateway refused it (no secrets). */
  lastError: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
});
export type SmsOutboxMessage = z.infer<typeof ZSmsOutboxMessage>;

/** GET /api/staff/sms-outbox — newest first; `before` is the previous page's `nextBefore`. */
export const ZSmsOutboxListQuery = z.object({
  before: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const ZSmsOutboxListResponse = z.object({
  messages: z.array(ZSmsOutboxMessage),
  nextBefore: z.uuid().nullable(),
});
export type SmsOutboxListResponse = z.infer<typeof ZSmsOutboxListResponse>;

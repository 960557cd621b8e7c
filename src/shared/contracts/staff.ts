import { z } from 'zod';

export const ZMailStatus = z.enum(['pending', 'sent', 'stored', 'failed']);

export const ZOutboxMessageSummary = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  template: z.string(),
  locale: z.string(),
  status: ZMailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
});
export type OutboxMessageSummary = z.infer<typeof ZOutboxMessageSummary>;

export const ZOutboxMessage = ZOutboxMessageSummary.extend({
  textBody: z.string(),
  htmlBody: z.string(),
});
export type OutboxMessage = z.infer<typeof ZOutboxMessage>;

/** GET /api/staff/outbox — newest first, keyset-paginated by `before`. */
export const ZOutboxListQuery = z.object({
  /** Opaque: the `nextBefore` of the previous page. */
  before: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const ZOutboxListResponse = z.object({
  messages: z.array(ZOutboxMessageSummary),
  nextBefore: z.string().nullable(),
});
export type OutboxListResponse = z.infer<typeof ZOutboxListResponse>;

/** A job that failed every retry (or was moved to the dead-letter queue). */
export const ZFailedJob = z.object({
  id: z.uuid(),
  name: z.string(),
  data: z.unknown(),
  /** The failure message only; stack traces stay in the server logs. */
  output: z.object({ message: z.string() }).nullable(),
  retryCount: z.number().int(),
  createdOn: z.iso.datetime({ offset: true }),
  completedOn: z.iso.datetime({ offset: true }).nullable(),
});
export type FailedJob = z.infer<typeof ZFailedJob>;
export const ZFailedJobsResponse = z.object({ jobs: z.array(ZFailedJob) });
export const ZRetryJobParams = z.object({ name: z.string().min(1).max(200), id: z.uuid() });

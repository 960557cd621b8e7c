/** TanStack Query keys, in one place so invalidation cannot drift from the queries. */

/** `GET /api/session`. */
export const sessionKey = ['session'] as const;
/** `GET /api/setup/:token`. */
export const setupKey = (token: string) => ['setup', token] as const;
/** Every page of `GET /api/staff/outbox` (an infinite query). */
export const outboxKey = ['staff', 'outbox'] as const;
/** `GET /api/staff/outbox/:id`; under outboxKey, so invalidating the list refreshes it too. */
export const outboxMessageKey = (id: string) => ['staff', 'outbox', 'message', id] as const;
/** `GET /api/staff/jobs/failed`. */
export const failedJobsKey = ['staff', 'jobs', 'failed'] as const;

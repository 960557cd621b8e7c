/** TanStack Query keys, in one place so invalidation cannot drift from the queries. */

/** `GET /api/auth/session`. */
export const sessionKey = ['session'] as const;
/** `GET /api/auth/sessions` (Settings → Devices). */
export const sessionsKey = ['account', 'sessions'] as const;
/** Everything under the signed-in account (profile, history, devices). */
export const accountKey = ['account'] as const;
/** `GET /api/setup/:token`. */
export const setupKey = (token: string) => ['setup', token] as const;
/** `GET /api/auth/activate/:token`. */
export const activationKey = (token: string) => ['activation', token] as const;
/** `GET /api/auth/password-reset/:token`. */
export const resetLinkKey = (token: string) => ['reset-link', token] as const;
/** Every page of `GET /api/staff/outbox` (an infinite query). */
export const outboxKey = ['staff', 'outbox'] as const;
/** `GET /api/staff/outbox/:id`; under outboxKey, so invalidating the list refreshes it too. */
export const outboxMessageKey = (id: string) => ['staff', 'outbox', 'message', id] as const;
/** `GET /api/staff/jobs/failed`. */
/** `GET /api/staff/sms-outbox`. */
export const smsOutboxKey = ['staff', 'sms-outbox'] as const;
export const failedJobsKey = ['staff', 'jobs', 'failed'] as const;

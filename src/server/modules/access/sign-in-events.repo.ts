import type { DbOrTx } from '../../infra/db.js';
import { signInEvents } from './access.schema.js';

/** Results recorded in an account's sign-in history. */
export type SignInResult =
  | 'success'
  | 'invalid_credentials'
  | 'account_blocked'
  | 'too_many_attempts'
  | 'session_limit_reached';

export async function recordSignInEvent(
  db: DbOrTx,
  event: {
    organizationId: string;
    userId: string;
    result: SignInResult;
    ip: string;
    userAgent?: string | undefined;
  },
) {
  await db.insert(signInEvents).values({
    organizationId: event.organizationId,
    userId: event.userId,
    result: event.result,
    ip: event.ip,
    userAgent: event.userAgent?.slice(0, 500) ?? null,
  });
}

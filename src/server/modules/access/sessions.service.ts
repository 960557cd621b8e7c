import type { SessionUser } from '../../../shared/contracts/session.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import type { UserRow } from './users.repo.js';
import {
  deleteSessionByTokenHash,
  findLiveSession,
  insertSession,
  touchSession,
} from './sessions.repo.js';
import { generateToken, hashToken } from './tokens.js';

export const SESSION_COOKIE = 'kabinet_session';
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
// …and is touched at most this often, so reads do not turn into writes on every request.
const TOUCH_EVERY_MS = 60_000;

export function toSessionUser(user: UserRow): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    staffRole: user.staffRole,
    locale: user.locale === 'en' ? 'en' : 'ru',
  };
}

/** Starts a session for `user`; returns the cookie token (never stored). */
export async function startSession(
  db: DbOrTx,
  user: UserRow,
  client: { userAgent: string | undefined; ip: string },
) {
  const token = generateToken();
  await insertSession(db, {
    organizationId: user.organizationId,
    userId: user.id,
    tokenHash: hashToken(token),
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    ip: client.ip,
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
  });
  return token;
}

/** The signed-in person for a cookie token, sliding the idle expiry forward. */
export async function resumeSession(ctx: AppContext, organizationId: string, token: string) {
  const now = new Date();
  const found = await findLiveSession(ctx.db, organizationId, hashToken(token), now);
  if (!found) return null;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(ctx.db, found.session.id, now, new Date(now.getTime() + SESSION_IDLE_MS));
  }
  return { sessionId: found.session.id, user: toSessionUser(found.user) };
}

export async function endSession(ctx: AppContext, token: string) {
  await deleteSessionByTokenHash(ctx.db, hashToken(token));
}

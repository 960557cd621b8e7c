import { randomUUID } from 'node:crypto';
import type { SessionInfo } from '../../../shared/contracts/auth.js';
import type { SessionUser } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import type { Organization } from '../orgs/index.js';
import { evaluateAccess } from './access-state.js';
import { findBlocksInForce } from './access-state.repo.js';
import { accountBlockedError } from './blocked-error.js';
import { describeDevice } from './device.js';
import { findSessionThroughCache } from './session-cache.js';
import {
  deleteSessionByTokenHash,
  insertSession,
  insertSessionForSignIn,
  touchSession,
  type SessionRow,
} from './sessions.repo.js';
import { generateToken, hashToken } from './tokens.js';
import type { UserRow } from './users.repo.js';

export const SESSION_COOKIE = 'kabinet_session';
// Sessions are touched at most this often, so reads do not turn into writes on every request.
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

export function toSessionInfo(session: SessionRow, currentSessionId: string | null): SessionInfo {
  return {
    id: session.id,
    device: describeDevice(session.userAgent),
    ip: session.ip,
    signedInAt: session.createdAt.toISOString(),
    lastActiveAt: session.lastSeenAt.toISOString(),
    current: session.id === currentSessionId,
  };
}

export interface ClientInfo {
  userAgent: string | undefined;
  ip: string;
}

/** Starts a session for `user` with a fresh token (never stored: only its SHA-256 is). */
export async function startSession(
  ctx: AppContext,
  db: DbOrTx,
  user: UserRow,
  client: ClientInfo,
  remember = false,
) {
  const token = generateToken();
  const now = Date.now();
  const { idleMs, rememberMs, maxMs } = ctx.config.sessions;
  const absoluteExpiresAt = new Date(now + maxMs);
  const session = await insertSession(db, {
    organizationId: user.organizationId,
    userId: user.id,
    tokenHash: hashToken(token),
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    ip: client.ip,
    remember,
    expiresAt: new Date(
      Math.min(now + (remember ? rememberMs : idleMs), absoluteExpiresAt.getTime()),
    ),
    absoluteExpiresAt,
  });
  return { token, session };
}

/**
 * Starts the session of a successful sign-in and records the sign-in (last sign-in, history)
 * in the same single statement.
 */
export async function startSignedInSession(
  ctx: AppContext,
  db: DbOrTx,
  user: UserRow,
  client: ClientInfo,
  remember: boolean,
  now: Date,
) {
  const token = generateToken();
  const { idleMs, rememberMs, maxMs } = ctx.config.sessions;
  const absoluteExpiresAt = new Date(now.getTime() + maxMs);
  const userAgent = client.userAgent?.slice(0, 500) ?? null;
  const session: SessionRow = {
    id: randomUUID(),
    organizationId: user.organizationId,
    userId: user.id,
    tokenHash: hashToken(token),
    userAgent,
    ip: client.ip,
    remember,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(
      Math.min(now.getTime() + (remember ? rememberMs : idleMs), absoluteExpiresAt.getTime()),
    ),
    absoluteExpiresAt,
    endedAt: null,
    endedReason: null,
  };
  await insertSessionForSignIn(db, session);
  return { token, session };
}

/** A resumed session: who it is and which session. */
export interface ResumedSession {
  sessionId: string;
  user: SessionUser;
  row: SessionRow;
}

/**
 * The signed-in person for a cookie token, sliding the idle expiry forward. Null when there is
 * no such live session. Throws `signed_out_elsewhere` / `session_ended` for a session ended by
 * something else (so the device can say why), and `account_blocked` once the account is blocked
 * or its access period is over — at that very moment, not when a job notices.
 */
export async function resumeSession(
  ctx: AppContext,
  organization: Organization,
  token: string,
): Promise<ResumedSession | null> {
  const now = new Date();
  const found = await findSessionThroughCache(ctx, organization.id, hashToken(token), now);
  if (!found) return null;
  const { session, user } = found;
  if (session.endedAt) {
    throw new AppError(
      session.endedReason === 'signed_out_elsewhere' ? 'signed_out_elsewhere' : 'session_ended',
    );
  }
  if (session.expiresAt <= now) return null;
  const blocks = found.hasBlocks ? await findBlocksInForce(ctx.db, user.id, now) : [];
  const reasons = evaluateAccess(user, blocks, now);
  if (reasons.length > 0) throw accountBlockedError(user, reasons, organization);
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const { idleMs, rememberMs } = ctx.config.sessions;
    const idle = session.remember ? rememberMs : idleMs;
    const absolute = session.absoluteExpiresAt?.getTime() ?? Infinity;
    await touchSession(ctx.db, session.id, now, new Date(Math.min(now.getTime() + idle, absolute)));
  }
  return { sessionId: session.id, user: toSessionUser(user), row: session };
}

/** Signs this device out: the session row goes away with its token. */
export async function endSession(ctx: AppContext, token: string) {
  await deleteSessionByTokenHash(ctx.db, hashToken(token));
}

import type { Account } from '../../../shared/contracts/auth.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { recordAudit } from './audit.repo.js';
import { endSessionOfUser, endUserSessions, findLiveSessions } from './sessions.repo.js';
import { toSessionInfo } from './sessions.service.js';
import { findUserById, type UserRow } from './users.repo.js';

/** The account as its owner sees it. */
export function getAccount(user: UserRow): Account {
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    personalCode: user.personalCode,
    staffRole: user.staffRole,
    locale: user.locale === 'en' ? 'en' : 'ru',
    accessValidUntil: user.accessValidUntil?.toISOString() ?? null,
  };
}

/** The signed-in person's account and live sessions, the current one marked. */
export async function listOwnSessions(
  ctx: AppContext,
  userId: string,
  currentSessionId: string | null,
) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('unauthenticated');
  const sessions = await findLiveSessions(ctx.db, userId, new Date());
  return {
    account: getAccount(user),
    sessions: sessions.map((session) => toSessionInfo(session, currentSessionId)).reverse(),
  };
}

/** Ends one of the person's own sessions ("Завершить" in Settings → Устройства). */
export async function endOwnSession(
  ctx: AppContext,
  organizationId: string,
  userId: string,
  sessionId: string,
  ip: string,
) {
  await ctx.db.transaction(async (tx) => {
    if (!(await endSessionOfUser(tx, userId, sessionId, 'revoked')))
      throw new AppError('not_found');
    await recordAudit(tx, {
      organizationId,
      actorId: userId,
      subjectId: userId,
      action: 'session.ended',
      details: { sessionId },
      ip,
    });
  });
}

/** Ends every other session of the person ("Выйти на всех других устройствах"). */
export async function endOtherSessions(
  ctx: AppContext,
  organizationId: string,
  userId: string,
  currentSessionId: string | null,
  ip: string,
) {
  return ctx.db.transaction(async (tx) => {
    const ended = await endUserSessions(tx, userId, 'revoked', currentSessionId ?? undefined);
    await recordAudit(tx, {
      organizationId,
      actorId: userId,
      subjectId: userId,
      action: 'sessions.ended_others',
      details: { ended },
      ip,
    });
    return ended;
  });
}

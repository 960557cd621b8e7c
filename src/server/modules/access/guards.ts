import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { clearSessionCookie } from './session-cookie.js';
import { resumeSession, SESSION_COOKIE } from './sessions.service.js';

export type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** Route guards: `authenticate` loads the session if any; the others also demand one. */
export function createGuards(ctx: AppContext) {
  const authenticate: PreHandler = async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    try {
      const resumed = await resumeSession(ctx, request.organization, token);
      request.user = resumed?.user ?? null;
      request.sessionId = resumed?.sessionId ?? null;
    } catch (error) {
      // An ended session's cookie is useless: drop it while telling the device why.
      if (error instanceof AppError && error.code !== 'account_blocked') clearSessionCookie(reply);
      throw error;
    }
  };

  const requireUser: PreHandler = async (request, reply) => {
    await authenticate(request, reply);
    if (!request.user) throw new AppError('unauthenticated');
  };

  /** Staff with one of `roles` (any staff role when none are given). */
  const requireStaff =
    (...roles: StaffRole[]): PreHandler =>
    async (request, reply) => {
      await requireUser(request, reply);
      const role = request.user?.staffRole;
      if (!role || (roles.length > 0 && !roles.includes(role))) throw new AppError('forbidden');
    };

  return { authenticate, requireUser, requireStaff };
}

export type Guards = ReturnType<typeof createGuards>;

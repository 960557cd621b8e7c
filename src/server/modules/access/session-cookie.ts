import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import { SESSION_COOKIE } from './sessions.service.js';

/**
 * HttpOnly, SameSite=Lax, Secure over HTTPS. Without "remember me" it is a browser-session
 * cookie (gone when the browser closes); with it, it lives as long as the session may idle.
 */
export function setSessionCookie(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  remember: boolean,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    ...(remember ? { maxAge: Math.floor(ctx.config.sessions.rememberMs / 1000) } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

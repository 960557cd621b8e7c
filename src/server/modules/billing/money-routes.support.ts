import type { FastifyRequest } from 'fastify';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Tx } from '../../infra/db.js';
import type { Guards } from '../access/index.js';

/** The error answers every billing route may give. */
export const billingErrors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

export const billingTags = ['billing'];

/** Staff who handle money: owners, administrators and managers (teachers do not). */
export const moneyStaff = (guards: Guards) => guards.requireStaff('owner', 'admin', 'manager');

/** The signed-in staff member's id (the guard already made sure there is one). */
export function actorOf(request: FastifyRequest): string {
  const user = request.user;
  if (!user?.staffRole) throw new AppError('forbidden');
  return user.id;
}

/**
 * The money write's idempotency key: the `Idempotency-Key` header, else the body's key.
 * Required: without it a retried request could move money twice.
 */
export function idempotencyKeyOf(request: FastifyRequest, bodyKey: string | undefined): string {
  const header = request.headers['idempotency-key'];
  const key = (typeof header === 'string' ? header.trim() : '') || bodyKey;
  if (!key || key.length < 8 || key.length > 200) throw new AppError('idempotency_key_required');
  return key;
}

const isUniqueViolation = (error: unknown): boolean => {
  const code = (value: unknown) => (value as { code?: unknown } | null)?.code;
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
};

/**
 * Runs a money write in its own transaction. Retries of one request queue on the student's lock
 * and find the first result; two requests with the same key for different students can still
 * race to the unique key, and the loser is run once more: it then finds the winner's write and
 * answers `idempotency_key_reused` (or the winner's result, when it was the same write).
 */
export async function runMoneyWrite<T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(work);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return ctx.db.transaction(work);
  }
}

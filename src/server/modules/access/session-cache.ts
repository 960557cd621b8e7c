import type { AppContext } from '../../infra/context.js';
import { cachePerFeed } from '../../infra/read-cache.js';
import { findSessionByTokenHash } from './sessions.repo.js';

type FoundSession = NonNullable<Awaited<ReturnType<typeof findSessionByTokenHash>>>;

// The clock never makes an entry wrong (every check against "now" runs on each request), so the
// lifetime only bounds the memory of sessions that stopped coming.
const cacheOf = cachePerFeed<FoundSession>({ maxEntries: 50_000, ttlMs: 5 * 60_000 });

/**
 * The session behind a cookie with its account, as `findSessionByTokenHash` reads it, from
 * this process's memory when the change feed allows (ADR 0010). Kept: live sessions of
 * accounts with no block in force or still to come (lifted and ended blocks do not count). Any
 * change to the account, its sessions
 * or its blocks is announced as `user:<id>` and drops the entry, so signing out elsewhere or a
 * new block takes effect on the next request, on every instance.
 */
export async function findSessionThroughCache(
  ctx: AppContext,
  organizationId: string,
  tokenHash: string,
  now: Date,
): Promise<FoundSession | null> {
  const cache = cacheOf(ctx.database.changes);
  const key = `${organizationId}:${tokenHash}`;
  const cached = cache.get(key, now.getTime());
  if (cached) return cached;
  const ticket = cache.ticket();
  const found = await findSessionByTokenHash(ctx.db, organizationId, tokenHash, now);
  if (found && !found.session.endedAt && !found.hasBlocks) {
    // Shared by every request of the session from now on: nobody may change it in place.
    Object.freeze(found.session);
    Object.freeze(found.user);
    cache.store(ticket, key, Object.freeze(found), [`user:${found.user.id}`], now.getTime());
  }
  return found;
}

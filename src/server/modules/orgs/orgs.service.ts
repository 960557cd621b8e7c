import type { Db } from '../../infra/db.js';
import {
  findDefaultOrganization,
  findOrganizationByHost,
  insertDefaultOrganization,
  type Organization,
} from './orgs.repo.js';

const CACHE_TTL_MS = 30_000;

/**
 * Resolves the organization of a request from its host name, falling back to the default
 * organization. Cached briefly per process: organizations change rarely and every request asks.
 */
export function createOrganizationResolver(db: Db) {
  const cache = new Map<string, { organization: Organization; expiresAt: number }>();
  return async function resolveOrganization(hostHeader: string | undefined): Promise<Organization> {
    const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
    const now = Date.now();
    const hit = cache.get(host);
    if (hit && hit.expiresAt > now) return hit.organization;
    const organization =
      (host ? await findOrganizationByHost(db, host) : null) ?? (await findDefaultOrganization(db));
    if (!organization)
      throw new Error('No default organization: run migrations and start-up first');
    if (cache.size > 1000) cache.clear();
    cache.set(host, { organization, expiresAt: now + CACHE_TTL_MS });
    return organization;
  };
}

/** Creates the default organization on an empty database; returns it and whether it is new. */
export async function ensureDefaultOrganization(db: Db) {
  const existing = await findDefaultOrganization(db);
  if (existing) return { organization: existing, created: false };
  const organization = await insertDefaultOrganization(db, 'Личный кабинет');
  if (!organization) throw new Error('Could not create the default organization');
  return { organization, created: true };
}

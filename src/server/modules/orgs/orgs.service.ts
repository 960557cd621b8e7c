import type { Db } from '../../infra/db.js';
import {
  findDefaultOrganization,
  insertDefaultOrganization,
  insertOrganization,
  listOrganizations,
  type Organization,
} from './orgs.repo.js';

// Another instance's new organization is seen within this long; this process's at once.
const DIRECTORY_TTL_MS = 30_000;
// Bumped whenever this process creates an organization, so its directory reloads.
let directoryVersion = 0;

interface Directory {
  byHost: Map<string, Organization>;
  fallback: Organization;
  loadedAt: number;
  version: number;
}

/**
 * Resolves the organization of a request from its host name, falling back to the default
 * organization. Host names live in an in-memory directory reloaded every 30 s, so a request
 * with a made-up Host header costs no database query (it arrives before any rate limit).
 */
export function createOrganizationResolver(db: Db) {
  let directory: Directory | null = null;
  let loading: Promise<Directory> | null = null;

  async function load(): Promise<Directory> {
    const version = directoryVersion;
    const all = await listOrganizations(db);
    const fallback = all.find((organization) => organization.isDefault);
    if (!fallback) throw new Error('No default organization: run migrations and start-up first');
    const byHost = new Map<string, Organization>();
    for (const organization of all) {
      for (const host of organization.hostnames) byHost.set(host.toLowerCase(), organization);
    }
    return { byHost, fallback, loadedAt: Date.now(), version };
  }

  return async function resolveOrganization(hostHeader: string | undefined): Promise<Organization> {
    const stale =
      !directory ||
      directory.version !== directoryVersion ||
      Date.now() - directory.loadedAt > DIRECTORY_TTL_MS;
    if (stale) {
      // One reload at a time however many requests arrive meanwhile.
      loading ??= load().finally(() => {
        loading = null;
      });
      try {
        directory = await loading;
      } catch (error) {
        // Keep serving the last known directory through a database hiccup.
        if (!directory) throw error;
      }
    }
    const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
    const current = directory as Directory;
    return current.byHost.get(host) ?? current.fallback;
  };
}

/** Creates an organization (reachable at `hostnames`); this process sees it at once. */
export async function createOrganization(
  db: Db,
  values: { slug: string; name: string; hostnames?: string[] },
) {
  const organization = await insertOrganization(db, {
    ...values,
    hostnames: (values.hostnames ?? []).map((host) => host.toLowerCase()),
  });
  directoryVersion++;
  return organization;
}

/** Makes this process reload the host directory (and so `request.organization`) at once. */
export function invalidateOrganizationDirectory() {
  directoryVersion++;
}

/** Creates the default organization on an empty database; returns it and whether it is new. */
export async function ensureDefaultOrganization(db: Db) {
  const existing = await findDefaultOrganization(db);
  if (existing) return { organization: existing, created: false };
  const organization = await insertDefaultOrganization(db, 'Личный кабинет');
  if (!organization) throw new Error('Could not create the default organization');
  return { organization, created: true };
}

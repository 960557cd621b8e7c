/**
 * The Kabinet service worker (hand-written, no Workbox).
 *
 * - Precaches the app shell: `/` (index.html) and every file of the build. The list and a
 *   content hash are written into this file at build time by the `kabinet-service-worker`
 *   plugin in vite.config.ts, so each deploy is a new worker with a new cache.
 * - Navigations go to the network first and fall back to the cached shell offline, so the
 *   SPA still opens and can say honestly that it is offline.
 * - Never touches `/api/*` or the operational endpoints: personal data is not cached.
 */

declare const __KABINET_PRECACHE__: string[];
declare const __KABINET_BUILD__: string;

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'kabinet-shell-';
const CACHE_NAME = `${CACHE_PREFIX}${__KABINET_BUILD__}`;
const SHELL_URL = '/';
const PRECACHE = new Set(__KABINET_PRECACHE__);

/** Paths the server owns; a request to them always goes straight to the network. */
const NETWORK_ONLY_PREFIXES = ['/api/', '/healthz', '/readyz', '/metrics', '/docs'];

function isNetworkOnly(pathname: string): boolean {
  return NETWORK_ONLY_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE_NAME);
  // `reload` bypasses the HTTP cache so that a stale index.html never gets precached.
  await cache.addAll([...PRECACHE].map((url) => new Request(url, { cache: 'reload' })));
}

async function dropOldCaches(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(
    names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)),
  );
}

async function navigate(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match(SHELL_URL, { cacheName: CACHE_NAME });
    if (shell) return shell;
    throw error;
  }
}

async function fromCacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE_NAME });
  return cached ?? fetch(request);
}

sw.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(dropOldCaches().then(() => sw.clients.claim()));
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== sw.location.origin || isNetworkOnly(url.pathname)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  if (PRECACHE.has(url.pathname)) event.respondWith(fromCacheFirst(request));
});

export {};

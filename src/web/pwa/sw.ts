/**
 * The Kabinet service worker (hand-written, no Workbox).
 *
 * - Precaches the app shell: `/` (index.html) and every file of the build. The list and a
 *   content hash are written into this file at build time by the `kabinet-service-worker`
 *   plugin in vite.config.ts, so each deploy is a new worker with a new cache.
 * - Navigations go to the network first and fall back to the cached shell offline, so the
 *   SPA still opens and can say honestly that it is offline.
 * - Never touches `/api/*` or the operational endpoints: personal data is not cached.
 * - Shows web push notifications, opens their page on a click, and re-subscribes when the
 *   browser replaces a push subscription (see the push section at the end).
 *
 * It imports nothing: the worker is registered as a classic script, so a shared chunk could
 * not be loaded into it.
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

// ---------------------------------------------------------------------------------------------
// Web push

/** The icon shown with every notification (a PNG of the manifest's set). */
const NOTIFICATION_ICON = '/icons/icon-192.png';

/**
 * What the server sends in a push message (`ZPushPayload` in src/shared/contracts/
 * notifications.ts, JSON encrypted with aes128gcm); restated here because the worker imports
 * nothing.
 */
interface PushPayload {
  title: string;
  body: string;
  /** Path inside the portal that the notification opens, e.g. `/`. */
  url: string;
  /** Collapses repeats: a newer notification with the same tag replaces the shown one. */
  tag: string | null;
}

/**
 * Reads a push message leniently: a server and a worker of different deploys may meet, and a
 * notification the person cannot read is worse than a plain one.
 */
function readPushPayload(data: PushMessageData | null): PushPayload | null {
  if (!data) return null;
  let value: unknown;
  try {
    value = data.json();
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? record[key] : null);
  const title = text('title');
  if (!title) return null;
  return {
    title,
    body: text('body') ?? '',
    url: sameOriginPath(text('url')),
    tag: text('tag') || null,
  };
}

/** A path of this portal; anything pointing elsewhere opens the home page instead. */
function sameOriginPath(url: string | null): string {
  if (!url) return '/';
  try {
    const parsed = new URL(url, sw.location.origin);
    if (parsed.origin !== sw.location.origin) return '/';
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return '/';
  }
}

sw.addEventListener('push', (event) => {
  const payload = readPushPayload(event.data);
  // Chrome punishes a push that shows nothing (userVisibleOnly), so even an unreadable
  // message becomes a generic notification that opens the portal.
  const title = payload?.title ?? 'Личный кабинет';
  const options: NotificationOptions = {
    body: payload?.body ?? '',
    icon: NOTIFICATION_ICON,
    data: { url: payload?.url ?? '/' },
    ...(payload?.tag ? { tag: payload.tag } : {}),
  };
  event.waitUntil(sw.registration.showNotification(title, options));
});

/** Focuses a window of the portal and takes it to `path`, or opens a new one. */
async function openPortal(path: string): Promise<void> {
  const target = new URL(path, sw.location.origin).href;
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const exact = windows.find((client) => client.url === target);
  if (exact) {
    await exact.focus();
    return;
  }
  const any = windows.find((client) => new URL(client.url).origin === sw.location.origin);
  if (any) {
    const focused = await any.focus();
    // navigate() only works for clients this worker controls; otherwise open a new window.
    if (await focused.navigate(target).catch(() => null)) return;
  }
  await sw.clients.openWindow(target);
}

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const path = sameOriginPath(typeof data?.url === 'string' ? data.url : null);
  event.waitUntil(openPortal(path));
});

/** The browser-side shape of `POST /api/notifications/push-subscriptions`. */
function subscriptionBody(subscription: PushSubscription) {
  const json = subscription.toJSON();
  return {
    endpoint: subscription.endpoint,
    keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' },
    userAgent: sw.navigator.userAgent.slice(0, 500),
  };
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * The browser replaced or dropped the subscription (keys rotated, push service reset): make a
 * new one with the server's current VAPID key and register it, so reminders keep coming. The
 * old endpoint starts answering 410 and the server deletes it on the next send.
 */
async function renewSubscription(offered: PushSubscription | null): Promise<void> {
  const subscription = offered ?? (await subscribeAgain());
  if (!subscription) return;
  // A signed-out browser gets 401 here; the person re-enables push in settings next time.
  await fetch('/api/notifications/push-subscriptions', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(subscriptionBody(subscription)),
  });
}

/** A new subscription with the server's current VAPID key, or null when it cannot be had. */
async function subscribeAgain(): Promise<PushSubscription | null> {
  const keyResponse = await fetch('/api/notifications/vapid-public-key', {
    credentials: 'same-origin',
  });
  if (!keyResponse.ok) return null;
  const { publicKey } = (await keyResponse.json()) as { publicKey?: unknown };
  if (typeof publicKey !== 'string') return null;
  return sw.registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: base64UrlToBytes(publicKey),
  });
}

/** `pushsubscriptionchange` is not in TypeScript's lib yet; Firefox fills `newSubscription`. */
type PushSubscriptionChangeEvent = ExtendableEvent & { newSubscription?: PushSubscription | null };

sw.addEventListener('pushsubscriptionchange', (event) => {
  const change = event as PushSubscriptionChangeEvent;
  change.waitUntil(renewSubscription(change.newSubscription ?? null));
});

export {};

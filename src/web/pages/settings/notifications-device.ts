import { useCallback, useEffect, useState } from 'react';
import {
  deletePushSubscription,
  fetchVapidPublicKey,
  registerPushSubscription,
} from '../../api/notifications.js';

/**
 * Push on this browser:
 * - `checking` — looking at the service worker and the existing subscription;
 * - `unsupported` — no service worker, Push API or Notification API here;
 * - `blocked` — the person (or the browser) denied the permission; only the browser can undo it;
 * - `off` — could be turned on (the permission is asked only when the person presses the button);
 * - `on` — subscribed, and the permission is granted.
 */
export type PushDeviceState = 'checking' | 'unsupported' | 'blocked' | 'off' | 'on';

/** Remembers the server id of this browser's subscription, to delete it when turning push off. */
const STORED_ID_KEY = 'kabinet.push.subscription';

interface StoredSubscription {
  endpoint: string;
  id: string;
}

function readStoredId(endpoint: string): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORED_ID_KEY) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null) return null;
    const { endpoint: known, id } = stored as Partial<StoredSubscription>;
    return known === endpoint && typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

function storeId(value: StoredSubscription | null): void {
  if (value) localStorage.setItem(STORED_ID_KEY, JSON.stringify(value));
  else localStorage.removeItem(STORED_ID_KEY);
}

/** Whether the browser has everything web push needs. */
function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/**
 * An iPhone or iPad browsing in Safari rather than from the Home Screen: there Apple offers web
 * push only to apps added to the Home Screen (iOS 16.4+), so the page must say how.
 */
export function isIosOutsideHomeScreen(): boolean {
  const iosDevice =
    /iPad|iPhone|iPod/.test(navigator.userAgent) ||
    // iPadOS presents itself as a Mac; only touch gives it away.
    (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
  if (!iosDevice) return false;
  const standalone =
    window.matchMedia('(display-mode: standalone)').matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return !standalone;
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(resolve, ms, undefined));
}

/**
 * The portal's service worker registration. It is registered after the page loads (production
 * builds only), so a fresh page may wait for it a little; without one, push is unavailable.
 */
async function findRegistration(waitMs: number): Promise<ServiceWorkerRegistration | undefined> {
  const existing = await navigator.serviceWorker.getRegistration('/');
  if (existing?.active) return existing;
  return Promise.race([navigator.serviceWorker.ready, delay(waitMs)]);
}

/** `applicationServerKey` wants bytes; the server gives base64url. */
function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** False when the subscription is known to belong to another application server key. */
function madeWithKey(subscription: PushSubscription, key: Uint8Array): boolean {
  // `options` is missing in older engines (Safari before 16), so it is read as optional.
  const { options } = subscription as { options?: PushSubscriptionOptions };
  const used = options?.applicationServerKey;
  if (!used) return true;
  const bytes = new Uint8Array(used);
  return bytes.length === key.length && bytes.every((byte, index) => byte === key[index]);
}

/** Registers `subscription` on the server and remembers its id. */
async function sendToServer(subscription: PushSubscription): Promise<string> {
  const keys = subscription.toJSON().keys ?? {};
  const id = await registerPushSubscription({
    endpoint: subscription.endpoint,
    keys: { p256dh: keys.p256dh ?? '', auth: keys.auth ?? '' },
    userAgent: navigator.userAgent.slice(0, 500),
  });
  storeId({ endpoint: subscription.endpoint, id });
  return id;
}

async function readState(): Promise<PushDeviceState> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  const registration = await findRegistration(5_000);
  if (!registration) return 'unsupported';
  const subscription = await registration.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted' ? 'on' : 'off';
}

/** What `enable` ended with when it did not turn push on. */
export type EnableOutcome = 'on' | 'blocked' | 'dismissed' | 'unsupported';

/**
 * This device's push state and the two actions of the settings page. The permission prompt is
 * shown only from `enable`, i.e. after the person pressed «Включить уведомления».
 */
export function usePushDevice() {
  const [state, setState] = useState<PushDeviceState>('checking');

  useEffect(() => {
    let live = true;
    readState()
      .then((next) => {
        if (live) setState(next);
      })
      .catch(() => {
        if (live) setState('unsupported');
      });
    return () => {
      live = false;
    };
  }, []);

  const enable = useCallback(async (): Promise<EnableOutcome> => {
    if (!pushSupported()) return 'unsupported';
    // Asked first, while the click still counts as a user gesture (Safari insists on it).
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') {
      if (permission === 'denied') setState('blocked');
      return permission === 'denied' ? 'blocked' : 'dismissed';
    }
    const registration = await findRegistration(15_000);
    if (!registration) {
      setState('unsupported');
      return 'unsupported';
    }
    const applicationServerKey = base64UrlToBytes(await fetchVapidPublicKey());
    let subscription = await registration.pushManager.getSubscription();
    if (subscription && !madeWithKey(subscription, applicationServerKey)) {
      // Made for other VAPID keys (rotated on the server): the push service would refuse us.
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey,
    });
    await sendToServer(subscription);
    setState('on');
    return 'on';
  }, []);

  const disable = useCallback(async (): Promise<void> => {
    const registration = await navigator.serviceWorker.getRegistration('/');
    const subscription = await registration?.pushManager.getSubscription();
    if (subscription) {
      // Registering again answers the existing id when this browser's id was not remembered.
      const id = readStoredId(subscription.endpoint) ?? (await sendToServer(subscription));
      await deletePushSubscription(id);
      await subscription.unsubscribe();
    }
    storeId(null);
    setState('off');
  }, []);

  return { state, enable, disable };
}

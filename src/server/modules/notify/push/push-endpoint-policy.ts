import { isIP } from 'node:net';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Whether the server may POST pushes to `endpoint`. Push services (FCM, Mozilla autopush, Apple,
 * Windows) are https host names on the default port; requiring that keeps a person from
 * pointing the server at internal addresses (no IP literals, no single-label names, no ports).
 * Plain http is accepted only for loopback endpoints on an instance whose own PUBLIC_URL is
 * http — development and tests, where a local push service stands in; a production instance
 * is https (browsers offer push only to secure origins) and refuses them.
 */
export function isAllowedPushEndpoint(endpoint: string, publicUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'http:') {
    return new URL(publicUrl).protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  }
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname;
  return isIP(host.replace(/^\[|\]$/g, '')) === 0 && host.includes('.') && host !== 'localhost';
}

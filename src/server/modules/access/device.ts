import { UAParser } from 'ua-parser-js';

/** "Chrome 131 · Windows 10" from a user agent, for the list of signed-in devices. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const { browser, os, device } = UAParser(userAgent);
  const browserName = [browser.name, browser.major].filter(Boolean).join(' ');
  const system =
    [device.vendor, device.model].filter(Boolean).join(' ') ||
    [os.name, os.version].filter(Boolean).join(' ');
  return [browserName, system].filter(Boolean).join(' · ') || userAgent.slice(0, 60);
}

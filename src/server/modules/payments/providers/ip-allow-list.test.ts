import { describe, expect, it } from 'vitest';
import { createIpAllowList } from './ip-allow-list.js';

// YooKassa's documented notification sources (the default of YOOKASSA_WEBHOOK_ALLOWED_IPS).
const YOOKASSA = [
  '185.71.76.0/27',
  '185.71.77.0/27',
  '77.75.153.0/25',
  '77.75.156.11',
  '77.75.156.35',
  '77.75.154.128/25',
  '2a02:5180::/32',
];

describe('IP allow-list', () => {
  const allowed = createIpAllowList(YOOKASSA);

  it.each([
    '185.71.76.0',
    '185.71.76.31',
    '185.71.77.5',
    '77.75.153.127',
    '77.75.156.11',
    '77.75.156.35',
    '77.75.154.200',
    '2a02:5180::1',
    '2a02:5180:0:1509::abcd',
    '2A02:5180:FFFF::1',
  ])('lets %s in', (ip) => {
    expect(allowed(ip)).toBe(true);
  });

  it.each([
    '185.71.76.32',
    '185.71.75.255',
    '77.75.153.128',
    '77.75.156.12',
    '77.75.154.127',
    '127.0.0.1',
    '10.0.0.1',
    '2a02:5181::1',
    '::1',
  ])('keeps %s out', (ip) => {
    expect(allowed(ip)).toBe(false);
  });

  it('matches IPv4-mapped IPv6 addresses against IPv4 ranges', () => {
    expect(allowed('::ffff:185.71.76.1')).toBe(true);
    expect(allowed('::ffff:b947:4c01')).toBe(true); // 185.71.76.1 in hex
    expect(allowed('::ffff:185.71.76.40')).toBe(false);
    expect(allowed('::ffff:127.0.0.1')).toBe(false);
  });

  it('treats what is not an address as not allowed', () => {
    for (const ip of ['', 'localhost', '185.71.76', '185.71.76.1/27', '999.1.1.1', 'fe80::zz']) {
      expect(allowed(ip)).toBe(false);
    }
  });

  it('ignores the zone of a link-local address', () => {
    const linkLocal = createIpAllowList(['fe80::/10']);
    expect(linkLocal('fe80::1%eth0')).toBe(true);
  });

  it('allows nothing when the list is empty', () => {
    const none = createIpAllowList([]);
    expect(none('185.71.76.1')).toBe(false);
    expect(none('::1')).toBe(false);
  });

  it.each([
    '185.71.76.0/33',
    '2a02:5180::/129',
    'example.org',
    '1.2.3.4/8/1',
    '10.0.0.0/x',
    '10.0.0.0/',
  ])('refuses the malformed entry %s, naming it', (entry) => {
    expect(() => createIpAllowList(['127.0.0.1', entry])).toThrow(entry);
  });
});

import { describe, expect, it } from 'vitest';
import { isAllowedPushEndpoint } from './push-endpoint-policy.js';

const production = 'https://kabinet.example.ru';
const development = 'http://kabinet.test';

describe('isAllowedPushEndpoint', () => {
  it('accepts the push services of real browsers', () => {
    for (const endpoint of [
      'https://fcm.googleapis.com/fcm/send/abc:def',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAA',
      'https://web.push.apple.com/QGuQyavXutnMH',
      'https://wns2-par02p.notify.windows.com/w/?token=BQYAAA',
    ]) {
      expect(isAllowedPushEndpoint(endpoint, production)).toBe(true);
    }
  });

  it('refuses internal addresses, ports and credentials', () => {
    for (const endpoint of [
      'https://10.0.0.5/push',
      'https://[::1]/push',
      'https://localhost/push',
      'https://intranet/push',
      'https://push.example.com:8443/x',
      'https://user:pw@push.example.com/x',
      'ftp://push.example.com/x',
      'not a url',
    ]) {
      expect(isAllowedPushEndpoint(endpoint, production)).toBe(false);
    }
  });

  it('accepts plain-http loopback endpoints only on an http (development) instance', () => {
    expect(isAllowedPushEndpoint('http://127.0.0.1:4100/push/1', development)).toBe(true);
    expect(isAllowedPushEndpoint('http://localhost:4100/push/1', development)).toBe(true);
    expect(isAllowedPushEndpoint('http://127.0.0.1:4100/push/1', production)).toBe(false);
    expect(isAllowedPushEndpoint('http://push.example.com/push/1', development)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '../../../../infra/config.js';
import { createYooKassaProvider, YooKassaNotConfiguredError } from './yookassa.provider.js';

function config(env: Record<string, string>): AppConfig {
  return loadConfig({ LOG_LEVEL: 'silent', PAYMENT_PROVIDER: 'yookassa', ...env });
}

const configured = config({ YOOKASSA_SHOP_ID: '100500', YOOKASSA_SECRET_KEY: 'test_secret' });

/** Credentials as an instance may hold them (loadConfig refuses PAYMENT_PROVIDER=yookassa without
 * them, but the sandbox instance still builds the adapter for a stray YooKassa webhook). */
function withCredentials(shopId: string | undefined, secretKey: string | undefined): AppConfig {
  const base = loadConfig({ LOG_LEVEL: 'silent' });
  return {
    ...base,
    payments: { ...base.payments, yookassa: { ...base.payments.yookassa, shopId, secretKey } },
  };
}

describe('YooKassa provider: configuration', () => {
  it('names both missing variables when neither is set', () => {
    const neither = () => createYooKassaProvider(withCredentials(undefined, undefined));
    expect(neither).toThrow(YooKassaNotConfiguredError);
    expect(neither).toThrow(/YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY/);
  });

  it('names the one variable that is missing', () => {
    const noSecret = () => createYooKassaProvider(withCredentials('100500', undefined));
    expect(noSecret).toThrow(/set YOOKASSA_SECRET_KEY /);
    const noShop = () => createYooKassaProvider(withCredentials(undefined, 'test_secret'));
    expect(noShop).toThrow(/set YOOKASSA_SHOP_ID /);
  });

  it('refuses a malformed allow-list entry at once', () => {
    const bad = config({
      YOOKASSA_SHOP_ID: '100500',
      YOOKASSA_SECRET_KEY: 'test_secret',
      YOOKASSA_WEBHOOK_ALLOWED_IPS: '185.71.76.0/27, 185.71.77.0/40',
    });
    expect(() => createYooKassaProvider(bad)).toThrow('185.71.77.0/40');
  });

  it('trusts YooKassa’s documented addresses by default, and nobody else', () => {
    const provider = createYooKassaProvider(configured);
    expect(provider.isAllowedNotificationSource('185.71.76.1')).toBe(true);
    expect(provider.isAllowedNotificationSource('77.75.156.35')).toBe(true);
    expect(provider.isAllowedNotificationSource('2a02:5180:0:2655::1')).toBe(true);
    expect(provider.isAllowedNotificationSource('127.0.0.1')).toBe(false);
    expect(provider.isAllowedNotificationSource('::1')).toBe(false);
  });
});

describe('YooKassa provider: notifications', () => {
  const provider = createYooKassaProvider(configured);
  const id = '2419a771-000f-5000-9000-1edaf29243f2';

  it.each([
    ['payment.succeeded', 'payment'],
    ['payment.waiting_for_capture', 'payment'],
    ['payment.canceled', 'payment'],
    ['refund.succeeded', 'refund'],
  ] as const)('reads %s as a hint about a %s', (event, objectType) => {
    const body = { type: 'notification', event, object: { id, status: 'whatever it claims' } };
    expect(provider.parseNotification(body)).toEqual({ event, objectType, objectId: id });
  });

  it.each([
    ['another event', { type: 'notification', event: 'payout.succeeded', object: { id } }],
    ['an inherited key', { type: 'notification', event: 'toString', object: { id } }],
    ['another type', { type: 'payment', event: 'payment.succeeded', object: { id } }],
    ['no object', { type: 'notification', event: 'payment.succeeded' }],
    ['an empty id', { type: 'notification', event: 'payment.succeeded', object: { id: '' } }],
    ['a numeric id', { type: 'notification', event: 'payment.succeeded', object: { id: 42 } }],
    [
      'a huge id',
      { type: 'notification', event: 'payment.succeeded', object: { id: 'x'.repeat(65) } },
    ],
    ['a string', 'payment.succeeded'],
    ['null', null],
    ['an array', [{ type: 'notification', event: 'payment.succeeded', object: { id } }]],
  ])('ignores %s', (_what, body) => {
    expect(provider.parseNotification(body)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  cancellationParty,
  findTestCard,
  formatCardNumber,
  isCardExpired,
  isValidCvc,
  normalizeCardNumber,
  parseCardExpiry,
  passesLuhn,
  TEST_CARDS,
} from './sandbox.cards.js';

describe('sandbox test cards', () => {
  it('gives every test card a number that passes the Luhn check, once', () => {
    for (const card of TEST_CARDS) expect(passesLuhn(card.number), card.number).toBe(true);
    expect(new Set(TEST_CARDS.map((card) => card.number)).size).toBe(TEST_CARDS.length);
  });

  it('covers success, 3-D Secure and every decline the issue names', () => {
    const outcomes = TEST_CARDS.map((card) =>
      card.outcome.kind === 'decline' ? card.outcome.reason : card.outcome.kind,
    );
    expect(outcomes).toEqual(
      expect.arrayContaining([
        'success',
        '3ds',
        'insufficient_funds',
        'payment_method_limit_exceeded',
        'payment_method_restricted',
        'card_expired',
      ]),
    );
    expect(findTestCard('2200000000000004')).toMatchObject({
      brand: 'Mir',
      outcome: { kind: 'success' },
    });
  });

  it('reads card numbers typed with spaces, non-breaking spaces or dashes', () => {
    expect(normalizeCardNumber('5555 5555 5555 4444')).toBe('5555555555554444');
    expect(normalizeCardNumber('5555\u00A05555-5555 4444 ')).toBe('5555555555554444');
    expect(normalizeCardNumber('5555 5555 5555 444a')).toBeNull();
    expect(normalizeCardNumber('1234')).toBeNull();
    expect(passesLuhn('5555555555554445')).toBe(false);
    expect(formatCardNumber('2200000000000004')).toBe('2200 0000 0000 0004');
  });

  it('reads expiry dates in the usual spellings and knows when a card has expired', () => {
    expect(parseCardExpiry('12/30')).toEqual({ month: 12, year: 2030 });
    expect(parseCardExpiry(' 1 / 2031 ')).toEqual({ month: 1, year: 2031 });
    expect(parseCardExpiry('0629')).toEqual({ month: 6, year: 2029 });
    expect(parseCardExpiry('13/30')).toBeNull();
    expect(parseCardExpiry('00/30')).toBeNull();
    expect(parseCardExpiry('tomorrow')).toBeNull();
    const now = new Date('2026-11-22T06:00:00Z');
    expect(isCardExpired({ month: 11, year: 2026 }, now)).toBe(false);
    expect(isCardExpired({ month: 10, year: 2026 }, now)).toBe(true);
  });

  it('accepts three-digit codes and names the side of each decline as YooKassa does', () => {
    expect(isValidCvc('123')).toBe(true);
    expect(isValidCvc('12')).toBe(false);
    expect(isValidCvc('12a')).toBe(false);
    expect(cancellationParty('insufficient_funds')).toBe('payment_network');
    expect(cancellationParty('fraud_suspected')).toBe('yoo_money');
    expect(cancellationParty('expired_on_confirmation')).toBe('yoo_money');
    expect(cancellationParty('canceled_by_merchant')).toBe('merchant');
  });
});

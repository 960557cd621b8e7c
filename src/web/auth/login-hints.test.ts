import { describe, expect, it } from 'vitest';
import { capsLockFrom, convertRuLayoutToEn, suggestLayoutFix } from './login-hints.js';

describe('wrong keyboard layout hint', () => {
  it('retypes Russian-layout text on QWERTY, keeping case', () => {
    expect(convertRuLayoutToEn('Ашкуащч')).toBe('Firefox');
    expect(convertRuLayoutToEn('фвьшт@учфьздуюсщь')).toBe('admin@example.com');
  });

  it('offers the Latin address for an email typed in the Russian layout', () => {
    expect(suggestLayoutFix('фвьшт@учфьздуюсщь')).toBe('admin@example.com');
    expect(suggestLayoutFix(' ФВЬШТ@учфьздуюсщь ')).toBe('admin@example.com');
  });

  it('reads the Russian-layout Shift+2 quote as the at sign', () => {
    expect(suggestLayoutFix('фвьшт"учфьздуюсщь')).toBe('admin@example.com');
  });

  it('does not hint for real Cyrillic-domain addresses', () => {
    expect(suggestLayoutFix('иван@почта.рф')).toBeNull();
    expect(suggestLayoutFix('мария@школа.дети')).toBeNull();
    expect(suggestLayoutFix('анна@сайт.рус')).toBeNull();
  });

  it('does not hint for Latin text or for Cyrillic text that is no login', () => {
    expect(suggestLayoutFix('admin@example.com')).toBeNull();
    expect(suggestLayoutFix('Иванов Иван')).toBeNull();
    expect(suggestLayoutFix('')).toBeNull();
    expect(suggestLayoutFix('+7 900 123-45-67')).toBeNull();
  });

  it('offers the personal code when one was typed in the Russian layout', () => {
    // A C D E F G H J → ф с в у а п р о
    expect(suggestLayoutFix('фсвуапро')).toBe('ACDEFGHJ');
  });
});

describe('Caps Lock', () => {
  it('reads the modifier state when the event has it', () => {
    expect(capsLockFrom({ getModifierState: (key) => key === 'CapsLock' })).toBe(true);
    expect(capsLockFrom({ getModifierState: () => false })).toBe(false);
    expect(capsLockFrom({})).toBeNull();
  });
});

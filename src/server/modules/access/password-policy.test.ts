import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNewPassword, isCommonPassword } from './password-policy.js';

const policy = { minLength: 10 };

describe('checkNewPassword', () => {
  it('accepts a long passphrase without any composition rules', () => {
    expect(checkNewPassword('корова пасётся на лугу', policy)).toEqual([]);
    expect(checkNewPassword('all lower case words here', policy)).toEqual([]);
  });

  it("refuses a password shorter than the organization's minimum, counting code points", () => {
    expect(checkNewPassword('short one', policy)).toEqual(['too_short']);
    expect(checkNewPassword('ёжик в тума', policy)).toEqual([]);
    expect(checkNewPassword('ёжик в тума', { minLength: 12 })).toEqual(['too_short']);
    // Each emoji is one character, not two UTF-16 units.
    expect(checkNewPassword('🐈🐈🐈🐈🐈🐈🐈🐈🐈', policy)).toEqual(['too_short']);
  });

  it('never lets the minimum fall below eight characters', () => {
    expect(checkNewPassword('abcxyz7', { minLength: 4 })).toEqual(['too_short']);
  });

  it('accepts 64 characters and refuses more than 1024', () => {
    expect(checkNewPassword('я'.repeat(64), policy)).toEqual([]);
    expect(checkNewPassword('x'.repeat(1025), policy)).toEqual(['too_long']);
  });

  it('refuses leading or trailing whitespace but allows spaces inside', () => {
    expect(checkNewPassword(' leading space pass', policy)).toEqual(['surrounding_whitespace']);
    expect(checkNewPassword('trailing space pass\u00A0', policy)).toEqual([
      'surrounding_whitespace',
    ]);
    expect(checkNewPassword('spaces inside are fine', policy)).toEqual([]);
  });

  it('refuses invisible characters pasted with the password', () => {
    for (const invisible of ['\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\t', '\u3164']) {
      expect(checkNewPassword(`pass${invisible}word long`, policy), invisible).toContain(
        'invisible_characters',
      );
    }
  });

  it('refuses common passwords ignoring case and width, including Russian ones', () => {
    for (const common of [
      'password123',
      'PASSWORD123',
      'ｐａｓｓｗｏｒｄ１２３',
      'qwerty123456',
      '1q2w3e4r5t',
      'йцукенгшщз',
      'Spartak2000',
      'privet12345',
      'Natasha1990',
      'пароль123456',
      'zenitspb2024',
    ]) {
      expect(checkNewPassword(common, { minLength: 8 }), common).toContain('too_common');
    }
  });

  it('refuses a common password typed with the other keyboard layout', () => {
    // "qwertyuiop" typed with the Russian layout on, and "пароль1234" with the English one.
    expect(isCommonPassword('йцукенгшщз')).toBe(true);
    expect(isCommonPassword('gfhjkm1234')).toBe(true);
    expect(isCommonPassword('зфыыцщкв123')).toBe(true);
  });

  it('refuses the login itself, or a password containing it', () => {
    const login = 'Irina.Volkova@Example.com';
    expect(checkNewPassword('irina.volkova@example.com', { ...policy, login })).toEqual([
      'contains_login',
    ]);
    expect(checkNewPassword('irina.volkova', { ...policy, login })).toEqual(['contains_login']);
    expect(checkNewPassword('irina.volkova is cool', { ...policy, login })).toEqual([]);
    expect(
      checkNewPassword('my number 9991234567', { ...policy, login: '+7 (999) 123-45-67' }),
    ).toEqual(['contains_login']);
  });

  it('lists every broken rule at once', () => {
    expect(checkNewPassword(' qwerty ', policy).sort()).toEqual(
      ['surrounding_whitespace', 'too_short'].sort(),
    );
  });
});

describe('the common-password list', () => {
  it('ships at least 10,000 entries, with Russian ones', () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8');
    const entries = text.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(entries.length).toBeGreaterThanOrEqual(10_000);
    expect(new Set(entries).size).toBe(entries.length);
    for (const russian of ['qwerty123', 'йцукен', 'ytn', 'parol', 'privet', '1q2w3e4r']) {
      expect(entries).toContain(russian);
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import type { PasswordProblem } from '../../../shared/contracts/auth.js';
import { parseLogin } from '../../../shared/login.js';
import { AppError } from '../../infra/app-error.js';

/** NIST SP 800-63B-4: verifiers must accept at least 64 characters; we accept 1024. */
export const PASSWORD_MAX_LENGTH = 1024;
/** NIST's floor; an organization's `password_min_length` below it is raised to it. */
export const PASSWORD_MIN_LENGTH_FLOOR = 8;
/** The minimum when the organization sets none. */
export const DEFAULT_PASSWORD_MIN_LENGTH = 10;

/** Options of `checkNewPassword`. */
export interface PasswordPolicyOptions {
  /** The organization's `password_min_length`. */
  minLength: number;
  /**
   * The account's login (email, phone or personal code), or all of them, which the password
   * must not contain.
   */
  login?: string | readonly (string | null)[] | null | undefined;
}

// Characters a person cannot see: controls (tab, newline…), format characters (zero-width,
// bidi marks, soft hyphen, BOM) and blank fillers that render as nothing.
const INVISIBLE = /[\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/u;

// Passwords are compared the way they are hashed (NFKC), and case-insensitively so that
// `Qwerty123` counts as `qwerty123`.
const comparable = (text: string) => text.normalize('NFKC').toLowerCase();

let commonPasswords: Set<string> | undefined;

/** The shipped list (common-passwords.txt), loaded once on first use. */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8');
    commonPasswords = new Set(
      text.split('\n').filter((line) => line.length > 0 && !line.startsWith('#')),
    );
  }
  return commonPasswords;
}

const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC = 'йцукенгшщзхъфывапролджэячсмитьбюё';

/** The same keys pressed with the other keyboard layout (ЙЦУКЕН ↔ QWERTY). */
function switchLayout(text: string, from: string, to: string): string {
  return Array.from(text)
    .map((char) => to[from.indexOf(char)] ?? char)
    .join('');
}

/** Whether the password, or the same keys typed in the other layout, is on the common list. */
export function isCommonPassword(password: string): boolean {
  const list = loadCommonPasswords();
  const key = comparable(password);
  return (
    list.has(key) ||
    list.has(switchLayout(key, CYRILLIC, LATIN)) ||
    list.has(switchLayout(key, LATIN, CYRILLIC))
  );
}

/** Parts of a login a password must not be: the login, an email's name, a phone's digits. */
function loginParts(login: string): { contained: string[]; equal: string[] } {
  const parsed = parseLogin(login);
  const whole = comparable(parsed?.value ?? login.trim());
  if (!parsed) return { contained: whole ? [whole] : [], equal: [] };
  if (parsed.kind === 'email') {
    const name = whole.split('@')[0] ?? '';
    return { contained: [whole], equal: name.length >= 3 ? [name] : [] };
  }
  if (parsed.kind === 'phone') {
    const digits = whole.replace(/\D/g, '');
    return { contained: [digits.slice(-10)], equal: [digits, whole] };
  }
  return { contained: [whole], equal: [] };
}

/**
 * Checks a new password against the policy (NIST SP 800-63B-4, OWASP ASVS 5.0): length, no
 * surrounding whitespace or invisible characters, not common, not the login. No composition
 * rules. Returns every rule broken, so the form can show them all at once; empty means fine.
 */
export function checkNewPassword(
  password: string,
  options: PasswordPolicyOptions,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const minLength = Math.max(PASSWORD_MIN_LENGTH_FLOOR, options.minLength);
  // Length in code points after NFKC, as NIST asks: an emoji or a Cyrillic letter is one character.
  const length = Array.from(password.normalize('NFKC')).length;
  if (length < minLength) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (/^\s|\s$/u.test(password)) problems.push('surrounding_whitespace');
  if (INVISIBLE.test(password)) problems.push('invisible_characters');
  if (length <= 256 && isCommonPassword(password)) problems.push('too_common');
  const logins = typeof options.login === 'string' ? [options.login] : (options.login ?? []);
  const key = comparable(password);
  const containsLogin = logins.some((login) => {
    if (!login) return false;
    const parts = loginParts(login);
    return (
      parts.contained.some((part) => part.length > 0 && key.includes(part)) ||
      parts.equal.includes(key)
    );
  });
  if (containsLogin) problems.push('contains_login');
  return problems;
}

/** Throws 400 `password_rejected` with `details.problems` when the password breaks the policy. */
export function assertNewPassword(password: string, options: PasswordPolicyOptions): void {
  const problems = checkNewPassword(password, options);
  if (problems.length > 0) throw new AppError('password_rejected', { problems });
}

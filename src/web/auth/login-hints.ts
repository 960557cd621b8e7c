import { normalizePersonalCode } from '../../shared/login.js';

/**
 * Browser-side hints for the sign-in field. The server never guesses what a person meant
 * (that would leak which logins exist); the browser only points at likely typing slips and
 * offers a correction the person may take or ignore.
 */

/** The ЙЦУКЕН key under each QWERTY key: what a Latin login looks like typed in Russian. */
const RU_TO_EN: Record<string, string> = {
  й: 'q', ц: 'w', у: 'e', к: 'r', е: 't', н: 'y', г: 'u', ш: 'i', щ: 'o', з: 'p',
  х: '[', ъ: ']', ф: 'a', ы: 's', в: 'd', а: 'f', п: 'g', р: 'h', о: 'j', л: 'k',
  д: 'l', ж: ';', э: "'", я: 'z', ч: 'x', с: 'c', м: 'v', и: 'b', т: 'n', ь: 'm',
  б: ',', ю: '.', ё: '`',
}; // prettier-ignore

/**
 * Top-level domains written in Cyrillic: an address ending in one of them is a real
 * internationalized address (`иван@почта.рф`), never a layout slip.
 */
const CYRILLIC_TLDS = new Set([
  'рф', 'рус', 'дети', 'москва', 'онлайн', 'сайт', 'орг', 'ком', 'укр', 'бел', 'срб',
  'мкд', 'қаз', 'бг', 'мон', 'католик',
]); // prettier-ignore

const CYRILLIC = /[\u0400-\u04FF]/;

/** A Latin address as a person would type it; deliberately stricter than RFC 5322. */
const PLAUSIBLE_EMAIL = /^[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,24}$/i;

/** Retypes text as if the keyboard had been on the QWERTY layout; case is kept. */
export function convertRuLayoutToEn(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const mapped = RU_TO_EN[lower];
    if (mapped === undefined) out += char;
    else out += char === lower ? mapped : mapped.toUpperCase();
  }
  return out;
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1 ? '' : email.slice(at + 1);
}

function hasCyrillicTld(text: string): boolean {
  const domain = domainOf(text).toLowerCase();
  if (!domain) return false;
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  return CYRILLIC_TLDS.has(tld);
}

/**
 * When the login looks typed in the Russian layout, the Latin text the person meant;
 * otherwise null. Hints only when the whole text, retyped on QWERTY, is a plausible
 * email or a valid personal code, and the original is not a Cyrillic-domain address.
 */
export function suggestLayoutFix(raw: string): string | null {
  const text = raw.trim();
  if (!CYRILLIC.test(text)) return null;
  if (hasCyrillicTld(text)) return null;
  // Shift+2 gives `"` in the Russian layout, where QWERTY gives `@`.
  const withAt =
    !text.includes('@') && text.split('"').length === 2 ? text.replace('"', '@') : text;
  const converted = convertRuLayoutToEn(withAt);
  if (CYRILLIC.test(converted)) return null;
  if (PLAUSIBLE_EMAIL.test(converted)) return converted.toLowerCase();
  if (!text.includes('@') && normalizePersonalCode(converted)) return converted.toUpperCase();
  return null;
}

/** Caps Lock state from a keyboard or pointer event; null when the browser cannot tell. */
export function capsLockFrom(event: {
  getModifierState?: (key: string) => boolean;
}): boolean | null {
  if (typeof event.getModifierState !== 'function') return null;
  return event.getModifierState('CapsLock');
}

/**
 * Text typed with the wrong keyboard layout: `gfhjkm` is «пароль» typed on ЙЦУКЕН keys while
 * the system layout was QWERTY. Shared by the knowledge-base search (server) and any browser hint.
 */

/** The QWERTY character under each ЙЦУКЕН key (lower case). */
const RU_TO_EN: Record<string, string> = {
  й: 'q', ц: 'w', у: 'e', к: 'r', е: 't', н: 'y', г: 'u', ш: 'i', щ: 'o', з: 'p',
  х: '[', ъ: ']', ф: 'a', ы: 's', в: 'd', а: 'f', п: 'g', р: 'h', о: 'j', л: 'k',
  д: 'l', ж: ';', э: "'", я: 'z', ч: 'x', с: 'c', м: 'v', и: 'b', т: 'n', ь: 'm',
  б: ',', ю: '.', ё: '`',
}; // prettier-ignore

const EN_TO_RU: Record<string, string> = Object.fromEntries(
  Object.entries(RU_TO_EN).map(([ru, en]) => [en, ru]),
);

function remap(text: string, table: Record<string, string>): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const mapped = table[lower];
    if (mapped === undefined) out += char;
    else out += char === lower ? mapped : mapped.toUpperCase();
  }
  return out;
}

/** Retypes text as if the keyboard had been on ЙЦУКЕН: `gfhjkm` → `пароль`; case is kept. */
export function convertEnLayoutToRu(text: string): string {
  return remap(text, EN_TO_RU);
}

/** Retypes text as if the keyboard had been on QWERTY: `зфыыцщкв` → `password`; case is kept. */
export function convertRuLayoutToEn(text: string): string {
  return remap(text, RU_TO_EN);
}

const LATIN = /[a-z]/i;
const CYRILLIC = /[\u0400-\u04FF]/;

/**
 * The same words typed on the other layout, or null when the text mixes scripts or has no
 * letters (so an honest «СБП QR» is never mangled).
 */
export function otherLayout(text: string): string | null {
  const latin = LATIN.test(text);
  const cyrillic = CYRILLIC.test(text);
  if (latin === cyrillic) return null;
  return latin ? convertEnLayoutToRu(text) : convertRuLayoutToEn(text);
}

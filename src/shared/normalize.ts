// Zero-width and format characters that ride along when text is pasted from a document.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Trim, drop invisible characters, NBSP → space, NFKC (full-width → ASCII). */
export function normalizeIdentifier(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(/\u00A0/g, ' ')
    .normalize('NFKC')
    .trim();
}

/** Whether pasted text carried invisible characters (the browser tells the person). */
export function hasInvisibleCharacters(raw: string): boolean {
  return new RegExp(INVISIBLE.source).test(raw);
}

/** Normalizes a typed or pasted email: `normalizeIdentifier`, then lower-case. */
export function normalizeEmail(raw: string): string {
  return normalizeIdentifier(raw).toLowerCase();
}

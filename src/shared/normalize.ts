// Zero-width and format characters that ride along when a login is pasted from a document.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Normalizes a typed or pasted login: trim, drop invisible characters, NFKC, lower-case. */
export function normalizeEmail(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .replace(/\u00A0/g, ' ')
    .normalize('NFKC')
    .trim()
    .toLowerCase();
}

import { convertEnLayoutToRu, convertRuLayoutToEn } from '../../../shared/keyboard-layout.js';
import type { Locale } from '../../../shared/errors.js';

/** Lower case with ё folded into е, as people type it either way. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

/** Words of a text: letters and digits only, so they are always safe inside a tsquery. */
export function wordsOf(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const LATIN = /[a-z]/;
const CYRILLIC = /[а-я]/;

/**
 * Synonyms a support knowledge base needs: the words customers use for what the articles
 * call otherwise. Keys and values are word beginnings (matched as prefixes); kept small on
 * purpose — ranking, not a thesaurus, does the rest.
 */
const SYNONYMS: Record<Locale, Record<string, string[]>> = {
  ru: {
    логин: ['вход'],
    войти: ['вход'],
    зайти: ['вход'],
    залогин: ['вход'],
    аккаунт: ['учетн'],
    учетк: ['учетн'],
    платеж: ['оплат'],
    заплат: ['оплат'],
    деньг: ['оплат'],
    списал: ['оплат', 'списан'],
    чек: ['квитанц'],
    квитанц: ['чек'],
    тикет: ['обращен'],
    заявк: ['обращен'],
    лицензи: ['сертификат'],
    смс: ['sms'],
    емейл: ['почт'],
    имейл: ['почт'],
    email: ['почт'],
    мейл: ['почт'],
    забан: ['заблокир'],
    бан: ['блокировк'],
    курс: ['обучен'],
    капс: ['caps'],
  },
  en: {
    login: ['sign'],
    log: ['sign'],
    payment: ['pay'],
    receipt: ['receipt'],
    ticket: ['ticket'],
    license: ['certificate'],
    banned: ['blocked'],
  },
};

/** One word of the query with what may stand for it: the other keyboard layout, synonyms. */
export interface QuerySlot {
  /** Words searched as prefixes (after stemming). */
  words: string[];
  /** Of `words`, those long enough to spell-correct against the knowledge base's terms. */
  correctable: string[];
}

/** The query as a search plan. `text` feeds trigram title matching. */
export interface QueryPlan {
  slots: QuerySlot[];
  texts: string[];
}

const MAX_SLOTS = 8;

/**
 * Splits what the person typed into slots. Each whitespace-separated chunk is also read as
 * if typed in the other keyboard layout (toward the locale's script): `gfhjkm` → `пароль`.
 * Converting the raw chunk, before punctuation is dropped, keeps `,` → `б` and `;` → `ж`.
 */
export function planQuery(raw: string, locale: Locale): QueryPlan {
  const slots: QuerySlot[] = [];
  const retyped: string[] = [];
  for (const chunk of raw.trim().split(/\s+/).slice(0, MAX_SLOTS)) {
    const lower = normalizeText(chunk);
    const other =
      locale === 'ru' && LATIN.test(lower) && !CYRILLIC.test(lower)
        ? normalizeText(convertEnLayoutToRu(lower))
        : locale === 'en' && CYRILLIC.test(lower) && !LATIN.test(lower)
          ? normalizeText(convertRuLayoutToEn(lower))
          : null;
    const words = new Set(wordsOf(lower));
    if (other) for (const word of wordsOf(other)) words.add(word);
    for (const word of [...words]) {
      for (const [key, values] of Object.entries(SYNONYMS[locale])) {
        if (word.startsWith(key)) for (const value of values) words.add(value);
      }
    }
    const kept = [...words].filter((word) => word.length >= 2 || /\d/.test(word));
    if (kept.length === 0) continue;
    slots.push({ words: kept, correctable: kept.filter((word) => word.length >= 4) });
    retyped.push(other ?? lower);
  }
  const texts = [slots.length ? wordsOf(raw).join(' ') : ''];
  const retypedText = wordsOf(retyped.join(' ')).join(' ');
  if (retypedText && retypedText !== texts[0]) texts.push(retypedText);
  return { slots, texts: texts.filter(Boolean) };
}

/**
 * The `tsquery` source text matching any of `words` as a prefix: `a:* | b:*`; with `weight`
 * `A`, only in titles (`a:*A`).
 */
export function prefixQuery(words: string[], weight: 'A' | '' = ''): string {
  // Words are letters and digits only (wordsOf), so no tsquery syntax can slip in.
  return words.map((word) => `${word}:*${weight}`).join(' | ');
}

/** Text-search configuration of each locale. */
export const TS_CONFIG: Record<Locale, 'russian' | 'english'> = {
  ru: 'russian',
  en: 'english',
};

const START = '\u0001';
const STOP = '\u0002';
/** `ts_headline` options: control characters as markers, since the text is escaped later. */
export const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The headline as safe HTML: everything escaped, then only the markers become `<mark>`. */
export function headlineToSnippet(headline: string): string {
  return escapeHtml(headline.replace(/\s+/g, ' ').trim())
    .replaceAll(START, '<mark>')
    .replaceAll(STOP, '</mark>');
}

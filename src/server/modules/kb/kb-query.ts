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
 * The `tsquery` matching any of `lexemes` exactly (`'a' | 'b'`); with `weight` `A`, only in
 * titles. Lexemes are quoted (a quote doubled), so nothing in them is read as tsquery syntax.
 */
export function lexemeQuery(lexemes: string[], weight: 'A' | '' = ''): string {
  return lexemes
    .map((lexeme) => `'${lexeme.replaceAll("'", "''")}'${weight ? `:${weight}` : ''}`)
    .join(' | ');
}

/** What the dictionary said about one typed word (kb-search.repo.ts `expandWords`). */
export interface WordLexemes {
  /** Its stem and the known lexemes starting with it: the word as a prefix, exactly. */
  lexemes: string[];
  /** Whether the dictionary has any lexeme starting with the stem. */
  known: boolean;
  /** Lexemes of spelling corrections, asked for only when `lexemes` found nothing known. */
  corrections: string[];
}

/** Per slot, the lexemes that match it exactly and those that match it through a correction. */
export interface SlotLexemes {
  exact: string[];
  fuzzy: string[];
}

/** Joins the dictionary's answers into per-slot lexeme groups; stop-word-only slots drop out. */
export function slotLexemes(plan: QueryPlan, words: Map<string, WordLexemes>): SlotLexemes[] {
  return plan.slots.flatMap((slot) => {
    const exact = new Set<string>();
    const fuzzy = new Set<string>();
    for (const word of slot.words) {
      const found = words.get(word);
      for (const lexeme of found?.lexemes ?? []) exact.add(lexeme);
      for (const lexeme of found?.corrections ?? []) fuzzy.add(lexeme);
    }
    for (const lexeme of exact) fuzzy.add(lexeme);
    return fuzzy.size ? [{ exact: [...exact], fuzzy: [...fuzzy] }] : [];
  });
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

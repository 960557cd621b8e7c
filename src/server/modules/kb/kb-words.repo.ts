import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import { TS_CONFIG, wordsOf, type WordLexemes } from './kb-query.js';

/**
 * The organization's dictionary (`kb_terms`): every word of its articles with its lexeme. Search
 * expands what is typed into exact lexemes and looks up spelling corrections here, with a short
 * per-process cache, since both change only when an article is saved.
 */

const textArray = (values: string[]): SQL =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

// A typed beginning shorter than this is taken as a whole word: «по» would expand to hundreds.
const MIN_PREFIX = 3;
// The shortest lexemes first: the likeliest completions of what is being typed.
const LEXEMES_PER_PREFIX = 12;

// What a word expands to changes only when an article adds new terms (`addTerms`, which
// forgets this process's entries); another instance may miss a new term for this long.
const EXPANSION_TTL_MS = 5_000;
// A bound on memory: typed words are unbounded input; at this size the cache starts over.
const MAX_EXPANSIONS = 20_000;
const expansions = new Map<
  string,
  { entry: Omit<WordLexemes, 'corrections'> | null; until: number }
>();
// Spelling corrections, by the same key and for as long: they too depend only on the terms.
const knownCorrections = new Map<string, { lexemes: string[]; until: number }>();
const expansionKey = (organizationId: string, locale: Locale, word: string) =>
  `${organizationId}\u0000${locale}\u0000${word}`;

/**
 * Each word's stem in the locale's configuration, and the organization's lexemes starting with
 * it, from the btree on `kb_terms.lexeme` (a range scan, `text_pattern_ops`). Searching those
 * exact lexemes instead of a `stem:*` prefix query is what keeps the GIN index cheap: a prefix
 * query makes GIN collect every posting of every matching lexeme (20–60 ms for a common stem
 * at 100k articles), an exact one intersects posting lists (≈1 ms).
 */
export async function expandWords(
  db: DbOrTx,
  organizationId: string,
  locale: Locale,
  words: string[],
  now = Date.now(),
): Promise<Map<string, WordLexemes>> {
  const found = new Map<string, WordLexemes>();
  const missing: string[] = [];
  for (const word of words) {
    const cached = expansions.get(expansionKey(organizationId, locale, word));
    if (cached && cached.until > now) {
      if (cached.entry) found.set(word, { ...cached.entry, corrections: [] });
    } else missing.push(word);
  }
  if (missing.length === 0) return found;
  const rows = await rowsOf<{ word: string; stem: string; lexemes: string[] | null }>(
    db,
    sql`
    select w.word, w.stem, p.lexemes
    from (
      select u.word, coalesce((tsvector_to_array(to_tsvector(${TS_CONFIG[locale]}::regconfig, u.word)))[1], '') as stem
      from unnest(${textArray(missing)}) as u(word)
    ) w
    left join lateral (
      select array_agg(k.lexeme order by length(k.lexeme), k.lexeme) as lexemes
      from (
        select distinct t.lexeme from kb_terms t
        where t.organization_id = ${organizationId} and t.locale = ${locale}
          and t.lexeme ~>=~ w.stem and t.lexeme ~<~ (w.stem || chr(1114111))
          and (length(w.stem) >= ${MIN_PREFIX} or t.lexeme = w.stem)
        limit 200
      ) k
    ) p on w.stem <> ''`,
  );
  if (expansions.size > MAX_EXPANSIONS) expansions.clear();
  for (const row of rows) {
    const known = (row.lexemes ?? []).slice(0, LEXEMES_PER_PREFIX);
    const entry = row.stem
      ? { lexemes: [...new Set([row.stem, ...known])], known: known.length > 0 }
      : null;
    expansions.set(expansionKey(organizationId, locale, row.word), {
      entry,
      until: now + EXPANSION_TTL_MS,
    });
    if (entry) found.set(row.word, { ...entry, corrections: [] });
  }
  return found;
}

// A correction must look at least this much like the typed word (pg_trgm `similarity`; the
// `%` operator that lets the trigram index answer uses pg_trgm.similarity_threshold, 0.3 by
// default, the same value).
const CORRECTION_SIMILARITY = 0.3;
const CORRECTIONS_PER_WORD = 3;

/**
 * Spelling corrections for words the dictionary does not know (`пароьл` → `пароль`): the
 * organization's terms sharing the most trigrams with each, as lexemes. One round trip; the
 * trigram GIN index on `kb_terms.term` answers `%` on a large dictionary.
 */
export async function findCorrections(
  db: DbOrTx,
  organizationId: string,
  locale: Locale,
  words: string[],
  driver: 'pglite' | 'postgres',
  now = Date.now(),
): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>();
  const missing: string[] = [];
  for (const word of words) {
    const cached = knownCorrections.get(expansionKey(organizationId, locale, word));
    if (cached && cached.until > now) {
      if (cached.lexemes.length) corrections.set(word, cached.lexemes);
    } else missing.push(word);
  }
  if (missing.length === 0) return corrections;
  // Embedded PGlite's pg_trgm answers `%` with no rows and then stops answering at all (seen
  // with a fresh instance); its dictionaries are small, so it compares every term instead.
  const close =
    driver === 'postgres'
      ? sql`t.term % w.word`
      : sql`similarity(t.term, w.word) >= ${CORRECTION_SIMILARITY}`;
  const rows = await rowsOf<{ word: string; lexeme: string }>(
    db,
    sql`
    select w.word, c.lexeme
    from unnest(${textArray(missing)}) as w(word)
    cross join lateral (
      select t.lexeme from kb_terms t
      where t.organization_id = ${organizationId} and t.locale = ${locale}
        and ${close} and t.term <> w.word and t.lexeme <> ''
        and similarity(t.term, w.word) >= ${CORRECTION_SIMILARITY}
      order by similarity(t.term, w.word) desc, t.term
      limit ${CORRECTIONS_PER_WORD}
    ) c`,
  );
  for (const row of rows) {
    corrections.set(row.word, [...new Set([...(corrections.get(row.word) ?? []), row.lexeme])]);
  }
  if (knownCorrections.size > MAX_EXPANSIONS) knownCorrections.clear();
  for (const word of missing) {
    knownCorrections.set(expansionKey(organizationId, locale, word), {
      lexemes: corrections.get(word) ?? [],
      until: now + EXPANSION_TTL_MS,
    });
  }
  return corrections;
}

// Planner statistics are refreshed by (auto)analyze; a minute-old share only picks a plan.

/**
 * Adds the words of a text to the organization's dictionary, each with its lexeme in the
 * locale's configuration (empty for a stop word).
 */
export async function addTerms(
  db: DbOrTx,
  organizationId: string,
  locale: Locale,
  text: string,
): Promise<void> {
  const terms = [...new Set(wordsOf(text).filter((w) => w.length >= 3 && w.length <= 40))];
  for (const cache of [expansions, knownCorrections]) {
    for (const key of cache.keys()) {
      if (key.startsWith(`${organizationId}\u0000`)) cache.delete(key);
    }
  }
  for (let i = 0; i < terms.length; i += 500) {
    await db.execute(sql`
      insert into kb_terms (organization_id, locale, term, lexeme)
      select ${organizationId}, ${locale}, u.term,
        coalesce((tsvector_to_array(to_tsvector(${TS_CONFIG[locale]}::regconfig, u.term)))[1], '')
      from unnest(${textArray(terms.slice(i, i + 500))}) as u(term)
      on conflict do nothing`);
  }
}

import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import type { DbOrTx } from '../../infra/db.js';
import {
  HEADLINE_OPTIONS,
  lexemeQuery,
  TS_CONFIG,
  wordsOf,
  type QueryPlan,
  type SlotLexemes,
  type WordLexemes,
} from './kb-query.js';

/** A found article before its snippet is made safe. */
export interface SearchRow {
  id: string;
  slug: string;
  title: string;
  headline: string;
  total: number;
}

/** Runs raw SQL and returns its rows, typed by the caller (both drivers answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

const textArray = (values: string[]): SQL =>
  sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

// A typed beginning shorter than this is taken as a whole word: «по» would expand to hundreds.
const MIN_PREFIX = 3;
// The shortest lexemes first: the likeliest completions of what is being typed.
const LEXEMES_PER_PREFIX = 12;

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
): Promise<Map<string, WordLexemes>> {
  const found = new Map<string, WordLexemes>();
  if (words.length === 0) return found;
  const rows = await rowsOf<{ word: string; stem: string; lexemes: string[] | null }>(
    db,
    sql`
    select w.word, w.stem, p.lexemes
    from (
      select u.word, coalesce((tsvector_to_array(to_tsvector(${TS_CONFIG[locale]}::regconfig, u.word)))[1], '') as stem
      from unnest(${textArray(words)}) as u(word)
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
  for (const row of rows) {
    if (!row.stem) continue;
    const known = (row.lexemes ?? []).slice(0, LEXEMES_PER_PREFIX);
    found.set(row.word, {
      lexemes: [...new Set([row.stem, ...known])],
      known: known.length > 0,
      corrections: [],
    });
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
): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>();
  // Embedded PGlite's pg_trgm answers `%` with no rows and then stops answering at all (seen
  // with a fresh instance); its dictionaries are small, so it compares every term instead.
  const close =
    driver === 'postgres'
      ? sql`t.term % w.word`
      : sql`similarity(t.term, w.word) >= ${CORRECTION_SIMILARITY}`;
  if (words.length === 0) return corrections;
  const rows = await rowsOf<{ word: string; lexeme: string }>(
    db,
    sql`
    select w.word, c.lexeme
    from unnest(${textArray(words)}) as w(word)
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
  return corrections;
}

export interface SearchOptions {
  organizationId: string;
  locale: Locale;
  plan: QueryPlan;
  slots: SlotLexemes[];
  limit: number;
  offset: number;
  /** How many rows each way of finding candidates may read (see below). */
  candidatesPerArm: number;
}

/**
 * Published articles matching the plan, best first, in one statement.
 *
 * Candidates, each arm capped (`candidatesPerArm`) so that a query matching most of a huge
 * knowledge base («пароль» in 100k articles) still reads a bounded slice, and each on the
 * translations table alone (organization and `published` are copied there; the partial GIN
 * index holds only published rows): articles containing every slot; articles with any slot in
 * the title (weight A); and, only when the first arm found fewer than a page, articles with
 * any slot anywhere, so that a partly matching query still answers.
 *
 * Ranking, over those few rows: slots matched exactly count twice, slots matched only through a
 * correction once, then `ts_rank` (titles weigh A, bodies B) and the title's trigram closeness
 * to the typed text break ties. `ts_headline` runs on the returned page only.
 */
export async function searchArticles(db: DbOrTx, options: SearchOptions): Promise<SearchRow[]> {
  const { organizationId, locale, plan, slots, limit, offset, candidatesPerArm } = options;
  if (slots.length === 0) return [];
  const config = TS_CONFIG[locale];
  const tsq = (source: string): SQL => sql`${source}::tsquery`;
  const everything = [...new Set(slots.flatMap((slot) => slot.fuzzy))];
  const anyQuery = tsq(lexemeQuery(everything));
  const allQuery = tsq(slots.map((slot) => `(${lexemeQuery(slot.fuzzy)})`).join(' & '));
  const titleQuery = tsq(lexemeQuery(everything));

  const coverage = (groups: string[][]): SQL =>
    sql.join(
      groups.map((group) =>
        group.length ? sql`(t.sv @@ ${tsq(lexemeQuery(group))})::int` : sql`0`,
      ),
      sql` + `,
    );
  const corrected = slots.some((slot) => slot.fuzzy.length > slot.exact.length);
  // Without corrections both coverages are the same: count once, weigh three times.
  const slotScore = corrected
    ? sql`2 * (${coverage(slots.map((s) => s.exact))}) + (${coverage(slots.map((s) => s.fuzzy))})`
    : sql`3 * (${coverage(slots.map((s) => s.fuzzy))})`;
  // Trigram closeness of a short text (a stop word like «как») says nothing about the title.
  const texts = plan.texts.filter((text) => text.replace(/\s/g, '').length >= 4);
  const titleSimilarity = texts.length
    ? sql`greatest(${sql.join(
        texts.map((text) => sql`word_similarity(${text}, t.title_norm)`),
        sql`, `,
      )})`
    : sql`0`;
  const arm = (condition: SQL) => sql`
      select t.article_id from kb_article_translations t
      where t.organization_id = ${organizationId} and t.published and t.locale = ${locale}
        and ${condition}
      limit ${candidatesPerArm}`;

  return rowsOf<SearchRow>(
    db,
    sql`
    with every_slot as (${arm(sql`t.search @@ ${allQuery}`)}),
    candidates as (
      select article_id from every_slot
      union (${arm(sql`t.title_search @@ ${titleQuery}`)})
      union (${arm(sql`t.search @@ ${anyQuery} and (select count(*) from every_slot) < ${limit + offset}`)})
    )
    select m.id, a.slug, m.title, m.total::int as total,
      ts_headline(${config}::regconfig, m.plain, ${anyQuery}, ${HEADLINE_OPTIONS}) as headline
    from (
      select t.article_id as id, t.title, t.plain, count(*) over () as total,
        ${slotScore} + ts_rank('{0.1, 0.2, 0.4, 1.0}', t.sv, ${anyQuery})
          + ${titleSimilarity} as score
      from candidates c
      -- \`search || ''\` copies the stored vector once per row; the five functions scoring it
      -- otherwise each read it from the page again (8× slower over 100 rows, measured).
      cross join lateral (
        select t.article_id, t.title, t.plain, t.title_norm, t.search || ''::tsvector as sv
        from kb_article_translations t
        where t.article_id = c.article_id and t.locale = ${locale}
        offset 0
      ) t
      order by score desc, t.article_id
      limit ${limit} offset ${offset}
    ) m
    join kb_articles a on a.id = m.id
    order by m.score desc, m.id`,
  );
}

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
  for (let i = 0; i < terms.length; i += 500) {
    await db.execute(sql`
      insert into kb_terms (organization_id, locale, term, lexeme)
      select ${organizationId}, ${locale}, u.term,
        coalesce((tsvector_to_array(to_tsvector(${TS_CONFIG[locale]}::regconfig, u.term)))[1], '')
      from unnest(${textArray(terms.slice(i, i + 500))}) as u(term)
      on conflict do nothing`);
  }
}

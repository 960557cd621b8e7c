import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import type { DbOrTx } from '../../infra/db.js';
import { HEADLINE_OPTIONS, prefixQuery, TS_CONFIG, wordsOf, type QueryPlan } from './kb-query.js';

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

// A correction must look at least this much like the typed word (pg_trgm `similarity`).
const CORRECTION_SIMILARITY = 0.3;
const CORRECTIONS_PER_WORD = 3;

/**
 * Spelling corrections: for each long enough word, the organization's terms that share the
 * most trigrams with it (`пароьл` → `пароль`). One round trip; the trigram GIN index on
 * `kb_terms.term` bounds it.
 */
export async function findCorrections(
  db: DbOrTx,
  organizationId: string,
  locale: Locale,
  words: string[],
): Promise<Map<string, string[]>> {
  const corrections = new Map<string, string[]>();
  if (words.length === 0) return corrections;
  const list = sql.join(
    words.map((word) => sql`${word}`),
    sql`, `,
  );
  const rows = await rowsOf<{ word: string; term: string }>(
    db,
    sql`
    select w.word, c.term
    from unnest(array[${list}]::text[]) as w(word)
    cross join lateral (
      select t.term from kb_terms t
      where t.organization_id = ${organizationId} and t.locale = ${locale}
        and t.term % w.word and t.term <> w.word
        and similarity(t.term, w.word) >= ${CORRECTION_SIMILARITY}
      order by similarity(t.term, w.word) desc, t.term
      limit ${CORRECTIONS_PER_WORD}
    ) c`,
  );
  for (const row of rows) {
    corrections.set(row.word, [...(corrections.get(row.word) ?? []), row.term]);
  }
  return corrections;
}

export interface SearchOptions {
  organizationId: string;
  locale: Locale;
  plan: QueryPlan;
  corrections: Map<string, string[]>;
  limit: number;
  offset: number;
}

// Each way of finding candidates stops after this many rows, so a query that matches most of
// a huge knowledge base («пароль» in 100k articles) still reads a bounded slice of the GIN
// index; ranking then runs over at most a few hundred rows. Smaller bases never reach it.
// Drafts are dropped after the arms (they are few), which keeps each arm on one index.
const CANDIDATES_PER_ARM = 200;

/**
 * Published articles matching the plan, best first, in two steps.
 *
 * Candidates, each arm through a GIN index and capped: articles containing every slot (a
 * typed word, its other-layout reading, a synonym or a spelling correction, all as stemmed
 * prefixes); articles with any slot in the title (weight A); articles whose title is
 * trigram-close to the query (`%>`); and, so that a partly matching query still answers,
 * articles with any slot anywhere.
 *
 * Ranking: slots matched exactly count twice, slots matched only through a correction once,
 * then `ts_rank` (titles weigh A, bodies B) and the title's trigram closeness break ties.
 */
export async function searchArticles(db: DbOrTx, options: SearchOptions): Promise<SearchRow[]> {
  const { organizationId, locale, plan, corrections, limit, offset } = options;
  const config = TS_CONFIG[locale];
  const tsq = (source: string): SQL => sql`to_tsquery(${config}::regconfig, ${source})`;

  const exact = plan.slots.map((slot) => slot.words);
  // A slot matched through a correction scores less than an exact match, never more: the
  // fuzzy group holds the typed words as well, so a document using them is not out-ranked.
  const fuzzy = plan.slots.map((slot) => [
    ...new Set([...slot.words, ...slot.correctable.flatMap((w) => corrections.get(w) ?? [])]),
  ]);
  const everything = [...new Set(fuzzy.flat())];
  if (everything.length === 0) return [];
  const anyQuery = tsq(prefixQuery(everything));
  const allQuery = tsq(fuzzy.map((group) => `(${prefixQuery(group)})`).join(' & '));
  const titleQuery = tsq(prefixQuery(everything, 'A'));

  const coverage = (groups: string[][]): SQL => {
    const parts = groups.map((g) => sql`(t.search @@ ${tsq(prefixQuery(g))})::int`);
    return parts.length ? sql.join(parts, sql` + `) : sql`0`;
  };
  // Trigram closeness of a short text (a stop word like «как») says nothing about the title.
  const texts = plan.texts.filter((text) => text.replace(/\s/g, '').length >= 4);
  const titleClose = texts.length
    ? sql.join(
        texts.map((text) => sql`t.title_norm %> ${text}`),
        sql` or `,
      )
    : sql`false`;
  const titleSimilarity = texts.length
    ? sql`greatest(${sql.join(
        texts.map((text) => sql`word_similarity(${text}, t.title_norm)`),
        sql`, `,
      )})`
    : sql`0`;
  const arm = (condition: SQL) => sql`(
      select t.article_id from kb_article_translations t
      where t.organization_id = ${organizationId} and t.locale = ${locale} and ${condition}
      limit ${CANDIDATES_PER_ARM})`;

  return rowsOf<SearchRow>(
    db,
    sql`
    with candidates as (
      ${arm(sql`t.search @@ ${allQuery}`)}
      union ${arm(sql`t.search @@ ${titleQuery}`)}
      union ${arm(sql`(${titleClose})`)}
      union ${arm(sql`t.search @@ ${anyQuery}`)}
    )
    select m.id, m.slug, m.title, m.total::int as total,
      ts_headline(${config}::regconfig, m.plain, ${anyQuery}, ${HEADLINE_OPTIONS}) as headline
    from (
      select a.id, a.slug, t.title, t.plain, count(*) over () as total,
        2 * (${coverage(exact)}) + (${coverage(fuzzy)})
          + ts_rank('{0.1, 0.2, 0.4, 1.0}', t.search, ${anyQuery})
          + ${titleSimilarity} as score
      from candidates c
      join kb_article_translations t on t.article_id = c.article_id and t.locale = ${locale}
      join kb_articles a on a.id = t.article_id and a.status = 'published'
      order by score desc, a.id
      limit ${limit} offset ${offset}
    ) m
    order by m.score desc, m.id`,
  );
}

/** Adds the words of a text to the organization's correction dictionary. */
export async function addTerms(
  db: DbOrTx,
  organizationId: string,
  locale: Locale,
  text: string,
): Promise<void> {
  const terms = [...new Set(wordsOf(text).filter((w) => w.length >= 3 && w.length <= 40))];
  for (let i = 0; i < terms.length; i += 500) {
    const values = sql.join(
      terms.slice(i, i + 500).map((term) => sql`(${organizationId}, ${locale}, ${term})`),
      sql`, `,
    );
    await db.execute(sql`
      insert into kb_terms (organization_id, locale, term) values ${values}
      on conflict do nothing`);
  }
}

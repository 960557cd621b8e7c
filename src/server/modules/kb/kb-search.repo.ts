import { sql, type SQL } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import { rowsOf, type DbOrTx } from '../../infra/db.js';
import {
  HEADLINE_OPTIONS,
  lexemeQuery,
  TS_CONFIG,
  type QueryPlan,
  type SlotLexemes,
} from './kb-query.js';

/** A found article before its snippet is made safe. */
export interface SearchRow {
  id: string;
  slug: string;
  title: string;
  headline: string;
  total: number;
}

const SHARE_TTL_MS = 60_000;
const DOMINANT_SHARE = 0.5;
const shares = new Map<string, { dominant: boolean; until: number }>();

/**
 * Whether the organization owns at least half of the published translations, from the
 * planner's statistics (`pg_stats` most common values of `organization_id`), cached per
 * process for a minute.
 */
export async function isDominantOrganization(
  db: DbOrTx,
  organizationId: string,
  now = Date.now(),
): Promise<boolean> {
  const cached = shares.get(organizationId);
  if (cached && cached.until > now) return cached.dominant;
  const [row] = await rowsOf<{ share: number | null }>(
    db,
    sql`
    select m.share from pg_stats s
    cross join lateral unnest(s.most_common_vals::text::text[], s.most_common_freqs) as m(org, share)
    where s.schemaname = current_schema() and s.tablename = 'kb_article_translations'
      and s.attname = 'organization_id' and m.org = ${organizationId}`,
  );
  const dominant = (row?.share ?? 0) >= DOMINANT_SHARE;
  shares.set(organizationId, { dominant, until: now + SHARE_TTL_MS });
  return dominant;
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
  /** Whether the organization holds most published translations (`isDominantOrganization`). */
  dominant: boolean;
  /**
   * Suggestions only: once this many candidates have every slot in the title, the other arms
   * are skipped; and articles with every slot in the body are looked for only while the title
   * arms found fewer than `candidatesPerArm`. Absent, every arm runs (the results page).
   */
  stopAt?: number;
}

/**
 * Published articles matching the plan, best first, in one statement (docs/kb-search.md).
 *
 * Candidates come from arms on the translations table alone (organization and `published` are
 * copied there; the partial GIN indexes hold only published rows), each capped
 * (`candidatesPerArm`) so that a query matching most of a huge knowledge base still reads a
 * bounded slice: every slot in the title; every slot but one in the title; every slot
 * anywhere; and any slot anywhere when fewer than a page have every slot. With `stopAt`
 * (suggestions) an arm runs only while the ones before it left room.
 *
 * Ranking, over those few rows: 3 per slot matched (with corrections: 4 exact, 2 fuzzy), then
 * `ts_rank` (titles weigh A, bodies B) and the title's trigram closeness to the typed text
 * break ties — together under 2, less than one slot, which is what makes skipping arms safe.
 * `ts_headline` runs on the returned page only.
 */
export async function searchArticles(db: DbOrTx, options: SearchOptions): Promise<SearchRow[]> {
  const { organizationId, locale, plan, slots, limit, offset, candidatesPerArm, dominant, stopAt } =
    options;
  if (slots.length === 0) return [];
  const config = TS_CONFIG[locale];
  const tsq = (source: string): SQL => sql`${source}::tsquery`;
  const everything = [...new Set(slots.flatMap((slot) => slot.fuzzy))];
  const anyQuery = tsq(lexemeQuery(everything));
  const groups = slots.map((slot) => `(${lexemeQuery(slot.fuzzy)})`);
  const allQuery = tsq(groups.join(' & '));
  // Every slot but one, in the title: the next best titles after those with every slot, and a
  // far smaller bitmap than any slot when the words are common (12k vs a few hundred titles).
  const mostQuery =
    groups.length > 1
      ? tsq(
          groups
            .map((_, skip) => `(${groups.filter((_, i) => i !== skip).join(' & ')})`)
            .join(' | '),
        )
      : allQuery;

  const coverage = (groups: string[][]): SQL =>
    sql.join(
      groups.map((group) =>
        group.length ? sql`(t.sv @@ ${tsq(lexemeQuery(group))})::int` : sql`0`,
      ),
      sql` + `,
    );
  const corrected = slots.some((slot) => slot.fuzzy.length > slot.exact.length);
  // Per slot: 3 when matched exactly, 1 when only through a correction; doubled with
  // corrections so that a missing slot always costs at least 2, more than `ts_rank` (≤ 1 for
  // an `|` query) and `word_similarity` (≤ 1) together can give back (see the arms below).
  const slotScore = corrected
    ? sql`2 * (2 * (${coverage(slots.map((s) => s.exact))}) + (${coverage(slots.map((s) => s.fuzzy))}))`
    : sql`3 * (${coverage(slots.map((s) => s.fuzzy))})`;
  // Trigram closeness of a short text (a stop word like «как») says nothing about the title.
  const texts = plan.texts.filter((text) => text.replace(/\s/g, '').length >= 4);
  const titleSimilarity = texts.length
    ? sql`greatest(${sql.join(
        texts.map((text) => sql`word_similarity(${text}, t.title_norm)`),
        sql`, `,
      )})`
    : sql`0`;
  // The GIN indexes lead with the organization so that a tenant's search walks only its own
  // postings; for the tenant holding most of the table that key filters nothing and costs half
  // of each index scan (decoding its posting tree), so its organization is checked on the row.
  const tenant = dominant
    ? sql`t.organization_id::text = ${organizationId}`
    : sql`t.organization_id = ${organizationId}`;
  const arm = (condition: SQL) => sql`
      select t.article_id from kb_article_translations t
      where ${tenant} and t.published and t.locale = ${locale}
        and ${condition}
      limit ${candidatesPerArm}`;
  const count = (cte: string) => sql.raw(`(select count(*) from ${cte})`);
  // Evaluated once, before the arm runs (a `One-Time Filter` in the plan).
  const unless = (condition: SQL) => (stopAt === undefined ? sql`true` : condition);
  const fewTitled = unless(
    sql`${count('title_all')} < ${stopAt} and ${count('titled')} < ${candidatesPerArm}`,
  );

  // Not prepared: a generic plan would guess the selectivity of the parameter tsqueries and
  // may scan the whole table (docs/kb-search.md), for the 0.4 ms of planning it would save.
  return rowsOf<SearchRow>(
    db,
    sql`
    with title_all as (${arm(sql`t.title_search @@ ${allQuery}`)}),
    title_most as (${arm(sql`t.title_search @@ ${mostQuery} and ${slots.length > 1 ? unless(sql`${count('title_all')} < ${stopAt}`) : sql`false`}`)}),
    titled as (select article_id from title_all union select article_id from title_most),
    body_all as (${arm(sql`t.search @@ ${allQuery} and ${fewTitled}`)}),
    all_slots as (select article_id from title_all union select article_id from body_all),
    candidates as (
      select article_id from titled
      union select article_id from body_all
      union (${arm(sql`t.search @@ ${anyQuery} and ${count('all_slots')} < ${limit + offset} and ${fewTitled}`)})
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

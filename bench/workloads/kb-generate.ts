import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/infra/db.js';
import { seedDemoKnowledgeBase } from '../../src/server/modules/kb/index.js';
import { DEMO_ARTICLES } from '../../src/server/modules/kb/demo/seed.js';
import { addTerms } from '../../src/server/modules/kb/kb-words.repo.js';
import { markdownToPlain } from '../../src/server/modules/kb/kb-markdown.js';

/**
 * Fills an organization's knowledge base with `count` published Russian articles, fast: the
 * demo articles first, then `generate_series` rows whose titles and bodies are drawn from the
 * demo vocabulary (frequent words more often, as in real text), tsvectors computed in SQL.
 */
export async function seedKbArticles(db: Db, organizationId: string, count: number) {
  await seedDemoKnowledgeBase({ db }, organizationId);
  const text = DEMO_ARTICLES.map((a) => `${a.ru.title} ${markdownToPlain(a.ru.body)}`).join(' ');
  const words = [...new Set(text.toLowerCase().match(/[а-яё]{3,}/g) ?? [])];
  const list = sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  );
  // Skewed draw: index n · r^1.25 favours the first (more frequent) words. `0 * s.i` ties the
  // aggregate to the inner series; without it PostgreSQL evaluates it at the outer level.
  const pick = sql.raw(
    `v.words[1 + floor(${words.length} * power(random(), 1.25))::int + 0 * s.i]`,
  );
  await db.execute(sql`
    insert into kb_articles (organization_id, category_id, slug, status, published_at, sort_order)
    select ${organizationId}, (select id from kb_categories where organization_id = ${organizationId} order by sort_order limit 1),
      'bench-' || g, 'published', now(), 1000 + g
    from generate_series(1, ${count}) as g`);
  await db.execute(sql`
    with v as (select array[${list}]::text[] as words)
    insert into kb_article_translations
      (article_id, organization_id, locale, title, body, plain, title_norm, search, title_search, published)
    select a.id, a.organization_id, 'ru', x.title, x.body, x.body, replace(lower(x.title), 'ё', 'е'),
      setweight(to_tsvector('russian', x.title), 'A') || setweight(to_tsvector('russian', x.body), 'B'),
      to_tsvector('russian', x.title), true
    from kb_articles a
    cross join v
    cross join lateral (
      select
        (select initcap(string_agg(${pick}, ' ')) from generate_series(1, 4 + a.sort_order % 4) as s(i)) as title,
        (select string_agg(${pick}, ' ') from generate_series(1, 40 + a.sort_order % 51) as s(i)) as body
    ) x
    where a.organization_id = ${organizationId} and a.slug like 'bench-%'`);
  await addTerms(db, organizationId, 'ru', words.join(' '));
  await db.execute(sql`analyze kb_article_translations`);
  await db.execute(sql`analyze kb_terms`);
}

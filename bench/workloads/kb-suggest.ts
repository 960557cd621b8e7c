import type { Workload } from '../lib/workload.js';

const ARTICLES = 100_000;

// What people type into the ticket form: word forms, typos, prefixes, the wrong layout.
const QUERIES = [
  'забыл пароль',
  'gfhjkm',
  'восстанов доступ',
  'пароьл не подходит',
  'карта отклонена',
  'оплата через сбп',
  'чек об оплате',
  'зарегистрировать сертификат',
  'сертефикат истек',
  'как написать в поддержку',
  'обращение закрылось',
  'прогресс обучения',
  'заблокировали учетную запись',
  'раскладка',
  'код из смс не приходит',
  'rfhnf jnrkjytyf',
  'сменить номер телефона',
  'деньги списались дважды',
  'урок не засчитан',
  'вход с другого устройства',
];

/**
 * `GET /api/kb/suggest` on PostgreSQL with 100k published articles (docs/kb-search.md): word
 * expansions and spelling corrections from the organization's terms (cached for seconds), then
 * one ranked full-text statement whose candidate arms stop once the title index filled a page.
 */
export const kbSuggest: Workload = {
  name: 'kb-suggest',
  title: 'Kabinet GET /api/kb/suggest, 100k articles, PostgreSQL',
  notes:
    `${ARTICLES / 1000}k published Russian articles (titles of 4–7 and bodies of 40–90 words ` +
    'drawn with a skewed frequency from the demo knowledge base vocabulary, tsvectors computed ' +
    'in SQL) plus the demo articles, then vacuum analyze (as autovacuum would); 20 varied ' +
    'queries (word forms, typos, prefixes, wrong layout) cycled, so word expansions are mostly ' +
    'served from the 5-second cache. Each request carries its own client address so the ' +
    'per-route limit never trips.',
  kind: 'http',
  connections: 10,
  pacedShare: 0.5,
  needs: ['postgres'],
  request: {
    method: 'GET',
    path: `/api/kb/suggest?q=${encodeURIComponent(QUERIES[0] ?? '')}`,
    uniqueClientAddress: true,
    variants: QUERIES.map((q) => ({ path: `/api/kb/suggest?q=${encodeURIComponent(q)}` })),
  },
  async start({ postgresUrl }) {
    if (!postgresUrl) throw new Error('no PostgreSQL database');
    const { startKabinet } = await import('../lib/kabinet.js');
    const { seedKbArticles } = await import('./kb-generate.js');
    const server = await startKabinet({ postgresUrl, config: { trustProxy: true } });
    const { ctx, defaultOrganization } = server.runtime;
    await seedKbArticles(ctx.db, defaultOrganization.id, ARTICLES);
    // A bulk load leaves the GIN indexes' pending lists full (fastupdate: 14k title entries that
    // every index scan reads linearly) and the visibility map empty; in production autovacuum
    // merges them soon after such a load, and a read-mostly knowledge base stays that way.
    const { sql } = await import('drizzle-orm');
    await ctx.db.execute(sql`vacuum (analyze) kb_article_translations, kb_articles, kb_terms`);
    return server;
  },
};

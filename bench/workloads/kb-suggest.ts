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
 * `GET /api/kb/suggest` on PostgreSQL with 100k published articles: spelling corrections
 * through the trigram index on the organization's terms, then one ranked full-text query
 * bounded by the GIN indexes (tsvector and title trigrams).
 */
export const kbSuggest: Workload = {
  name: 'kb-suggest',
  title: 'Kabinet GET /api/kb/suggest, 100k articles, PostgreSQL',
  notes:
    `${ARTICLES / 1000}k published Russian articles (titles of 4–7 and bodies of 40–90 words ` +
    'drawn with a skewed frequency from the demo knowledge base vocabulary, tsvectors computed ' +
    'in SQL) plus the demo articles; 20 varied queries (word forms, typos, prefixes, wrong ' +
    'layout) cycled. Each request carries its own client address so the per-route limit never trips.',
  kind: 'http',
  connections: 10,
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
    return server;
  },
};

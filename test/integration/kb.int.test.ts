import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoKnowledgeBase } from '../../src/server/modules/kb/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, createUser, hostOf, signInAs } from '../helpers/factories.js';

type Hits = { items: { id: string; title: string; snippet: string; url: string }[] };
type Headers = Record<string, string>;
type Stats = {
  deflections: number;
  ticketsCreated: number;
  deflectionRate: number | null;
  helpfulYes: number;
  helpfulNo: number;
};

describe('knowledge base: public search, articles, feedback, staff editing', () => {
  let t: TestApp;
  let org: Organization;
  let staff: Headers;
  let customer: Headers;
  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrganization(t.ctx);
    await seedDemoKnowledgeBase(t.ctx, org.id);
    const agent = await createUser(t.ctx, org, { role: 'support_agent' });
    staff = await signInAs(t.app, org, agent.email);
    const person = await createUser(t.ctx, org, { role: null });
    customer = await signInAs(t.app, org, person.email);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Headers = { host: hostOf(org) }) =>
    t.app.inject({ method: 'GET', url, headers });
  const send = (method: 'POST' | 'PUT', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const suggest = async (q: string, host = hostOf(org)) => {
    const response = await get(`/api/kb/suggest?q=${encodeURIComponent(q)}`, { host });
    expect(response.statusCode).toBe(200);
    return response.json<Hits>().items;
  };
  const urls = (items: Hits['items']) => items.map((item) => item.url);

  it('suggests at most five articles with safe highlighted snippets, without sign-in', async () => {
    const items = await suggest('пароль');
    expect(items.length).toBe(5);
    expect(items[0]?.snippet).toMatch(/<mark>парол/i);
    expect(items.every((item) => item.url.startsWith('/kb/a/'))).toBe(true);
    // Nothing but <mark> survives as markup.
    expect(items.map((i) => i.snippet.replace(/<\/?mark>/g, '')).join('')).not.toMatch(/[<>]/);
  });

  it('recognises a query typed in the wrong keyboard layout', async () => {
    const items = await suggest('gfhjkm');
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]?.title).toMatch(/парол/i);
  });

  it('finds through a typo and through a word still being typed', async () => {
    expect(urls(await suggest('сертефикат')).slice(0, 3)).toContain('/kb/a/register-certificate');
    expect(urls(await suggest('восстанов'))).toContain('/kb/a/account-recovery');
  });

  it('answers an empty list for nonsense, and a localized 400 for an over-long query', async () => {
    expect(await suggest('zzqxj')).toEqual([]);
    expect(await suggest('')).toEqual([]);
    const tooLong = await get(`/api/kb/suggest?q=${encodeURIComponent('а'.repeat(400))}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it('searches in English with ?locale=en', async () => {
    const body = (await get('/api/kb/search?q=password&locale=en')).json<
      Hits & { total: number }
    >();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0]?.title).toMatch(/password/i);
  });

  it('pages search results', async () => {
    const first = (await get('/api/kb/search?q=доступ&page=1')).json<Hits & { total: number }>();
    expect(first.total).toBeGreaterThan(0);
    expect(first.items.length).toBe(Math.min(10, first.total));
  });

  it('lists categories and renders a category FAQ page and an article safely', async () => {
    const categories = (await get('/api/kb/categories')).json<{ items: { slug: string }[] }>();
    expect(categories.items.map((c) => c.slug)).toContain('payments');
    const faq = (await get('/api/kb/categories/payments')).json<{
      articles: { slug: string }[];
    }>();
    expect(faq.articles.map((a) => a.slug)).toContain('pay-with-sbp');
    const article = await get('/api/kb/articles/pay-with-sbp');
    expect(article.statusCode).toBe(200);
    expect(article.json<{ html: string }>().html).toContain('<strong>СБП</strong>');
    expect((await get('/api/kb/articles/no-such-article')).statusCode).toBe(404);
  });

  it('lets staff create a draft hidden from the public and publish it; customers get 403', async () => {
    const categories = (await get('/api/staff/kb/categories', staff)).json<{
      items: { id: string; slug: string }[];
    }>();
    const categoryId = categories.items.find((c) => c.slug === 'payments')?.id;
    const input = {
      slug: 'refund-rules',
      categoryId,
      tags: ['оплата'],
      ru: {
        title: 'Правила возврата денег',
        body: 'Возврат за **неиспользованные** занятия. <script>alert(1)</script>',
      },
      en: null,
    };
    expect((await send('POST', '/api/staff/kb/articles', customer, input)).statusCode).toBe(403);
    const created = await send('POST', '/api/staff/kb/articles', staff, input);
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const again = await send('POST', '/api/staff/kb/articles', staff, input);
    expect(again.json()).toMatchObject({ error: { code: 'kb_slug_taken' } });

    expect(urls(await suggest('правила возврата'))).not.toContain('/kb/a/refund-rules');
    expect((await get('/api/kb/articles/refund-rules')).statusCode).toBe(404);

    const published = await send('POST', `/api/staff/kb/articles/${id}/publish`, staff);
    expect(published.statusCode).toBe(200);
    expect(urls(await suggest('правила возврата'))[0]).toBe('/kb/a/refund-rules');
    const html = (await get('/api/kb/articles/refund-rules')).json<{ html: string }>().html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');

    const list = (await get('/api/staff/kb/articles?status=published', staff)).json<{
      items: { slug: string; views: number }[];
    }>();
    expect(list.items.find((a) => a.slug === 'refund-rules')?.views).toBe(1);
    expect((await get('/api/staff/kb/articles', customer)).statusCode).toBe(403);
    expect((await get('/api/staff/kb/stats', customer)).statusCode).toBe(403);
  });

  it('finds a word that only a just-published article uses, though it was asked before', async () => {
    // The server caches what a word expands to for a few seconds; new terms must reset that.
    expect(await suggest('термоприн')).toEqual([]);
    const categories = (await get('/api/staff/kb/categories', staff)).json<{
      items: { id: string; slug: string }[];
    }>();
    const created = await send('POST', '/api/staff/kb/articles', staff, {
      slug: 'thermal-printer',
      categoryId: categories.items[0]?.id,
      tags: [],
      ru: { title: 'Термопринтер не печатает чек', body: 'Проверьте бумагу в термопринтере.' },
      en: null,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    await send('POST', `/api/staff/kb/articles/${id}/publish`, staff);
    expect(urls(await suggest('термоприн'))[0]).toBe('/kb/a/thermal-printer');
  });

  it('keeps one vote per person and counts deflections in the deflection rate', async () => {
    const [hit] = await suggest('чек об оплате');
    const url = `/api/kb/articles/${hit?.id ?? ''}`;
    const anonymousHeaders = { host: hostOf(org) };
    expect((await send('POST', `${url}/feedback`, customer, { helpful: false })).statusCode).toBe(
      200,
    );
    expect((await send('POST', `${url}/feedback`, customer, { helpful: true })).statusCode).toBe(
      200,
    );
    const anonymous = await send('POST', `${url}/feedback`, anonymousHeaders, { helpful: true });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.cookies.some((c) => c.name === 'kabinet_kb_voter')).toBe(true);

    const signedOut = await send('POST', `${url}/deflections`, anonymousHeaders, { query: 'чек' });
    expect(signedOut.statusCode).toBe(401);
    const deflection = await send('POST', `${url}/deflections`, customer, {
      query: 'где чек об оплате',
    });
    expect(deflection.statusCode).toBe(201);

    const stats = (await get('/api/staff/kb/stats', staff)).json<Stats>();
    expect(stats).toMatchObject({
      deflections: 1,
      ticketsCreated: 0,
      deflectionRate: 1,
      helpfulYes: 2,
      helpfulNo: 0,
    });
  });

  it('keeps each organization to its own articles', async () => {
    const other = await createOrganization(t.ctx);
    expect(await suggest('пароль', hostOf(other))).toEqual([]);
    const [hit] = await suggest('пароль');
    const foreign = await send(
      'POST',
      `/api/kb/articles/${hit?.id ?? ''}/feedback`,
      { host: hostOf(other) },
      { helpful: true },
    );
    expect(foreign.statusCode).toBe(404);
    const admin = await createUser(t.ctx, other, { role: 'admin' });
    const otherStaff = await signInAs(t.app, other, admin.email);
    const read = await get(`/api/staff/kb/articles/${hit?.id ?? ''}`, otherStaff);
    expect(read.statusCode).toBe(404);
  });
});

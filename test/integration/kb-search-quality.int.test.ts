import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoKnowledgeBase } from '../../src/server/modules/kb/index.js';
import type { Organization } from '../../src/server/modules/orgs/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { createOrganization, hostOf } from '../helpers/factories.js';

interface LabelledQuery {
  q: string;
  expected: string;
  kind: string;
}

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/kb-queries.json');
const queries = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { queries: LabelledQuery[] })
  .queries;

describe('knowledge-base search quality on the labelled query set', () => {
  let t: TestApp;
  let organization: Organization;
  beforeAll(async () => {
    t = await createTestApp();
    organization = await createOrganization(t.ctx);
    await seedDemoKnowledgeBase(t.ctx, organization.id);
  });
  afterAll(() => t.close());

  it('has at least 40 labelled Russian queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
  });

  it('finds the expected article in the top 3 for at least 90 % of queries', async () => {
    let hits = 0;
    let reciprocalRanks = 0;
    const misses: string[] = [];
    for (const query of queries) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/kb/suggest?q=${encodeURIComponent(query.q)}&locale=ru`,
        headers: { host: hostOf(organization) },
      });
      expect(response.statusCode).toBe(200);
      const slugs = response
        .json<{ items: { url: string }[] }>()
        .items.map((item) => item.url.replace('/kb/a/', ''));
      const rank = slugs.indexOf(query.expected) + 1;
      if (rank >= 1 && rank <= 3) hits += 1;
      if (rank >= 1) reciprocalRanks += 1 / rank;
      if (rank === 0 || rank > 3) {
        misses.push(
          `  ${query.kind} «${query.q}» → ${query.expected}; got ${slugs.join(', ') || '—'}`,
        );
      }
    }
    const hitAt3 = hits / queries.length;
    const mrr = reciprocalRanks / queries.length;
    console.log(
      `kb search quality: ${queries.length} queries, hit@3 = ${hitAt3.toFixed(3)}, MRR = ${mrr.toFixed(3)}` +
        (misses.length ? `\nmisses:\n${misses.join('\n')}` : ''),
    );
    expect(hitAt3).toBeGreaterThanOrEqual(0.9);
  });
});

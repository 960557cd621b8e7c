import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../../infra/context.js';
import { kbArticles, kbCategories } from '../../../schema.js';
import { saveTranslation } from '../kb.repo.js';
import { SIGN_IN_ARTICLES } from './articles-sign-in.js';
import { PASSWORD_ARTICLES } from './articles-password.js';
import { SERVICE_ARTICLES } from './articles-service.js';
import { DEMO_CATEGORIES } from './categories.js';
import type { DemoArticle } from './types.js';

/** Every demo article, in FAQ order within each category. */
export const DEMO_ARTICLES: DemoArticle[] = [
  ...SIGN_IN_ARTICLES,
  ...PASSWORD_ARTICLES,
  ...SERVICE_ARTICLES,
];

/**
 * Publishes the starter knowledge base in an organization. Idempotent: categories and
 * articles that already exist (by slug) are left as staff may have edited them.
 */
export async function seedDemoKnowledgeBase(
  ctx: Pick<AppContext, 'db'>,
  organizationId: string,
): Promise<{ categories: number; articles: number }> {
  let created = 0;
  await ctx.db.transaction(async (tx) => {
    const categoryIds = new Map<string, string>();
    for (const [order, category] of DEMO_CATEGORIES.entries()) {
      await tx
        .insert(kbCategories)
        .values({ organizationId, sortOrder: order * 10, ...category })
        .onConflictDoNothing();
      const [row] = await tx
        .select({ id: kbCategories.id })
        .from(kbCategories)
        .where(
          and(
            eq(kbCategories.organizationId, organizationId),
            eq(kbCategories.slug, category.slug),
          ),
        );
      if (row) categoryIds.set(category.slug, row.id);
    }
    for (const [order, demo] of DEMO_ARTICLES.entries()) {
      const categoryId = categoryIds.get(demo.category);
      if (!categoryId) throw new Error(`demo article ${demo.slug}: no category ${demo.category}`);
      const [article] = await tx
        .insert(kbArticles)
        .values({
          organizationId,
          categoryId,
          slug: demo.slug,
          tags: demo.tags,
          sortOrder: order,
          status: 'published',
          publishedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning();
      if (!article) continue;
      created += 1;
      await saveTranslation(tx, article, 'ru', demo.ru);
      await saveTranslation(tx, article, 'en', demo.en);
    }
  });
  return { categories: DEMO_CATEGORIES.length, articles: created };
}

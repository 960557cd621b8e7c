import { and, asc, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import type { DbOrTx } from '../../infra/db.js';
import {
  kbArticles,
  kbArticleTranslations,
  kbArticleViews,
  kbCategories,
  kbDeflections,
  kbFeedback,
} from '../../schema.js';
import { markdownToPlain } from './kb-markdown.js';
import { normalizeText, TS_CONFIG } from './kb-query.js';
import { rowsOf } from '../../infra/db.js';
import { addTerms } from './kb-words.repo.js';

// Control characters would collide with the headline markers (kb-query.ts).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f]/g;

export type KbCategoryRow = typeof kbCategories.$inferSelect;
export type KbArticleRow = typeof kbArticles.$inferSelect;
export type KbTranslationRow = typeof kbArticleTranslations.$inferSelect;

/** Categories in display order, with how many (published, when asked) articles each has. */
export async function listCategories(db: DbOrTx, organizationId: string, publishedOnly: boolean) {
  const counted = db
    .select({ categoryId: kbArticles.categoryId, n: count().as('n') })
    .from(kbArticles)
    .where(
      and(
        eq(kbArticles.organizationId, organizationId),
        publishedOnly ? eq(kbArticles.status, 'published') : undefined,
      ),
    )
    .groupBy(kbArticles.categoryId)
    .as('counted');
  return db
    .select({ category: kbCategories, articleCount: sql<number>`coalesce(${counted.n}, 0)::int` })
    .from(kbCategories)
    .leftJoin(counted, eq(counted.categoryId, kbCategories.id))
    .where(eq(kbCategories.organizationId, organizationId))
    .orderBy(asc(kbCategories.sortOrder), asc(kbCategories.nameRu));
}

export async function findCategory(
  db: DbOrTx,
  organizationId: string,
  by: { id?: string; slug?: string },
) {
  const [row] = await db
    .select()
    .from(kbCategories)
    .where(
      and(
        eq(kbCategories.organizationId, organizationId),
        by.id ? eq(kbCategories.id, by.id) : eq(kbCategories.slug, by.slug ?? ''),
      ),
    );
  return row ?? null;
}

export async function findArticle(
  db: DbOrTx,
  organizationId: string,
  by: { id?: string; slug?: string },
) {
  const [row] = await db
    .select()
    .from(kbArticles)
    .where(
      and(
        eq(kbArticles.organizationId, organizationId),
        by.id ? eq(kbArticles.id, by.id) : eq(kbArticles.slug, by.slug ?? ''),
      ),
    );
  return row ?? null;
}

export async function findTranslations(db: DbOrTx, articleIds: string[]) {
  if (articleIds.length === 0) return [];
  return db
    .select({
      articleId: kbArticleTranslations.articleId,
      locale: kbArticleTranslations.locale,
      title: kbArticleTranslations.title,
      body: kbArticleTranslations.body,
      updatedAt: kbArticleTranslations.updatedAt,
    })
    .from(kbArticleTranslations)
    .where(inArray(kbArticleTranslations.articleId, articleIds));
}

/** Published articles of a category, in FAQ order. */
export async function listPublishedInCategory(
  db: DbOrTx,
  organizationId: string,
  categoryId: string,
) {
  return db
    .select()
    .from(kbArticles)
    .where(
      and(
        eq(kbArticles.organizationId, organizationId),
        eq(kbArticles.categoryId, categoryId),
        eq(kbArticles.status, 'published'),
      ),
    )
    .orderBy(asc(kbArticles.sortOrder), asc(kbArticles.slug));
}

/**
 * Writes one locale of an article with its tsvector — title weighted A above body B, in the
 * locale's text-search configuration — and the article's status copied as `published` (search
 * reads this table alone), and feeds its words to the search dictionary.
 */
export async function saveTranslation(
  tx: DbOrTx,
  article: { id: string; organizationId: string; status: 'draft' | 'published' },
  locale: Locale,
  text: { title: string; body: string },
): Promise<void> {
  const plain = markdownToPlain(text.body).replace(CONTROL_CHARACTERS, ' ');
  const config = TS_CONFIG[locale];
  const search = sql`setweight(to_tsvector(${config}::regconfig, ${text.title}), 'A') || setweight(to_tsvector(${config}::regconfig, ${plain}), 'B')`;
  const values = {
    title: text.title,
    body: text.body,
    plain,
    titleNorm: normalizeText(text.title),
    search,
    titleSearch: sql`to_tsvector(${config}::regconfig, ${text.title})`,
    published: article.status === 'published',
    updatedAt: new Date(),
  };
  await tx
    .insert(kbArticleTranslations)
    .values({ articleId: article.id, organizationId: article.organizationId, locale, ...values })
    .onConflictDoUpdate({
      target: [kbArticleTranslations.articleId, kbArticleTranslations.locale],
      set: values,
    });
  await addTerms(tx, article.organizationId, locale, `${text.title} ${plain}`);
}

/** Keeps the copy of the article's status on its translations in step (same transaction). */
export async function setTranslationsPublished(tx: DbOrTx, articleId: string, published: boolean) {
  await tx
    .update(kbArticleTranslations)
    .set({ published })
    .where(eq(kbArticleTranslations.articleId, articleId));
}

export async function deleteTranslation(tx: DbOrTx, articleId: string, locale: Locale) {
  await tx
    .delete(kbArticleTranslations)
    .where(
      and(eq(kbArticleTranslations.articleId, articleId), eq(kbArticleTranslations.locale, locale)),
    );
}

/** Counts a view: the article's total and today's row for period statistics. */
export async function recordView(db: DbOrTx, article: { id: string; organizationId: string }) {
  await db
    .update(kbArticles)
    .set({ viewCount: sql`${kbArticles.viewCount} + 1` })
    .where(eq(kbArticles.id, article.id));
  await db
    .insert(kbArticleViews)
    .values({
      articleId: article.id,
      organizationId: article.organizationId,
      day: sql`current_date`,
      views: 1,
    })
    .onConflictDoUpdate({
      target: [kbArticleViews.articleId, kbArticleViews.day],
      set: { views: sql`${kbArticleViews.views} + 1` },
    });
}

/** One vote per voter and article: a second one replaces the first. */
export async function upsertFeedback(db: DbOrTx, values: typeof kbFeedback.$inferInsert) {
  await db
    .insert(kbFeedback)
    .values(values)
    .onConflictDoUpdate({
      target: [kbFeedback.articleId, kbFeedback.voterKey],
      set: { helpful: values.helpful, comment: values.comment ?? null, updatedAt: new Date() },
    });
}

export async function insertDeflection(db: DbOrTx, values: typeof kbDeflections.$inferInsert) {
  const [row] = await db.insert(kbDeflections).values(values).returning({ id: kbDeflections.id });
  if (!row) throw new Error('deflection not stored');
  return row;
}

export const STAFF_PAGE_SIZE = 25;

/** The staff list with views and votes, newest change first. */
export async function listStaffArticles(
  db: DbOrTx,
  organizationId: string,
  filter: { status?: 'draft' | 'published'; categoryId?: string; page: number },
) {
  const where = and(
    eq(kbArticles.organizationId, organizationId),
    filter.status ? eq(kbArticles.status, filter.status) : undefined,
    filter.categoryId ? eq(kbArticles.categoryId, filter.categoryId) : undefined,
  );
  const rows = await db
    .select({
      id: kbArticles.id,
      slug: kbArticles.slug,
      status: kbArticles.status,
      views: kbArticles.viewCount,
      updatedAt: kbArticles.updatedAt,
      categoryName: kbCategories.nameRu,
      titleRu: kbArticleTranslations.title,
      hasEn: sql<boolean>`exists (select 1 from kb_article_translations e where e.article_id = ${kbArticles.id} and e.locale = 'en')`,
      helpfulYes: sql<number>`(select count(*)::int from kb_feedback f where f.article_id = ${kbArticles.id} and f.helpful = 1)`,
      helpfulNo: sql<number>`(select count(*)::int from kb_feedback f where f.article_id = ${kbArticles.id} and f.helpful = 0)`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(kbArticles)
    .innerJoin(kbCategories, eq(kbCategories.id, kbArticles.categoryId))
    .innerJoin(
      kbArticleTranslations,
      and(
        eq(kbArticleTranslations.articleId, kbArticles.id),
        eq(kbArticleTranslations.locale, 'ru'),
      ),
    )
    .where(where)
    .orderBy(desc(kbArticles.updatedAt), asc(kbArticles.id))
    .limit(STAFF_PAGE_SIZE)
    .offset((filter.page - 1) * STAFF_PAGE_SIZE);
  return rows;
}

interface StatsRow {
  views: number;
  helpfulYes: number;
  helpfulNo: number;
  deflections: number;
}

/** Views, votes and deflections since `since`. */
export async function readStats(db: DbOrTx, organizationId: string, since: Date) {
  const day = since.toISOString().slice(0, 10);
  const [figures] = await rowsOf<StatsRow>(
    db,
    sql`
    select
      (select coalesce(sum(views), 0)::int from kb_article_views
        where organization_id = ${organizationId} and day >= ${day}::date) as views,
      (select count(*)::int from kb_feedback
        where organization_id = ${organizationId} and updated_at >= ${since} and helpful = 1) as "helpfulYes",
      (select count(*)::int from kb_feedback
        where organization_id = ${organizationId} and updated_at >= ${since} and helpful = 0) as "helpfulNo",
      (select count(*)::int from kb_deflections
        where organization_id = ${organizationId} and created_at >= ${since}) as deflections
  `,
  );
  const top = await db
    .select({
      id: kbArticles.id,
      title: kbArticleTranslations.title,
      views: sql<number>`sum(${kbArticleViews.views})::int`,
    })
    .from(kbArticleViews)
    .innerJoin(kbArticles, eq(kbArticles.id, kbArticleViews.articleId))
    .innerJoin(
      kbArticleTranslations,
      and(
        eq(kbArticleTranslations.articleId, kbArticles.id),
        eq(kbArticleTranslations.locale, 'ru'),
      ),
    )
    .where(and(eq(kbArticleViews.organizationId, organizationId), gte(kbArticleViews.day, day)))
    .groupBy(kbArticles.id, kbArticleTranslations.title)
    .orderBy(desc(sql`sum(${kbArticleViews.views})`))
    .limit(5);
  if (!figures) throw new Error('no statistics row');
  return { ...figures, top };
}

import { countTicketsCreatedSince } from '../helpdesk/index.js';
import { and, eq } from 'drizzle-orm';
import type {
  KbArticleInput,
  KbCategoryInput,
  KbStaffArticle,
  KbStaffCategory,
  KbStaffListResponse,
  KbStats,
} from '../../../shared/contracts/kb.js';
import { ZKbArticleInput } from '../../../shared/contracts/kb.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { kbArticles, kbCategories } from '../../schema.js';
import {
  deleteTranslation,
  findArticle,
  findCategory,
  findTranslations,
  listCategories,
  listStaffArticles,
  readStats,
  saveTranslation,
  setTranslationsPublished,
  STAFF_PAGE_SIZE,
} from './kb.repo.js';

const STATS_PERIOD_DAYS = 30;

/** PostgreSQL's unique_violation, from either driver (the code may sit on `cause`). */
function isUniqueViolation(error: unknown): boolean {
  const codeOf = (value: unknown) =>
    typeof value === 'object' && value !== null && 'code' in value ? value.code : undefined;
  return (
    codeOf(error) === '23505' || codeOf((error as { cause?: unknown } | null)?.cause) === '23505'
  );
}

async function slugSafe<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('kb_slug_taken');
    throw error;
  }
}

export async function listStaffCategories(
  ctx: AppContext,
  organizationId: string,
): Promise<KbStaffCategory[]> {
  const rows = await listCategories(ctx.db, organizationId, false);
  return rows.map(({ category, articleCount }) => ({
    id: category.id,
    slug: category.slug,
    nameRu: category.nameRu,
    nameEn: category.nameEn,
    descriptionRu: category.descriptionRu,
    descriptionEn: category.descriptionEn,
    sortOrder: category.sortOrder,
    articleCount,
  }));
}

export async function createCategory(
  ctx: AppContext,
  organizationId: string,
  input: KbCategoryInput,
) {
  const [row] = await slugSafe(() =>
    ctx.db
      .insert(kbCategories)
      .values({ organizationId, ...input })
      .returning(),
  );
  if (!row) throw new Error('category not stored');
  return { ...input, id: row.id, articleCount: 0 };
}

export async function updateCategory(
  ctx: AppContext,
  organizationId: string,
  id: string,
  input: KbCategoryInput,
) {
  const [row] = await slugSafe(() =>
    ctx.db
      .update(kbCategories)
      .set(input)
      .where(and(eq(kbCategories.organizationId, organizationId), eq(kbCategories.id, id)))
      .returning(),
  );
  if (!row) throw new AppError('not_found');
  const all = await listStaffCategories(ctx, organizationId);
  const updated = all.find((c) => c.id === id);
  if (!updated) throw new AppError('not_found');
  return updated;
}

export async function deleteCategory(ctx: AppContext, organizationId: string, id: string) {
  const all = await listStaffCategories(ctx, organizationId);
  const category = all.find((c) => c.id === id);
  if (!category) throw new AppError('not_found');
  if (category.articleCount > 0) throw new AppError('kb_category_not_empty');
  await ctx.db
    .delete(kbCategories)
    .where(and(eq(kbCategories.organizationId, organizationId), eq(kbCategories.id, id)));
}

/** An article with both locales, as the editor needs it. */
export async function getStaffArticle(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<KbStaffArticle> {
  const article = await findArticle(db, organizationId, { id });
  if (!article) throw new AppError('not_found');
  const translations = await findTranslations(db, [article.id]);
  const text = (locale: string) => {
    const t = translations.find((row) => row.locale === locale);
    return t ? { title: t.title, body: t.body } : null;
  };
  return {
    id: article.id,
    slug: article.slug,
    categoryId: article.categoryId,
    tags: article.tags,
    sortOrder: article.sortOrder,
    status: article.status,
    ru: text('ru') ?? { title: '', body: '' },
    en: text('en'),
    publishedAt: article.publishedAt?.toISOString() ?? null,
    updatedAt: article.updatedAt.toISOString(),
  };
}

async function requireCategory(db: DbOrTx, organizationId: string, categoryId: string) {
  if (!(await findCategory(db, organizationId, { id: categoryId }))) {
    throw new AppError('kb_category_unknown');
  }
}

/** Creates a draft (or a published article with `publish`), both locales in one transaction. */
export async function createArticle(
  ctx: AppContext,
  organizationId: string,
  actorId: string,
  raw: KbArticleInput,
  publish = false,
): Promise<KbStaffArticle> {
  const input = ZKbArticleInput.parse(raw);
  return slugSafe(() =>
    ctx.db.transaction(async (tx) => {
      await requireCategory(tx, organizationId, input.categoryId);
      const [article] = await tx
        .insert(kbArticles)
        .values({
          organizationId,
          categoryId: input.categoryId,
          slug: input.slug,
          tags: input.tags,
          sortOrder: input.sortOrder,
          status: publish ? 'published' : 'draft',
          publishedAt: publish ? new Date() : null,
          createdById: actorId,
        })
        .returning();
      if (!article) throw new Error('article not stored');
      await saveTranslation(tx, article, 'ru', input.ru);
      if (input.en) await saveTranslation(tx, article, 'en', input.en);
      return getStaffArticle(tx, organizationId, article.id);
    }),
  );
}

/** Replaces an article's fields and texts; removing the English version deletes it. */
export async function updateArticle(
  ctx: AppContext,
  organizationId: string,
  id: string,
  raw: KbArticleInput,
): Promise<KbStaffArticle> {
  const input = ZKbArticleInput.parse(raw);
  return slugSafe(() =>
    ctx.db.transaction(async (tx) => {
      await requireCategory(tx, organizationId, input.categoryId);
      const [article] = await tx
        .update(kbArticles)
        .set({
          categoryId: input.categoryId,
          slug: input.slug,
          tags: input.tags,
          sortOrder: input.sortOrder,
          updatedAt: new Date(),
        })
        .where(and(eq(kbArticles.organizationId, organizationId), eq(kbArticles.id, id)))
        .returning();
      if (!article) throw new AppError('not_found');
      await saveTranslation(tx, article, 'ru', input.ru);
      if (input.en) await saveTranslation(tx, article, 'en', input.en);
      else await deleteTranslation(tx, article.id, 'en');
      return getStaffArticle(tx, organizationId, article.id);
    }),
  );
}

export async function setArticleStatus(
  ctx: AppContext,
  organizationId: string,
  id: string,
  status: 'draft' | 'published',
): Promise<KbStaffArticle> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(kbArticles)
      .set({
        status,
        updatedAt: new Date(),
        ...(status === 'published' ? { publishedAt: new Date() } : {}),
      })
      .where(and(eq(kbArticles.organizationId, organizationId), eq(kbArticles.id, id)))
      .returning();
    if (!row) throw new AppError('not_found');
    await setTranslationsPublished(tx, id, status === 'published');
    return getStaffArticle(tx, organizationId, id);
  });
}

export async function deleteArticle(ctx: AppContext, organizationId: string, id: string) {
  const deleted = await ctx.db
    .delete(kbArticles)
    .where(and(eq(kbArticles.organizationId, organizationId), eq(kbArticles.id, id)))
    .returning({ id: kbArticles.id });
  if (deleted.length === 0) throw new AppError('not_found');
}

export async function listArticlesForStaff(
  ctx: AppContext,
  organizationId: string,
  filter: { status?: 'draft' | 'published'; categoryId?: string; page: number },
): Promise<KbStaffListResponse> {
  const rows = await listStaffArticles(ctx.db, organizationId, filter);
  return {
    items: rows.map(({ total: _total, updatedAt, ...row }) => ({
      ...row,
      updatedAt: updatedAt.toISOString(),
    })),
    total: rows[0]?.total ?? 0,
    page: filter.page,
    pageSize: STAFF_PAGE_SIZE,
  };
}

/** The last 30 days; the deflection rate compares deflections with tickets actually filed. */
export async function getKbStats(
  ctx: AppContext,
  organizationId: string,
  now: Date,
): Promise<KbStats> {
  const since = new Date(now.getTime() - STATS_PERIOD_DAYS * 86_400_000);
  const stats = await readStats(ctx.db, organizationId, since);
  const ticketsCreated = await countTicketsCreatedSince(ctx.db, organizationId, since);
  const attempts = stats.deflections + ticketsCreated;
  return {
    periodDays: STATS_PERIOD_DAYS,
    views: stats.views,
    helpfulYes: stats.helpfulYes,
    helpfulNo: stats.helpfulNo,
    deflections: stats.deflections,
    ticketsCreated,
    deflectionRate: attempts === 0 ? null : stats.deflections / attempts,
    topArticles: stats.top,
  };
}

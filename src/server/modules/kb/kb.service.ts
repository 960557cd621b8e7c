import {
  KB_SEARCH_PAGE_SIZE,
  KB_SUGGEST_LIMIT,
  type KbArticle,
  type KbCategory,
  type KbCategoryPage,
  type KbHit,
  type KbSearchResponse,
} from '../../../shared/contracts/kb.js';
import type { Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { renderMarkdown } from './kb-markdown.js';
import { headlineToSnippet, planQuery, slotLexemes } from './kb-query.js';
import { isDominantOrganization, searchArticles, type SearchRow } from './kb-search.repo.js';
import { expandWords, findCorrections } from './kb-words.repo.js';
import {
  findArticle,
  findCategory,
  findTranslations,
  insertDeflection,
  listCategories,
  listPublishedInCategory,
  recordView,
  upsertFeedback,
  type KbArticleRow,
  type KbCategoryRow,
} from './kb.repo.js';

/** The public address of an article. */
export const articleUrl = (slug: string) => `/kb/a/${slug}`;

function toHit(row: SearchRow): KbHit {
  return {
    id: row.id,
    title: row.title,
    snippet: headlineToSnippet(row.headline),
    url: articleUrl(row.slug),
  };
}

// Each candidate arm reads at most this many rows: ranking a few dozen rows keeps a suggestion
// cheap; the results page may go a few pages deep.
const SUGGEST_CANDIDATES = 20;
const SEARCH_CANDIDATES = 200;

/**
 * Runs the query through the organization's knowledge base (docs/kb-search.md): the words'
 * lexemes from the dictionary, spelling corrections only for slots none of whose words it
 * knows (most queries skip that round trip), then one ranked statement.
 */
async function runSearch(
  ctx: AppContext,
  organizationId: string,
  locale: Locale,
  query: string,
  page: { limit: number; offset: number; candidatesPerArm: number; stopAt?: number },
) {
  const plan = planQuery(query, locale);
  if (plan.slots.length === 0) return [];
  const allWords = [...new Set(plan.slots.flatMap((slot) => slot.words))];
  const { db } = ctx;
  const words = await expandWords(db, organizationId, locale, allWords);
  const unknown = plan.slots
    // A stop word has no stem (not in `words`): nothing to correct there.
    .filter((slot) => slot.words.some((word) => words.has(word)))
    .filter((slot) => !slot.words.some((word) => words.get(word)?.known))
    .flatMap((slot) => slot.correctable);
  if (unknown.length) {
    const corrections = await findCorrections(
      db,
      organizationId,
      locale,
      [...new Set(unknown)],
      ctx.database.driver,
    );
    for (const [word, lexemes] of corrections) {
      const entry = words.get(word);
      if (entry) entry.corrections = lexemes;
      else words.set(word, { lexemes: [], known: false, corrections: lexemes });
    }
  }
  const slots = slotLexemes(plan, words);
  const dominant = await isDominantOrganization(db, organizationId);
  return searchArticles(db, { organizationId, locale, plan, slots, dominant, ...page });
}

/** Up to five articles for what the person is typing (the ticket form, the search box). */
export async function suggestArticles(
  ctx: AppContext,
  organizationId: string,
  locale: Locale,
  query: string,
): Promise<KbHit[]> {
  const rows = await runSearch(ctx, organizationId, locale, query, {
    limit: KB_SUGGEST_LIMIT,
    offset: 0,
    candidatesPerArm: SUGGEST_CANDIDATES,
    stopAt: KB_SUGGEST_LIMIT,
  });
  return rows.map(toHit);
}

/** The search results page. */
export async function searchKnowledgeBase(
  ctx: AppContext,
  organizationId: string,
  locale: Locale,
  query: string,
  page: number,
): Promise<KbSearchResponse> {
  const rows = await runSearch(ctx, organizationId, locale, query, {
    limit: KB_SEARCH_PAGE_SIZE,
    offset: (page - 1) * KB_SEARCH_PAGE_SIZE,
    candidatesPerArm: SEARCH_CANDIDATES,
  });
  return {
    items: rows.map(toHit),
    total: rows[0]?.total ?? 0,
    page,
    pageSize: KB_SEARCH_PAGE_SIZE,
  };
}

function presentCategory(row: KbCategoryRow, locale: Locale, articleCount: number): KbCategory {
  return {
    id: row.id,
    slug: row.slug,
    name: locale === 'en' ? row.nameEn : row.nameRu,
    description: locale === 'en' ? row.descriptionEn : row.descriptionRu,
    articleCount,
  };
}

/** Categories that have at least one published article. */
export async function listPublicCategories(
  ctx: AppContext,
  organizationId: string,
  locale: Locale,
): Promise<KbCategory[]> {
  const rows = await listCategories(ctx.db, organizationId, true);
  return rows
    .filter((row) => row.articleCount > 0)
    .map((row) => presentCategory(row.category, locale, row.articleCount));
}

async function presentArticles(
  db: DbOrTx,
  articles: KbArticleRow[],
  category: KbCategoryRow,
  locale: Locale,
): Promise<KbArticle[]> {
  const translations = await findTranslations(
    db,
    articles.map((a) => a.id),
  );
  return articles.flatMap((article) => {
    const mine = translations.filter((t) => t.articleId === article.id);
    // Russian is the required version; an article without the asked locale falls back to it.
    const text = mine.find((t) => t.locale === locale) ?? mine.find((t) => t.locale === 'ru');
    if (!text) return [];
    const updated = Math.max(article.updatedAt.getTime(), text.updatedAt.getTime());
    return [
      {
        id: article.id,
        slug: article.slug,
        locale: text.locale as Locale,
        title: text.title,
        html: renderMarkdown(text.body),
        tags: article.tags,
        category: {
          slug: category.slug,
          name: locale === 'en' ? category.nameEn : category.nameRu,
        },
        updatedAt: new Date(updated).toISOString(),
      },
    ];
  });
}

/** The FAQ page of a category. */
export async function getCategoryPage(
  ctx: AppContext,
  organizationId: string,
  locale: Locale,
  slug: string,
): Promise<KbCategoryPage> {
  const category = await findCategory(ctx.db, organizationId, { slug });
  if (!category) throw new AppError('not_found');
  const articles = await listPublishedInCategory(ctx.db, organizationId, category.id);
  const presented = await presentArticles(ctx.db, articles, category, locale);
  return {
    category: presentCategory(category, locale, presented.length),
    articles: presented,
  };
}

async function publishedArticle(
  db: DbOrTx,
  organizationId: string,
  by: { id?: string; slug?: string },
) {
  const article = await findArticle(db, organizationId, by);
  // A draft does not exist for the public: the same 404 as an unknown address.
  if (!article || article.status !== 'published') throw new AppError('not_found');
  return article;
}

/** A published article, rendered; counts a view. */
export async function readArticle(
  ctx: AppContext,
  organizationId: string,
  locale: Locale,
  slug: string,
): Promise<KbArticle> {
  const article = await publishedArticle(ctx.db, organizationId, { slug });
  const category = await findCategory(ctx.db, organizationId, { id: article.categoryId });
  if (!category) throw new AppError('not_found');
  const [presented] = await presentArticles(ctx.db, [article], category, locale);
  if (!presented) throw new AppError('not_found');
  await recordView(ctx.db, article);
  return presented;
}

/** Who votes: a signed-in person, or an anonymous browser by its cookie. */
export type Voter = { userId: string } | { clientId: string };

/** Records «Была ли статья полезна?»; the same voter's second answer replaces the first. */
export async function giveFeedback(
  ctx: AppContext,
  organizationId: string,
  articleId: string,
  voter: Voter,
  vote: { helpful: boolean; comment?: string },
) {
  const article = await publishedArticle(ctx.db, organizationId, { id: articleId });
  await upsertFeedback(ctx.db, {
    organizationId,
    articleId: article.id,
    voterKey: 'userId' in voter ? `u:${voter.userId}` : `c:${voter.clientId}`,
    userId: 'userId' in voter ? voter.userId : null,
    helpful: vote.helpful ? 1 : 0,
    comment: vote.comment || null,
  });
  return { helpful: vote.helpful };
}

/** «Это решило мою проблему»: the customer leaves the ticket form without filing. */
export async function recordDeflection(
  ctx: AppContext,
  organizationId: string,
  articleId: string,
  userId: string,
  query: string,
) {
  const article = await publishedArticle(ctx.db, organizationId, { id: articleId });
  return insertDeflection(ctx.db, { organizationId, articleId: article.id, userId, query });
}

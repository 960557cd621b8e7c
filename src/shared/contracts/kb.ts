import { z } from 'zod';
import { ZLocale } from './common.js';

// Knowledge base: public search, suggestions, FAQ pages and articles; staff editing and stats.

/** Lower-case Latin letters, digits and dashes: the article's address (`/kb/a/<slug>`). */
export const ZKbSlug = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export const KB_SEARCH_PAGE_SIZE = 10;
export const KB_SUGGEST_LIMIT = 5;

/** `?q=` of suggest and search. `locale` wins over Accept-Language; Russian by default. */
export const ZKbSuggestQuery = z.object({
  q: z.string().max(300).default(''),
  locale: ZLocale.optional(),
});

export const ZKbSearchQuery = ZKbSuggestQuery.extend({
  page: z.coerce.number().int().min(1).max(100).default(1),
});

/** One found article. */
export const ZKbHit = z.object({
  id: z.uuid(),
  title: z.string(),
  /**
   * A fragment of the article around the words found, HTML-escaped, with the matches wrapped
   * in `<mark>…</mark>` — the only markup it ever contains.
   */
  snippet: z.string(),
  /** The public page: `/kb/a/<slug>`. */
  url: z.string(),
});
export type KbHit = z.infer<typeof ZKbHit>;

export const ZKbSuggestResponse = z.object({ items: z.array(ZKbHit).max(KB_SUGGEST_LIMIT) });
export type KbSuggestResponse = z.infer<typeof ZKbSuggestResponse>;

export const ZKbSearchResponse = z.object({
  items: z.array(ZKbHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type KbSearchResponse = z.infer<typeof ZKbSearchResponse>;

export const ZKbLocaleQuery = z.object({ locale: ZLocale.optional() });
export const ZKbSlugParams = z.object({ slug: z.string().max(80) });

/** A category as the public sees it, in the reader's language. */
export const ZKbCategory = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  /** Published articles in it. */
  articleCount: z.number().int(),
});
export type KbCategory = z.infer<typeof ZKbCategory>;
export const ZKbCategoriesResponse = z.object({ items: z.array(ZKbCategory) });

/** A published article: `html` is rendered from Markdown with raw HTML disabled. */
export const ZKbArticle = z.object({
  id: z.uuid(),
  slug: z.string(),
  /** The language of the text (Russian when the article has no version in the one asked for). */
  locale: ZLocale,
  title: z.string(),
  html: z.string(),
  tags: z.array(z.string()),
  category: z.object({ slug: z.string(), name: z.string() }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type KbArticle = z.infer<typeof ZKbArticle>;

/** The FAQ page of a category: its published articles, rendered, in order. */
export const ZKbCategoryPage = z.object({
  category: ZKbCategory,
  articles: z.array(ZKbArticle),
});
export type KbCategoryPage = z.infer<typeof ZKbCategoryPage>;

/** «Была ли статья полезна?» A second vote by the same person replaces the first. */
export const ZKbFeedbackRequest = z.object({
  helpful: z.boolean(),
  comment: z.string().trim().max(2000).optional(),
});
export type KbFeedbackRequest = z.infer<typeof ZKbFeedbackRequest>;
export const ZKbFeedbackResponse = z.object({ helpful: z.boolean() });

/** «Это решило мою проблему» on the ticket form: `query` is what the customer had typed. */
export const ZKbDeflectionRequest = z.object({ query: z.string().trim().max(4000).default('') });
export const ZKbDeflectionResponse = z.object({ id: z.uuid() });

// ---- Staff ----

export const ZKbArticleStatus = z.enum(['draft', 'published']);
export type KbArticleStatus = z.infer<typeof ZKbArticleStatus>;

export const ZKbCategoryInput = z.object({
  slug: ZKbSlug,
  nameRu: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120),
  descriptionRu: z.string().trim().max(500).default(''),
  descriptionEn: z.string().trim().max(500).default(''),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type KbCategoryInput = z.infer<typeof ZKbCategoryInput>;

export const ZKbStaffCategory = ZKbCategoryInput.extend({
  id: z.uuid(),
  articleCount: z.number().int(),
});
export type KbStaffCategory = z.infer<typeof ZKbStaffCategory>;
export const ZKbStaffCategoriesResponse = z.object({ items: z.array(ZKbStaffCategory) });

const ZTranslationInput = z.object({
  title: z.string().trim().min(1).max(200),
  /** Markdown; raw HTML in it is shown as text, never rendered. */
  body: z.string().max(100_000),
});

/** Create or replace an article. Russian is required; English is optional. */
export const ZKbArticleInput = z.object({
  slug: ZKbSlug,
  categoryId: z.uuid(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  ru: ZTranslationInput,
  en: ZTranslationInput.nullable().default(null),
});
export type KbArticleInput = z.input<typeof ZKbArticleInput>;

export const ZKbStaffArticle = z.object({
  id: z.uuid(),
  slug: z.string(),
  categoryId: z.uuid(),
  tags: z.array(z.string()),
  sortOrder: z.number().int(),
  status: ZKbArticleStatus,
  ru: ZTranslationInput,
  en: ZTranslationInput.nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type KbStaffArticle = z.infer<typeof ZKbStaffArticle>;

export const ZKbStaffListQuery = z.object({
  status: ZKbArticleStatus.optional(),
  categoryId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const ZKbStaffListItem = z.object({
  id: z.uuid(),
  slug: z.string(),
  titleRu: z.string(),
  hasEn: z.boolean(),
  categoryName: z.string(),
  status: ZKbArticleStatus,
  views: z.number().int(),
  helpfulYes: z.number().int(),
  helpfulNo: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type KbStaffListItem = z.infer<typeof ZKbStaffListItem>;
export const ZKbStaffListResponse = z.object({
  items: z.array(ZKbStaffListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type KbStaffListResponse = z.infer<typeof ZKbStaffListResponse>;

export const ZKbPreviewRequest = z.object({ body: z.string().max(100_000) });
export const ZKbPreviewResponse = z.object({ html: z.string() });

/** Knowledge-base figures for the last `periodDays` days. */
export const ZKbStats = z.object({
  periodDays: z.number().int(),
  views: z.number().int(),
  helpfulYes: z.number().int(),
  helpfulNo: z.number().int(),
  deflections: z.number().int(),
  ticketsCreated: z.number().int(),
  /** deflections / (deflections + tickets created); null when both are zero. */
  deflectionRate: z.number().nullable(),
  topArticles: z.array(z.object({ id: z.uuid(), title: z.string(), views: z.number().int() })),
});
export type KbStats = z.infer<typeof ZKbStats>;

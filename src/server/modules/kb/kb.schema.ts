import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../access/access.schema.js';
import { tsvector } from '../../infra/pg-types.js';
import { organizations } from '../orgs/orgs.schema.js';

export const kbArticleStatus = pgEnum('kb_article_status', ['draft', 'published']);

/** A section of the knowledge base; each has its FAQ page (`/kb/c/<slug>`). */
export const kbCategories = pgTable(
  'kb_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionRu: text('description_ru').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('kb_categories_org_slug').on(table.organizationId, table.slug)],
);

/** An article; its text lives in `kb_article_translations`, one row per locale. */
export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => kbCategories.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: kbArticleStatus('status').notNull().default('draft'),
    /** Order on the category's FAQ page. */
    sortOrder: integer('sort_order').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('kb_articles_org_slug').on(table.organizationId, table.slug),
    index('kb_articles_category').on(table.categoryId, table.sortOrder),
    index('kb_articles_org_updated').on(table.organizationId, table.updatedAt),
  ],
);

/**
 * One locale of an article. `search` is written by the application:
 * `setweight(to_tsvector(<config>, title), 'A') || setweight(to_tsvector(<config>, plain), 'B')`
 * with `russian` for ru and `english` for en. `titleNorm` is the title in lower case, ё→е,
 * for the trigram closeness that breaks ranking ties. `organizationId` and `published` are
 * copies of the article's, so a search reads this table alone (docs/kb-search.md).
 */
export const kbArticleTranslations = pgTable(
  'kb_article_translations',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    /** Copied from the article so searches filter by tenant without a join first. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    title: text('title').notNull(),
    /** Markdown as staff wrote it. */
    body: text('body').notNull(),
    /** The body without Markdown syntax: what the tsvector and the snippets are made of. */
    plain: text('plain').notNull(),
    titleNorm: text('title_norm').notNull(),
    search: tsvector('search').notNull(),
    /** `to_tsvector(<config>, title)`: the title arm of a search reads this through GIN. */
    titleSearch: tsvector('title_search')
      .notNull()
      .default(sql`''::tsvector`),
    /** `kb_articles.status = 'published'`, kept in step by kb.repo.ts (saveTranslation, setTranslationsPublished). */
    published: boolean('published').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.locale] }),
    check('kb_article_translations_locale', sql`${table.locale} in ('ru', 'en')`),
    // Only what the public may find; the organization first, so a small tenant's search never
    // walks a large tenant's postings (btree_gin).
    index('kb_article_translations_published_search')
      .using('gin', table.organizationId, table.search)
      .where(sql`${table.published}`),
    index('kb_article_translations_published_title')
      .using('gin', table.organizationId, table.titleSearch)
      .where(sql`${table.published}`),
  ],
);

/**
 * The words of the organization's articles, per locale, with each word's lexeme (its stem in
 * the locale's text-search configuration). Typo correction searches the words by trigram
 * similarity (the approach the PostgreSQL docs suggest for spell-checking); prefix search
 * expands a typed beginning into the exact lexemes that start with it, which the GIN index
 * answers far faster than a `:*` prefix query (docs/kb-search.md).
 */
export const kbTerms = pgTable(
  'kb_terms',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    term: text('term').notNull(),
    /** Empty for a stop word. */
    lexeme: text('lexeme').notNull().default(''),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.locale, table.term] }),
    index('kb_terms_trgm').using('gin', sql`${table.term} gin_trgm_ops`),
    index('kb_terms_lexeme').on(
      table.organizationId,
      table.locale,
      sql`${table.lexeme} text_pattern_ops`,
    ),
  ],
);

/** Views per article and day, for the staff statistics over a period. */
export const kbArticleViews = pgTable(
  'kb_article_views',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    views: integer('views').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.articleId, table.day] }),
    index('kb_article_views_org_day').on(table.organizationId, table.day),
  ],
);

/** «Была ли статья полезна?»: one vote per person (or anonymous browser) and article. */
export const kbFeedback = pgTable(
  'kb_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    /** `u:<user id>` or `c:<anonymous client id from a cookie>`. */
    voterKey: text('voter_key').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    helpful: integer('helpful').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('kb_feedback_one_vote').on(table.articleId, table.voterKey),
    index('kb_feedback_org_updated').on(table.organizationId, table.updatedAt),
    check('kb_feedback_helpful', sql`${table.helpful} in (0, 1)`),
  ],
);

/** A ticket that was not filed: the customer found the answer in a suggested article. */
export const kbDeflections = pgTable(
  'kb_deflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    query: text('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('kb_deflections_org_created').on(table.organizationId, table.createdAt)],
);

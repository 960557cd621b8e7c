import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZKbArticle,
  ZKbCategoriesResponse,
  ZKbCategoryPage,
  ZKbDeflectionRequest,
  ZKbDeflectionResponse,
  ZKbFeedbackRequest,
  ZKbFeedbackResponse,
  ZKbLocaleQuery,
  ZKbSearchQuery,
  ZKbSearchResponse,
  ZKbSlugParams,
  ZKbSuggestQuery,
  ZKbSuggestResponse,
} from '../../../shared/contracts/kb.js';
import { localeFromAcceptLanguage, type Locale } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import {
  getCategoryPage,
  giveFeedback,
  listPublicCategories,
  readArticle,
  recordDeflection,
  searchKnowledgeBase,
  suggestArticles,
  type Voter,
} from './kb.service.js';

const errors = { 400: ZErrorResponse, 404: ZErrorResponse, 429: ZErrorResponse };

/** Identifies an anonymous browser for «one vote per article»; it carries nothing else. */
const VOTER_COOKIE = 'kabinet_kb_voter';

function localeOf(request: FastifyRequest<{ Querystring: { locale?: Locale } }>): Locale {
  return request.query.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);
}

function voterOf(request: FastifyRequest, reply: FastifyReply): Voter {
  if (request.user) return { userId: request.user.id };
  const existing = request.cookies[VOTER_COOKIE];
  if (existing && /^[0-9a-f-]{36}$/.test(existing)) return { clientId: existing };
  const clientId = randomUUID();
  reply.setCookie(VOTER_COOKIE, clientId, {
    path: '/api/kb',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: 365 * 86_400,
  });
  return { clientId };
}

function userIdOf(request: FastifyRequest): string {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user.id;
}

/** The public knowledge base: no sign-in, except deflections (they belong to a customer). */
export function kbRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/kb/suggest',
    {
      schema: {
        tags: ['kb'],
        summary: 'Up to 5 published articles for what is being typed (ticket form, search box)',
        description:
          'Understands Russian word forms (stemming plus prefixes: «восстанов» finds ' +
          '«восстановление»), typos (trigram corrections), text typed in the wrong keyboard ' +
          'layout (`gfhjkm` → «пароль») and a few support synonyms. Locale from `?locale=`, ' +
          'else Accept-Language, else ru. `snippet` is escaped HTML with `<mark>` only.',
        querystring: ZKbSuggestQuery,
        response: { 200: ZKbSuggestResponse, ...errors },
      },
      // Typing with a 300 ms debounce sends at most a few requests a second.
      config: { rateLimit: { max: 240, timeWindow: '1 minute' } },
    },
    async (request) => ({
      items: await suggestArticles(
        ctx,
        request.organization.id,
        localeOf(request),
        request.query.q,
      ),
    }),
  );

  r.get(
    '/api/kb/search',
    {
      schema: {
        tags: ['kb'],
        summary: 'Search published articles, 10 per page, best first',
        querystring: ZKbSearchQuery,
        response: { 200: ZKbSearchResponse, ...errors },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    (request) =>
      searchKnowledgeBase(
        ctx,
        request.organization.id,
        localeOf(request),
        request.query.q,
        request.query.page,
      ),
  );

  r.get(
    '/api/kb/categories',
    {
      schema: {
        tags: ['kb'],
        summary: 'Categories with at least one published article',
        querystring: ZKbLocaleQuery,
        response: { 200: ZKbCategoriesResponse, ...errors },
      },
    },
    async (request) => ({
      items: await listPublicCategories(ctx, request.organization.id, localeOf(request)),
    }),
  );

  r.get(
    '/api/kb/categories/:slug',
    {
      schema: {
        tags: ['kb'],
        summary: 'The FAQ page of a category: its published articles, rendered',
        params: ZKbSlugParams,
        querystring: ZKbLocaleQuery,
        response: { 200: ZKbCategoryPage, ...errors },
      },
    },
    (request) =>
      getCategoryPage(ctx, request.organization.id, localeOf(request), request.params.slug),
  );

  r.get(
    '/api/kb/articles/:slug',
    {
      schema: {
        tags: ['kb'],
        summary: 'A published article (HTML rendered from Markdown, raw HTML off); counts a view',
        params: ZKbSlugParams,
        querystring: ZKbLocaleQuery,
        response: { 200: ZKbArticle, ...errors },
      },
    },
    (request) => readArticle(ctx, request.organization.id, localeOf(request), request.params.slug),
  );

  r.post(
    '/api/kb/articles/:id/feedback',
    {
      schema: {
        tags: ['kb'],
        summary: '«Была ли статья полезна?» One vote per person or browser; a new one replaces it',
        params: ZIdParams,
        body: ZKbFeedbackRequest,
        response: { 200: ZKbFeedbackResponse, ...errors },
      },
      preHandler: guards.authenticate,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (request, reply) =>
      giveFeedback(
        ctx,
        request.organization.id,
        request.params.id,
        voterOf(request, reply),
        request.body,
      ),
  );

  r.post(
    '/api/kb/articles/:id/deflections',
    {
      schema: {
        tags: ['kb'],
        summary: '«Это решило мою проблему» on the ticket form: counted as a ticket not filed',
        params: ZIdParams,
        body: ZKbDeflectionRequest,
        response: { 201: ZKbDeflectionResponse, ...errors, 401: ZErrorResponse },
      },
      preHandler: guards.requireUser,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const row = await recordDeflection(
        ctx,
        request.organization.id,
        request.params.id,
        userIdOf(request),
        request.body.query,
      );
      return reply.status(201).send(row);
    },
  );
}

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZKbArticleInput,
  ZKbCategoryInput,
  ZKbPreviewRequest,
  ZKbPreviewResponse,
  ZKbStaffArticle,
  ZKbStaffCategoriesResponse,
  ZKbStaffCategory,
  ZKbStaffListQuery,
  ZKbStaffListResponse,
  ZKbStats,
} from '../../../shared/contracts/kb.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { renderMarkdown } from './kb-markdown.js';
import {
  createArticle,
  createCategory,
  deleteArticle,
  deleteCategory,
  getKbStats,
  getStaffArticle,
  listArticlesForStaff,
  listStaffCategories,
  setArticleStatus,
  updateArticle,
  updateCategory,
} from './kb-staff.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  422: ZErrorResponse,
};

const ZCreateArticle = ZKbArticleInput.extend({
  /** Publish at once instead of saving a draft. */
  publish: z.boolean().default(false),
});

function actorId(request: FastifyRequest): string {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user.id;
}

/** Staff console: categories, articles in both locales, publishing, statistics. */
export function kbStaffRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staffOnly = guards.requireStaff('owner', 'admin', 'manager', 'support_agent');
  const tags = ['staff', 'kb'];
  const org = (request: FastifyRequest) => request.organization.id;

  r.get(
    '/api/staff/kb/categories',
    {
      schema: {
        tags,
        summary: 'All categories with their article counts',
        response: { 200: ZKbStaffCategoriesResponse, ...errors },
      },
      preHandler: staffOnly,
    },
    async (request) => ({ items: await listStaffCategories(ctx, org(request)) }),
  );

  r.post(
    '/api/staff/kb/categories',
    {
      schema: {
        tags,
        summary: 'Create a category',
        body: ZKbCategoryInput,
        response: { 201: ZKbStaffCategory, ...errors },
      },
      preHandler: staffOnly,
    },
    async (request, reply) =>
      reply.status(201).send(await createCategory(ctx, org(request), request.body)),
  );

  r.put(
    '/api/staff/kb/categories/:id',
    {
      schema: {
        tags,
        summary: 'Change a category',
        params: ZIdParams,
        body: ZKbCategoryInput,
        response: { 200: ZKbStaffCategory, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => updateCategory(ctx, org(request), request.params.id, request.body),
  );

  r.delete(
    '/api/staff/kb/categories/:id',
    {
      schema: {
        tags,
        summary: 'Delete an empty category (409 kb_category_not_empty otherwise)',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: staffOnly,
    },
    async (request, reply) => {
      await deleteCategory(ctx, org(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/staff/kb/articles',
    {
      schema: {
        tags,
        summary: 'Articles with status, views and votes, last changed first',
        querystring: ZKbStaffListQuery,
        response: { 200: ZKbStaffListResponse, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => listArticlesForStaff(ctx, org(request), request.query),
  );

  r.post(
    '/api/staff/kb/articles',
    {
      schema: {
        tags,
        summary: 'Create an article (a draft unless `publish`)',
        body: ZCreateArticle,
        response: { 201: ZKbStaffArticle, ...errors },
      },
      preHandler: staffOnly,
    },
    async (request, reply) => {
      const { publish, ...input } = request.body;
      const article = await createArticle(ctx, org(request), actorId(request), input, publish);
      return reply.status(201).send(article);
    },
  );

  r.get(
    '/api/staff/kb/articles/:id',
    {
      schema: {
        tags,
        summary: 'An article with both locales, for the editor',
        params: ZIdParams,
        response: { 200: ZKbStaffArticle, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => getStaffArticle(ctx.db, org(request), request.params.id),
  );

  r.put(
    '/api/staff/kb/articles/:id',
    {
      schema: {
        tags,
        summary: 'Replace an article; `en: null` removes the English version',
        params: ZIdParams,
        body: ZKbArticleInput,
        response: { 200: ZKbStaffArticle, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => updateArticle(ctx, org(request), request.params.id, request.body),
  );

  for (const [action, status] of [
    ['publish', 'published'],
    ['unpublish', 'draft'],
  ] as const) {
    r.post(
      `/api/staff/kb/articles/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'publish' ? 'Publish an article' : 'Take an article back to draft',
          params: ZIdParams,
          response: { 200: ZKbStaffArticle, ...errors },
        },
        preHandler: staffOnly,
      },
      (request) => setArticleStatus(ctx, org(request), request.params.id, status),
    );
  }

  r.delete(
    '/api/staff/kb/articles/:id',
    {
      schema: {
        tags,
        summary: 'Delete an article with its votes and statistics',
        params: ZIdParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: staffOnly,
    },
    async (request, reply) => {
      await deleteArticle(ctx, org(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/staff/kb/preview',
    {
      schema: {
        tags,
        summary: 'Render Markdown exactly as the public page will',
        body: ZKbPreviewRequest,
        response: { 200: ZKbPreviewResponse, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => ({ html: renderMarkdown(request.body.body) }),
  );

  r.get(
    '/api/staff/kb/stats',
    {
      schema: {
        tags,
        summary: 'Views, votes, deflections and the deflection rate over 30 days',
        response: { 200: ZKbStats, ...errors },
      },
      preHandler: staffOnly,
    },
    (request) => getKbStats(ctx, org(request), new Date()),
  );
}

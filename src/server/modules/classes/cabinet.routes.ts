import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  ZBuyFromBalanceRequest,
  ZBuyFromBalanceResponse,
  ZDashboardResponse,
  ZLedgerQuery,
  ZLedgerResponse,
  ZLessonsQuery,
  ZLessonsResponse,
  ZMyStudentsResponse,
  ZStudentParams,
  ZSubscriptionOffersResponse,
  ZSubscriptionsResponse,
  ZVisitsQuery,
  ZVisitsResponse,
} from '../../../shared/contracts/cabinet.js';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { getLedger, getVisits } from './cabinet-history.service.js';
import { buyFromBalance } from './cabinet-purchase.service.js';
import {
  getLessons,
  getMyStudents,
  getSubscriptionOffers,
  getSubscriptions,
} from './cabinet.service.js';
import { dashboardJson } from './dashboard-cache.js';
import type { CabinetViewer } from './student-visibility.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 404: ZErrorResponse };

const notVisible =
  'A student the account may not see (not linked, cabinet access off, merged, another ' +
  'organization) answers 404 not_found, never 403.';

function viewerOf(request: FastifyRequest): CabinetViewer {
  // requireUser ran first; this only narrows the type.
  if (!request.user) throw new Error('requireUser missing');
  return { organizationId: request.organization.id, userId: request.user.id };
}

/**
 * The parent's / learner's cabinet (docs/classes.md): the students the account sees, a
 * student's home, schedule, visits, subscriptions, ledger, and buying from the free balance.
 */
export function cabinetRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = guards.requireUser;
  const tags = ['cabinet'];

  r.get(
    '/api/me/students',
    {
      schema: {
        tags,
        summary: 'The students this account may see, with their balance at a glance',
        response: { 200: ZMyStudentsResponse, ...errors },
      },
      preHandler,
    },
    (request) => getMyStudents(ctx.db, viewerOf(request), request.organization),
  );

  r.get(
    '/api/students/:id/dashboard',
    {
      schema: {
        tags,
        summary: 'A student’s home: upcoming lessons, ending subscriptions, payments due, balance',
        description:
          'Read in one SQL statement of index-bounded reads over running totals. Thresholds ' +
          'of «Заканчиваются абонементы» come from the organization settings (2 lessons / 7 ' +
          `days by default). ${notVisible}`,
        params: ZStudentParams,
        response: { 200: ZDashboardResponse, ...errors },
      },
      preHandler,
    },
    async (request, reply) => {
      const json = await dashboardJson(ctx, viewerOf(request), request.params.id);
      // Text already serialized through the 200 schema (dashboard-cache.ts), which Fastify
      // sends as it is; the type provider only knows the parsed shape.
      return reply
        .type('application/json; charset=utf-8')
        .send(json as unknown as z.infer<typeof ZDashboardResponse>);
    },
  );

  r.get(
    '/api/students/:id/lessons',
    {
      schema: {
        tags,
        summary: 'The student’s lessons on local days from…to (at most 42 days), for the week view',
        description: `Cancelled lessons with a reason are listed as cancelled. ${notVisible}`,
        params: ZStudentParams,
        querystring: ZLessonsQuery,
        response: { 200: ZLessonsResponse, ...errors },
      },
      preHandler,
    },
    (request) =>
      getLessons(ctx.db, viewerOf(request), request.params.id, request.organization, request.query),
  );

  r.get(
    '/api/students/:id/visits',
    {
      schema: {
        tags,
        summary: 'Visit history, newest first, with each visit’s charge explained in one sentence',
        description:
          'Filters: local days from/to (inclusive), group, attendance status; 20 per page, ' +
          `hasMore tells whether another page exists. ${notVisible}`,
        params: ZStudentParams,
        querystring: ZVisitsQuery,
        response: { 200: ZVisitsResponse, ...errors },
      },
      preHandler,
    },
    (request) =>
      getVisits(ctx.db, viewerOf(request), request.params.id, request.organization, {
        query: request.query,
        locale: request.user?.locale ?? 'ru',
      }),
  );

  r.get(
    '/api/students/:id/subscriptions',
    {
      schema: {
        tags,
        summary:
          'The student’s subscriptions (own and family-shared): lessons used/left, dates, status, paid',
        description: notVisible,
        params: ZStudentParams,
        response: { 200: ZSubscriptionsResponse, ...errors },
      },
      preHandler,
    },
    (request) =>
      getSubscriptions(ctx.db, viewerOf(request), request.params.id, request.organization),
  );

  r.get(
    '/api/students/:id/ledger',
    {
      schema: {
        tags,
        summary: 'The student’s money history, newest first, with the running balance',
        description: `20 entries per page; hasMore tells whether another page exists. ${notVisible}`,
        params: ZStudentParams,
        querystring: ZLedgerQuery,
        response: { 200: ZLedgerResponse, ...errors },
      },
      preHandler,
    },
    (request) =>
      getLedger(ctx.db, viewerOf(request), request.params.id, request.organization, request.query),
  );

  r.get(
    '/api/students/:id/subscription-offers',
    {
      schema: {
        tags,
        summary: 'Subscription types the centre sells for the student’s groups, with prices',
        description: `affordable: the free balance covers the price. ${notVisible}`,
        params: ZStudentParams,
        response: { 200: ZSubscriptionOffersResponse, ...errors },
      },
      preHandler,
    },
    (request) =>
      getSubscriptionOffers(ctx.db, viewerOf(request), request.params.id, request.organization),
  );

  r.post(
    '/api/students/:id/subscriptions/from-balance',
    {
      schema: {
        tags,
        summary:
          '«Купить абонемент с баланса»: buy an offered type with the free balance in one step',
        description:
          'Idempotent by idempotencyKey: a retry returns the same subscription. Errors: ' +
          '409 cabinet_offer_unavailable (not offered to this student), 409 ' +
          'insufficient_free_balance, 409 idempotency_key_reused. ' +
          notVisible,
        params: ZStudentParams,
        body: ZBuyFromBalanceRequest,
        response: { 200: ZBuyFromBalanceResponse, 409: ZErrorResponse, ...errors },
      },
      preHandler,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (request) =>
      buyFromBalance(
        ctx.db,
        viewerOf(request),
        request.params.id,
        request.organization,
        request.body,
      ),
  );
}

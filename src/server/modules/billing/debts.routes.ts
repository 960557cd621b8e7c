import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZDebtLessonsPage,
  ZPageQuery,
  ZUnderpaidFeesPage,
  ZUnderpaidSubscriptionsPage,
} from '../../../shared/contracts/billing-history.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { listDebtLessons, listUnderpaidFees, listUnderpaidSubscriptions } from './debts.repo.js';
import { billingErrors, billingTags, moneyStaff } from './money-routes.support.js';

/** The debts report: lessons in debt, underpaid subscriptions, underpaid enrolment fees. */
export function debtsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = moneyStaff(guards);
  const base = '/api/staff/billing/debts';

  r.get(
    `${base}/lessons`,
    {
      schema: {
        tags: billingTags,
        summary: 'Students with lessons in debt, most first',
        querystring: ZPageQuery,
        response: { 200: ZDebtLessonsPage, ...billingErrors },
      },
      preHandler: staff,
    },
    (request) => listDebtLessons(ctx.db, request.organization.id, request.query.cursor),
  );
  r.get(
    `${base}/subscriptions`,
    {
      schema: {
        tags: billingTags,
        summary: 'Open subscriptions paid less than their price',
        querystring: ZPageQuery,
        response: { 200: ZUnderpaidSubscriptionsPage, ...billingErrors },
      },
      preHandler: staff,
    },
    (request) =>
      listUnderpaidSubscriptions(ctx.db, request.organization.id, request.query.cursor, new Date()),
  );
  r.get(
    `${base}/fees`,
    {
      schema: {
        tags: billingTags,
        summary: 'One-time-fee enrolments paid less than their fee',
        querystring: ZPageQuery,
        response: { 200: ZUnderpaidFeesPage, ...billingErrors },
      },
      preHandler: staff,
    },
    (request) => listUnderpaidFees(ctx.db, request.organization.id, request.query.cursor),
  );
}

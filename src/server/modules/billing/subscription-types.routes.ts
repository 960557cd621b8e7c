import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZArchiveRequest,
  ZSubscriptionType,
  ZSubscriptionTypeInput,
  ZSubscriptionTypeList,
  ZSubscriptionTypeListQuery,
} from '../../../shared/contracts/billing.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { actorOf, billingErrors, billingTags, moneyStaff } from './money-routes.support.js';
import {
  archiveSubscriptionType,
  createSubscriptionType,
  listSubscriptionTypes,
  updateSubscriptionType,
} from './subscription-types.service.js';

/** Subscription types: the products staff sell. */
export function subscriptionTypesRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = moneyStaff(guards);
  const base = '/api/staff/billing/subscription-types';

  r.get(
    base,
    {
      schema: {
        tags: billingTags,
        summary: 'Subscription types on sale (or archived), by name',
        querystring: ZSubscriptionTypeListQuery,
        response: { 200: ZSubscriptionTypeList, ...billingErrors },
      },
      preHandler: staff,
    },
    async (request) => ({
      items: await listSubscriptionTypes(ctx.db, request.organization.id, request.query.archived),
    }),
  );
  r.post(
    base,
    {
      schema: {
        tags: billingTags,
        summary: 'Add a subscription type',
        body: ZSubscriptionTypeInput,
        response: { 201: ZSubscriptionType, ...billingErrors },
      },
      preHandler: staff,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await createSubscriptionType(
            ctx.db,
            request.organization.id,
            actorOf(request),
            request.body,
          ),
        ),
  );
  r.put(
    `${base}/:id`,
    {
      schema: {
        tags: billingTags,
        summary: 'Edit a subscription type (sold subscriptions keep their terms)',
        params: ZIdParams,
        body: ZSubscriptionTypeInput,
        response: { 200: ZSubscriptionType, ...billingErrors },
      },
      preHandler: staff,
    },
    (request) =>
      updateSubscriptionType(
        ctx.db,
        request.organization.id,
        actorOf(request),
        request.params.id,
        request.body,
      ),
  );
  r.post(
    `${base}/:id/archive`,
    {
      schema: {
        tags: billingTags,
        summary: 'Take a subscription type off sale, or back on sale',
        params: ZIdParams,
        body: ZArchiveRequest,
        response: { 200: ZSubscriptionType, ...billingErrors },
      },
      preHandler: staff,
    },
    (request) =>
      archiveSubscriptionType(
        ctx.db,
        request.organization.id,
        request.params.id,
        request.body.archived,
      ),
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCancelSaleRequest,
  ZFreezeRequest,
  ZIdempotencyHeaders,
  ZSellRequest,
  ZSubscriptionList,
  ZSubscriptionListQuery,
} from '../../../shared/contracts/billing.js';
import { ZSubscriptionResponse } from '../../../shared/contracts/billing-history.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { cancelSale } from './cancel-sale.service.js';
import { freezeSubscription } from './freeze.service.js';
import {
  actorOf,
  billingErrors,
  billingTags,
  idempotencyKeyOf,
  moneyStaff,
  runMoneyWrite,
} from './money-routes.support.js';
import { readMoneyEntry } from './money-history.repo.js';
import { sellSubscription, type SalePayment } from './sales.service.js';
import { getSoldSubscription, listSubscriptions } from './subscriptions-list.repo.js';

/** Sold subscriptions: the list, one, a sale, a freeze and a cancelled sale. */
export function salesRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = moneyStaff(guards);
  const base = '/api/staff/billing/subscriptions';

  r.get(
    base,
    {
      schema: {
        tags: billingTags,
        summary: 'Sold subscriptions, newest first, with filters',
        querystring: ZSubscriptionListQuery,
        response: { 200: ZSubscriptionList, ...billingErrors },
      },
      preHandler: staff,
    },
    (request) => listSubscriptions(ctx.db, request.organization.id, request.query, new Date()),
  );
  r.get(
    `${base}/:id`,
    {
      schema: {
        tags: billingTags,
        summary: 'One sold subscription',
        params: ZIdParams,
        response: { 200: ZSubscriptionResponse, ...billingErrors },
      },
      preHandler: staff,
    },
    async (request) => ({
      subscription: await getSoldSubscription(
        ctx.db,
        request.organization.id,
        request.params.id,
        new Date(),
      ),
    }),
  );
  r.post(
    base,
    {
      schema: {
        tags: billingTags,
        summary: 'Sell a subscription (with a discount, paid now or later); idempotent',
        description:
          'Needs an Idempotency-Key header (or `idempotencyKey`): a retry returns the first sale. ' +
          'Settles the lessons in debt it covers when the organization settles debts on sale.',
        headers: ZIdempotencyHeaders,
        body: ZSellRequest,
        response: { 201: ZSubscriptionResponse, ...billingErrors },
      },
      preHandler: staff,
    },
    async (request, reply) => {
      const organizationId = request.organization.id;
      const { body } = request;
      const idempotencyKey = idempotencyKeyOf(request, body.idempotencyKey);
      const payment: SalePayment | undefined =
        body.payment?.kind === 'money'
          ? { amountKopecks: body.payment.amountKopecks, method: body.payment.method }
          : body.payment
            ? { fromBalance: true, amountKopecks: body.payment.amountKopecks }
            : undefined;
      const sold = await runMoneyWrite(ctx, (tx) =>
        sellSubscription(tx, {
          organizationId,
          studentId: body.studentId,
          typeId: body.typeId,
          beginsOn: body.beginsOn,
          discountKopecks: body.discount?.kind === 'amount' ? body.discount.kopecks : undefined,
          discountPercent: body.discount?.kind === 'percent' ? body.discount.percent : undefined,
          payment,
          actorId: actorOf(request),
          idempotencyKey,
        }),
      );
      return reply.status(201).send({
        subscription: await getSoldSubscription(ctx.db, organizationId, sold.id, new Date()),
      });
    },
  );
  r.post(
    `${base}/:id/freeze`,
    {
      schema: {
        tags: billingTags,
        summary: 'Freeze a subscription (its end moves by the frozen days), or lift the freeze',
        params: ZIdParams,
        body: ZFreezeRequest,
        response: { 200: ZSubscriptionResponse, ...billingErrors },
      },
      preHandler: staff,
    },
    async (request) => {
      const organizationId = request.organization.id;
      await runMoneyWrite(ctx, (tx) =>
        freezeSubscription(tx, {
          organizationId,
          subscriptionId: request.params.id,
          freeze: request.body.freeze,
          actorId: actorOf(request),
        }),
      );
      return {
        subscription: await getSoldSubscription(
          ctx.db,
          organizationId,
          request.params.id,
          new Date(),
        ),
      };
    },
  );
  r.post(
    `${base}/:id/cancel`,
    {
      schema: {
        tags: billingTags,
        summary: 'Cancel a sale: its visits are re-run; its money is refunded or stays on balance',
        headers: ZIdempotencyHeaders,
        params: ZIdParams,
        body: ZCancelSaleRequest,
        response: { 200: ZSubscriptionResponse, ...billingErrors },
      },
      preHandler: staff,
    },
    async (request) => {
      const organizationId = request.organization.id;
      const idempotencyKey = idempotencyKeyOf(request, request.body.idempotencyKey);
      const result = await runMoneyWrite(ctx, (tx) =>
        cancelSale(tx, {
          organizationId,
          subscriptionId: request.params.id,
          refund: request.body.refund,
          comment: request.body.comment ?? null,
          actorId: actorOf(request),
          idempotencyKey,
        }),
      );
      return {
        subscription: await getSoldSubscription(
          ctx.db,
          organizationId,
          request.params.id,
          new Date(),
        ),
        refund: result.refund
          ? await readMoneyEntry(ctx.db, organizationId, result.refund.id)
          : null,
      };
    },
  );
}

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZCorrectionRequest,
  ZIdempotencyHeaders,
  ZPaymentRequest,
  ZRefundRequest,
} from '../../../shared/contracts/billing.js';
import {
  ZMoneyHistory,
  ZMoneyWriteResponse,
  ZPageQuery,
  ZStudentMoney,
} from '../../../shared/contracts/billing-history.js';
import { ZIdParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { correctBalance } from './corrections.service.js';
import { readMoneyEntry, readMoneyHistory } from './money-history.repo.js';
import {
  actorOf,
  billingErrors,
  billingTags,
  idempotencyKeyOf,
  moneyStaff,
  runMoneyWrite,
} from './money-routes.support.js';
import { getMoneyStudent } from './money-support.js';
import { recordPayment } from './payments.service.js';
import { refundMoney } from './refunds.service.js';
import { getStudentMoney } from './student-money.service.js';

/** A student's money: totals, history, payments, refunds and corrections. */
export function studentMoneyRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = moneyStaff(guards);
  const base = '/api/staff/billing/students/:id';
  const write = {
    tags: billingTags,
    headers: ZIdempotencyHeaders,
    params: ZIdParams,
    response: { 201: ZMoneyWriteResponse, ...billingErrors },
  };

  r.get(
    `${base}/money`,
    {
      schema: {
        tags: billingTags,
        summary: "A student's balance, free balance, subscriptions and enrolment fees",
        params: ZIdParams,
        response: { 200: ZStudentMoney, ...billingErrors },
      },
      preHandler: staff,
    },
    (request) => getStudentMoney(ctx.db, request.organization.id, request.params.id, new Date()),
  );
  r.get(
    `${base}/ledger`,
    {
      schema: {
        tags: billingTags,
        summary: "A student's money history, newest first, each entry explained",
        params: ZIdParams,
        querystring: ZPageQuery,
        response: { 200: ZMoneyHistory, ...billingErrors },
      },
      preHandler: staff,
    },
    async (request) => {
      await getMoneyStudent(ctx.db, request.organization.id, request.params.id);
      return readMoneyHistory(
        ctx.db,
        request.organization.id,
        request.params.id,
        request.query.cursor,
      );
    },
  );
  r.post(
    `${base}/payments`,
    {
      schema: {
        ...write,
        summary: 'Accept a payment for a subscription or an enrolment fee, or onto the balance',
        body: ZPaymentRequest,
      },
      preHandler: staff,
    },
    async (request, reply) => {
      const organizationId = request.organization.id;
      const idempotencyKey = idempotencyKeyOf(request, request.body.idempotencyKey);
      const entry = await runMoneyWrite(ctx, (tx) =>
        recordPayment(tx, {
          organizationId,
          studentId: request.params.id,
          amountKopecks: request.body.amountKopecks,
          method: request.body.method,
          target: request.body.target,
          comment: request.body.comment ?? null,
          actorId: actorOf(request),
          idempotencyKey,
        }),
      );
      return reply
        .status(201)
        .send({ entry: await readMoneyEntry(ctx.db, organizationId, entry.id) });
    },
  );
  r.post(
    `${base}/refunds`,
    {
      schema: {
        ...write,
        summary: "Return money from the free balance or from a subscription's unused paid part",
        body: ZRefundRequest,
      },
      preHandler: staff,
    },
    async (request, reply) => {
      const organizationId = request.organization.id;
      const { body } = request;
      const idempotencyKey = idempotencyKeyOf(request, body.idempotencyKey);
      const entry = await runMoneyWrite(ctx, (tx) =>
        refundMoney(tx, {
          organizationId,
          studentId: request.params.id,
          amountKopecks: body.amountKopecks,
          method: body.method,
          source:
            body.source.kind === 'balance'
              ? 'balance'
              : { subscriptionId: body.source.subscriptionId, close: body.source.close },
          comment: body.comment ?? null,
          actorId: actorOf(request),
          idempotencyKey,
        }),
      );
      return reply
        .status(201)
        .send({ entry: await readMoneyEntry(ctx.db, organizationId, entry.id) });
    },
  );
  r.post(
    `${base}/corrections`,
    {
      schema: {
        ...write,
        summary: 'Correct the balance (+ or −) with a mandatory comment',
        body: ZCorrectionRequest,
      },
      preHandler: staff,
    },
    async (request, reply) => {
      const organizationId = request.organization.id;
      const idempotencyKey = idempotencyKeyOf(request, request.body.idempotencyKey);
      const entry = await runMoneyWrite(ctx, (tx) =>
        correctBalance(tx, {
          organizationId,
          studentId: request.params.id,
          amountKopecks: request.body.amountKopecks,
          comment: request.body.comment,
          actorId: actorOf(request),
          idempotencyKey,
        }),
      );
      return reply
        .status(201)
        .send({ entry: await readMoneyEntry(ctx.db, organizationId, entry.id) });
    },
  );
}

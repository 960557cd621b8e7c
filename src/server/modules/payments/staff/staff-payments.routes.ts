import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZIdParams } from '../../../../shared/contracts/common.js';
import {
  ZReconciliationQuery,
  ZReconciliationReport,
  ZStaffPaymentList,
  ZStaffPaymentListQuery,
  ZStaffPaymentResponse,
  ZStaffRefundHeaders,
  ZStaffRefundRequest,
  ZStaffRefundResponse,
} from '../../../../shared/contracts/payments-staff.js';
import { AppError } from '../../../infra/app-error.js';
import type { AppContext } from '../../../infra/context.js';
import type { Guards } from '../../access/index.js';
import { receiptRoutes } from '../receipts/index.js';
import { requestRefund } from '../refunds.service.js';
import { buildReconciliationReport } from './reconciliation.service.js';
import { findRefund } from './staff-payments.repo.js';
import { getStaffPayment, listStaffPayments, presentRefund } from './staff-payments.service.js';

const tags = ['payments (staff)'];
const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  502: ZErrorResponse,
  503: ZErrorResponse,
};

/**
 * The staff side of online payments — the list and search, one payment, refunds, the
 * reconciliation report — and the printable receipts (for payers and staff).
 */
export function staffPaymentsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The same people who handle money in billing: owners, administrators, managers.
  const staff = guards.requireStaff('owner', 'admin', 'manager');
  const base = '/api/staff/payments';

  receiptRoutes(app, ctx, guards);

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Online payments, newest first: search and filters, keyset pages',
        description:
          '`q` finds a payment number (`15`, `№15`), a provider payment id, or a part of the ' +
          "payer's email or name, the buyer's email or the student's name. `from`/`to` are local " +
          "days of the organization; `before` is the previous page's `nextBefore`.",
        querystring: ZStaffPaymentListQuery,
        response: { 200: ZStaffPaymentList, ...errors },
      },
      preHandler: staff,
    },
    (request) => listStaffPayments(ctx.db, request.organization, request.query),
  );

  r.get(
    `${base}/reconciliation`,
    {
      schema: {
        tags,
        summary: 'Reconciliation report for a period of local days',
        description:
          'Counts and sums by status; succeeded-but-not-applied, applied-without-ledger-entry ' +
          'and amount mismatches (all must be empty); attempts stuck before a final status with ' +
          'their last check; refunds not yet final.',
        querystring: ZReconciliationQuery,
        response: { 200: ZReconciliationReport, ...errors },
      },
      preHandler: staff,
    },
    (request) => buildReconciliationReport(ctx.db, request.organization, request.query),
  );

  r.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: "One payment: the provider's raw details, the event timeline and refunds",
        params: ZIdParams,
        response: { 200: ZStaffPaymentResponse, ...errors },
      },
      preHandler: staff,
    },
    async (request) => ({
      payment: await getStaffPayment(ctx.db, request.organization.id, request.params.id),
    }),
  );

  r.post(
    `${base}/:id/refunds`,
    {
      schema: {
        tags,
        summary: 'Refund a payment in full or in part, with a reason; idempotent',
        description:
          'Needs an Idempotency-Key header: a retry returns the first refund. The refund goes ' +
          "through the provider that took the payment; its status follows the provider's.",
        params: ZIdParams,
        headers: ZStaffRefundHeaders,
        body: ZStaffRefundRequest,
        response: { 201: ZStaffRefundResponse, ...errors },
      },
      preHandler: staff,
    },
    async (request, reply) => {
      const organizationId = request.organization.id;
      const actorId = request.user?.id;
      if (!actorId) throw new AppError('unauthenticated');
      const refund = await requestRefund(ctx, {
        organizationId,
        paymentId: request.params.id,
        amountKopecks: request.body.amountKopecks,
        reason: request.body.reason,
        clientKey: request.headers['idempotency-key'],
        actorId,
      });
      const row = await findRefund(ctx.db, organizationId, refund.id);
      if (!row) throw new Error(`refund ${refund.id} vanished`);
      return reply.status(201).send({ refund: presentRefund(row) });
    },
  );
  // The module awaits each part in order; these routes need nothing async.
  return Promise.resolve();
}

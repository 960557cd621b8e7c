import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZCreatePaymentHeaders,
  ZCreatePaymentRequest,
  ZCreatePaymentResponse,
  ZPaymentList,
  ZPaymentListQuery,
  ZPaymentView,
  ZWebhookBody,
  ZWebhookParams,
  ZWebhookResponse,
} from '../../../shared/contracts/payments.js';
import { localeFromAcceptLanguage } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { createOnlinePayment } from './payment-create.service.js';
import { getOwnPayment } from './payment-read.service.js';
import { listPayersPayments } from './payment-view.js';
import { handleNotification } from './payment-webhook.service.js';

const tags = ['payments'];
const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  502: ZErrorResponse,
  503: ZErrorResponse,
};

/** The payer's online payments and the providers' webhooks (docs/payments.md). */
export function paymentsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/payments',
    {
      schema: {
        tags,
        summary: 'Start an online payment; the server computes the amount',
        description:
          'Needs an Idempotency-Key header: a retry returns the same payment (the provider is ' +
          'asked again with the same key if it never answered); the same key with another body ' +
          'is `idempotency_key_reused`. Signed-in only, except `course_access` with `buyer`. ' +
          'Send the person to `confirmationUrl`; they come back to `/payments/{paymentId}`. ' +
          '`payment_provider_unavailable` (503): the payment exists and is retried ' +
          'automatically; repeat the request with the same key to get its page.',
        headers: ZCreatePaymentHeaders,
        body: ZCreatePaymentRequest,
        response: { 201: ZCreatePaymentResponse, ...errors },
      },
      preHandler: guards.authenticate,
    },
    async (request, reply) => {
      const created = await createOnlinePayment(ctx, {
        organization: request.organization,
        userId: request.user?.id ?? null,
        locale:
          request.user?.locale ?? localeFromAcceptLanguage(request.headers['accept-language']),
        request: request.body,
        idempotencyKey: request.headers['idempotency-key'],
      });
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/api/payments',
    {
      schema: {
        tags,
        summary: 'The signed-in payer’s payments, newest first',
        querystring: ZPaymentListQuery,
        response: { 200: ZPaymentList, ...errors },
      },
      preHandler: guards.requireUser,
    },
    (request) => {
      if (!request.user) throw new AppError('unauthenticated');
      return listPayersPayments(
        ctx.db,
        request.organization.id,
        request.user.id,
        request.query.page,
      );
    },
  );

  r.get(
    '/api/payments/:id',
    {
      schema: {
        tags,
        summary: 'One payment of the signed-in payer (the return page polls it)',
        description:
          'While the payment is not final the provider is asked (at most every 2 s), so the ' +
          'result shows at once. `decline.code` says what to do after a decline. Another ' +
          'account’s payment answers 404.',
        params: ZIdParams,
        response: { 200: ZPaymentView, ...errors },
      },
      preHandler: guards.requireUser,
    },
    (request) => {
      if (!request.user) throw new AppError('unauthenticated');
      return getOwnPayment(ctx, {
        organizationId: request.organization.id,
        payerId: request.user.id,
        attemptId: request.params.id,
      });
    },
  );

  r.post(
    '/api/payments/webhooks/:provider',
    {
      schema: {
        tags,
        summary: 'A payment provider’s notification (no authentication)',
        description:
          'Only a hint: accepted from the provider’s addresses only (else 403, logged), then ' +
          'the payment or refund it names is re-fetched from the provider’s API and only what ' +
          'the API says is applied, once. Unknown objects answer 200 so the provider stops ' +
          'retrying; 503 when the provider’s API is unreachable (the provider retries).',
        params: ZWebhookParams,
        body: ZWebhookBody,
        response: { 200: ZWebhookResponse, ...errors },
      },
      // Providers notify from a few addresses; the allow-list, not a rate limit, guards it.
      config: { rateLimit: false },
    },
    async (request) => {
      await handleNotification(ctx, {
        providerName: request.params.provider,
        body: request.body,
        sourceIp: request.ip,
      });
      return { ok: true };
    },
  );
  // The module awaits each part in order; these routes need nothing async.
  return Promise.resolve();
}

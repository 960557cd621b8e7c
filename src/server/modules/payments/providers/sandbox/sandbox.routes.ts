import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../../infra/context.js';
import { answerSbp, confirm3ds, payWithCard } from './sandbox.checkout.js';
import { cardFormBody } from './sandbox.pages.js';
import {
  backToPage,
  loadPage,
  localeOf,
  pagePath,
  renderPayment,
  sendNotFound,
  sendPage,
} from './sandbox.page-reply.js';
import { PAGE_TEXTS } from './sandbox.texts.js';

/**
 * The sandbox's hosted payment page (what YooKassa's confirmation_url shows): server-rendered
 * HTML and plain same-origin form posts (the security plugin's CSRF check lets only our own
 * pages post), then a redirect back to the page (post/redirect/get). It exists only while the
 * sandbox takes payments (`PAYMENT_PROVIDER=sandbox`, the default); otherwise every path is 404.
 */

const ZDelivery = z.enum(['normal', 'duplicate', 'out_of_order', 'none']);
const ZParams = z.object({ id: z.string().max(100) });
const ZLocaleQuery = z.object({ lang: z.enum(['ru', 'en']).optional() });
const ZPageQuery = ZLocaleQuery.extend({
  /** Preselects the notification delivery on the form (tests and demos link to it). */
  delivery: ZDelivery.optional(),
});
const field = z.string().max(100).default('');
const ZCardForm = ZLocaleQuery.extend({
  number: field,
  expiry: field,
  cvc: field,
  holder: field,
  delivery: ZDelivery.optional(),
});
const ZCodeForm = ZLocaleQuery.extend({ code: field });
const ZSbpForm = ZLocaleQuery.extend({
  answer: z.enum(['pay', 'refuse']),
  delivery: ZDelivery.optional(),
});
const htmlPage = z.string().describe('An HTML page');
const tags = ['payments-sandbox'];

function registerSandboxPages(scope: FastifyInstance, ctx: AppContext) {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    },
  );
  scope.addHook('onRequest', (request, reply, done) => {
    if (ctx.config.payments.provider === 'sandbox') {
      done();
      return;
    }
    void sendNotFound(reply, request, localeOf(request, undefined));
  });
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const config = { tenantless: true };

  r.get(
    '/sandbox/pay/:id',
    {
      schema: {
        tags,
        summary: 'Sandbox payment page (card form, 3-D Secure, СБП QR or the result)',
        params: ZParams,
        querystring: ZPageQuery,
        response: { 200: htmlPage, 404: htmlPage },
      },
      config,
    },
    async (request, reply) => {
      const locale = localeOf(request, request.query.lang);
      const page = await loadPage(ctx, request.params.id, locale);
      if (!page) return sendNotFound(reply, request, locale);
      return renderPayment(ctx, reply, page, request.query.delivery ?? page.payment.delivery);
    },
  );

  r.post(
    '/sandbox/pay/:id/card',
    {
      schema: {
        tags,
        summary: 'Pays a sandbox payment with a test card (form post)',
        params: ZParams,
        body: ZCardForm,
        response: { 303: z.null(), 404: htmlPage, 422: htmlPage },
      },
      config,
    },
    async (request, reply) => {
      const { lang, delivery, ...input } = request.body;
      const locale = localeOf(request, lang);
      if (!(await loadPage(ctx, request.params.id, locale))) {
        return sendNotFound(reply, request, locale);
      }
      const result = await payWithCard(ctx, request.params.id, input, {
        ...(delivery ? { delivery } : {}),
      });
      if (result.ok) return backToPage(reply, request.params.id, locale);
      const page = await loadPage(ctx, request.params.id, locale);
      if (!page) return sendNotFound(reply, request, locale);
      return sendPage(reply, 422, locale, {
        title: PAGE_TEXTS[locale].cardHeading,
        path: pagePath(page.payment),
        body: cardFormBody(page, {
          values: input,
          errors: result.errors,
          delivery: delivery ?? page.payment.delivery,
        }),
      });
    },
  );

  r.post(
    '/sandbox/pay/:id/3ds',
    {
      schema: {
        tags,
        summary: 'Answers the 3-D Secure step of a sandbox card payment (form post)',
        params: ZParams,
        body: ZCodeForm,
        response: { 303: z.null(), 404: htmlPage },
      },
      config,
    },
    async (request, reply) => {
      const locale = localeOf(request, request.body.lang);
      if (!(await loadPage(ctx, request.params.id, locale))) {
        return sendNotFound(reply, request, locale);
      }
      await confirm3ds(ctx, request.params.id, request.body.code);
      return backToPage(reply, request.params.id, locale);
    },
  );

  r.post(
    '/sandbox/pay/:id/sbp',
    {
      schema: {
        tags,
        summary: 'Answers a sandbox СБП payment as the bank app would: pay or refuse (form post)',
        params: ZParams,
        body: ZSbpForm,
        response: { 303: z.null(), 404: htmlPage },
      },
      config,
    },
    async (request, reply) => {
      const { lang, answer, delivery } = request.body;
      const locale = localeOf(request, lang);
      if (!(await loadPage(ctx, request.params.id, locale))) {
        return sendNotFound(reply, request, locale);
      }
      await answerSbp(ctx, request.params.id, answer, { ...(delivery ? { delivery } : {}) });
      return backToPage(reply, request.params.id, locale);
    },
  );
}

/** Registers the sandbox's payment page (a 404 for every path unless the sandbox is on). */
export async function sandboxRoutes(app: FastifyInstance, ctx: AppContext) {
  // Encapsulated, so the form parser and the 404 switch apply to these pages only.
  await app.register((scope, _options, done) => {
    registerSandboxPages(scope, ctx);
    done();
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZIdParams, ZLocale } from '../../../../shared/contracts/common.js';
import type { Locale } from '../../../../shared/errors.js';
import { AppError } from '../../../infra/app-error.js';
import type { AppContext } from '../../../infra/context.js';
import type { Guards } from '../../access/index.js';
import { renderReceiptHtml } from './receipt-html.js';
import { renderReceiptPdf } from './receipt-pdf.js';
import { getReceipt } from './receipts.service.js';

const ZReceiptQuery = z.object({
  /** The receipt's language; the reader's own by default. */
  lang: ZLocale.optional(),
});

const errors = { 401: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** The path of a payment's printable receipt, for links in emails, the history and the console. */
export const receiptPath = (paymentId: string, format: 'html' | 'pdf') =>
  `/api/payments/${paymentId}/receipt.${format}`;

type ReceiptRequest = FastifyRequest<{
  Params: z.infer<typeof ZIdParams>;
  Querystring: z.infer<typeof ZReceiptQuery>;
}>;

/** The printable receipt per payment, for its payer and for staff who handle money. */
export function receiptRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const load = async (request: ReceiptRequest) => {
    const user = request.user;
    if (!user) throw new AppError('unauthenticated');
    const receipt = await getReceipt(ctx.db, request.organization.id, user, request.params.id);
    const locale: Locale = request.query.lang ?? user.locale;
    return { receipt, locale };
  };
  // Receipts carry personal data: never cached by a shared cache or kept by the browser.
  const send = (reply: FastifyReply, type: string, disposition: string, body: Buffer) =>
    reply
      .header('content-type', type)
      .header('content-disposition', disposition)
      .header('cache-control', 'private, no-store')
      // A Buffer bypasses the serializer; the 200 schema only documents the body.
      .send(body);

  r.get(
    '/api/payments/:id/receipt.html',
    {
      schema: {
        tags: ['payments'],
        summary: 'The printable receipt of a succeeded payment (HTML page)',
        description:
          'For the payer (own payments only; others answer 404) and staff who handle money. ' +
          'Not a fiscal receipt: the 54-FZ receipt comes from the payment provider.',
        params: ZIdParams,
        querystring: ZReceiptQuery,
        response: { 200: z.string().meta({ format: 'html' }), ...errors },
      },
      preHandler: guards.requireUser,
    },
    async (request, reply) => {
      const { receipt, locale } = await load(request);
      return send(
        reply,
        'text/html; charset=utf-8',
        `inline; filename="receipt-${String(receipt.number)}.html"`,
        Buffer.from(renderReceiptHtml(receipt, locale)),
      );
    },
  );

  r.get(
    '/api/payments/:id/receipt.pdf',
    {
      schema: {
        tags: ['payments'],
        summary: 'The printable receipt of a succeeded payment (PDF)',
        description: 'The same receipt as the HTML page, as an A4 PDF download.',
        params: ZIdParams,
        querystring: ZReceiptQuery,
        response: { 200: z.string().meta({ format: 'binary' }), ...errors },
      },
      preHandler: guards.requireUser,
    },
    async (request, reply) => {
      const { receipt, locale } = await load(request);
      return send(
        reply,
        'application/pdf',
        `attachment; filename="receipt-${String(receipt.number)}.pdf"`,
        await renderReceiptPdf(receipt, locale),
      );
    },
  );
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { AppContext } from '../../../../infra/context.js';
import { findOrganizationById } from '../../../orgs/index.js';
import type { SandboxDelivery } from './sandbox.checkout.js';
import { renderLayout, type Html } from './sandbox.layout.js';
import {
  cardFormBody,
  notFoundBody,
  resultBody,
  sbpBody,
  threeDsBody,
  type PageContext,
} from './sandbox.pages.js';
import { PAGE_TEXTS, pickLocale, type PageLocale } from './sandbox.texts.js';
import { currentSandboxPayment } from './sandbox.transitions.js';
import { SandboxApiError, sandboxPageUrl, type SandboxPaymentRow } from './sandbox.wire.js';

/** How the sandbox's routes answer with pages (sandbox.routes.ts). */

/** `?lang=` or the form's `lang`, else Accept-Language, else Russian. */
export function localeOf(request: FastifyRequest, lang: string | undefined): PageLocale {
  return pickLocale(lang, request.headers['accept-language']);
}

/** Answers with a whole page (no caching: it shows a payment's live state). */
export function sendPage(
  reply: FastifyReply,
  status: number,
  locale: PageLocale,
  { title, path, body }: { title: string; path: string; body: Html },
) {
  const other = locale === 'ru' ? 'en' : 'ru';
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderLayout({ locale, title, otherLanguageHref: `${path}?lang=${other}`, body }));
}

/** The 404 page, for ids the sandbox never issued and for every path while it is off. */
export function sendNotFound(reply: FastifyReply, request: FastifyRequest, locale: PageLocale) {
  const path = request.url.split('?')[0] ?? '/';
  return sendPage(reply, 404, locale, {
    title: PAGE_TEXTS[locale].notFoundTitle,
    path,
    body: notFoundBody(locale),
  });
}

/** Loads the payment for a page; null (answered 404) for ids the sandbox never issued. */
export async function loadPage(ctx: AppContext, id: string, locale: PageLocale) {
  try {
    const payment = await currentSandboxPayment(ctx, id);
    const organization = await findOrganizationById(ctx.db, payment.organizationId);
    return { payment, locale, merchant: organization?.name ?? '—' } satisfies PageContext;
  } catch (error) {
    if (error instanceof SandboxApiError && error.code === 'not_found') return null;
    throw error;
  }
}

export const pagePath = (payment: SandboxPaymentRow) => `/sandbox/pay/${payment.id}`;
/** Post/redirect/get: after a form post, back to the payment's page (in the same language). */
export const backToPage = (reply: FastifyReply, id: string, locale: PageLocale) =>
  reply.redirect(`/sandbox/pay/${encodeURIComponent(id)}?lang=${locale}`, 303);

/** The page a payment needs now: its result, the 3-D Secure step, the СБП QR or the card form. */
export async function renderPayment(
  ctx: AppContext,
  reply: FastifyReply,
  page: PageContext,
  delivery: SandboxDelivery,
) {
  const { payment, locale } = page;
  const t = PAGE_TEXTS[locale];
  const path = pagePath(payment);
  if (payment.status !== 'pending') {
    const title =
      payment.status === 'canceled'
        ? t.resultCanceled
        : payment.status === 'waiting_for_capture'
          ? t.resultAuthorised
          : t.resultSucceeded;
    return sendPage(reply, 200, locale, { title, path, body: resultBody(page) });
  }
  if (payment.confirmationStep === '3ds') {
    return sendPage(reply, 200, locale, { title: t.threeDsHeading, path, body: threeDsBody(page) });
  }
  if (payment.method === 'sbp') {
    // The QR code carries this page's address: scanned with a phone, it opens the same page.
    const svg = await QRCode.toString(sandboxPageUrl(ctx.config.publicUrl, payment.id), {
      type: 'svg',
      margin: 1,
    });
    const qr = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    return sendPage(reply, 200, locale, {
      title: t.sbpHeading,
      path,
      body: sbpBody(page, qr, delivery),
    });
  }
  return sendPage(reply, 200, locale, {
    title: t.cardHeading,
    path,
    body: cardFormBody(page, { delivery }),
  });
}

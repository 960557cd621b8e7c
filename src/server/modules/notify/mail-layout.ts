import type { Locale } from '../../../shared/errors.js';

/** What every template produces. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Wraps paragraphs (and an optional button) in a plain, client-safe HTML layout. */
export function layout(
  locale: Locale,
  paragraphs: string[],
  action?: { label: string; url: string },
): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join('');
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1864ab;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>`
    : '';
  const footer =
    locale === 'ru'
      ? 'Это письмо отправлено автоматически, отвечать на него не нужно.'
      : 'This message was sent automatically; there is no need to reply.';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;color:#212529;line-height:1.5;max-width:560px;margin:0 auto;padding:24px">${body}${button}<p style="color:#495057;font-size:13px;margin-top:32px">${footer}</p></body></html>`;
}

export function plainText(paragraphs: string[], action?: { label: string; url: string }) {
  return [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : [])].join('\n\n') + '\n';
}

/** Every email Kabinet sends, in Russian and English, each as HTML and plain text. */

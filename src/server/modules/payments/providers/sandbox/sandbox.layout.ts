import { PAGE_TEXTS, type PageLocale } from './sandbox.texts.js';

/**
 * The frame of the sandbox's pages: plain server-rendered HTML that works without JavaScript
 * (the app's CSP allows no inline scripts, and a payment page needs none). Styles are inline,
 * which the CSP allows; every colour pair passes WCAG AA contrast.
 */

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A template tag whose interpolations are escaped unless wrapped in `raw()`. */
export interface Html {
  readonly html: string;
}
export const raw = (html: string): Html => ({ html });
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    for (const part of parts) {
      if (part === null || part === undefined || part === false) continue;
      out +=
        typeof part === 'object' && 'html' in part ? (part as Html).html : escapeHtml(String(part));
    }
    out += strings[index + 1] ?? '';
  });
  return { html: out };
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1a1a1a; background: #f3f4f6; }
.banner { background: #fde68a; color: #1a1a1a; border-bottom: 2px solid #b45309; padding: 12px 16px; }
.banner strong { display: block; font-size: 1.05rem; }
.banner p { margin: 2px 0 0; font-size: .9rem; }
.top { display: flex; justify-content: flex-end; padding: 8px 16px 0; max-width: 560px; margin: 0 auto; }
main { max-width: 560px; margin: 0 auto; padding: 8px 16px 40px; }
.card { background: #fff; border: 1px solid #d1d5db; border-radius: 12px; padding: 20px; margin-top: 12px; }
h1 { font-size: 1.4rem; margin: 0 0 12px; } h2 { font-size: 1.15rem; margin: 0 0 12px; }
dl.summary { display: grid; grid-template-columns: auto 1fr; gap: 4px 16px; margin: 0; }
dl.summary dt { color: #4b5563; } dl.summary dd { margin: 0; font-weight: 600; }
.amount { font-size: 1.6rem; }
label { display: block; font-weight: 600; margin: 14px 0 4px; }
input, select { width: 100%; font: inherit; padding: 10px 12px; border: 1px solid #6b7280;
  border-radius: 8px; background: #fff; color: #1a1a1a; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.hint { color: #4b5563; font-size: .9rem; margin: 4px 0 0; }
.error { color: #b91c1c; font-size: .95rem; margin: 4px 0 0; }
input[aria-invalid="true"] { border-color: #b91c1c; border-width: 2px; }
.alert { background: #fee2e2; color: #7f1d1d; border-radius: 8px; padding: 10px 12px; margin: 0 0 8px; }
button, .button { display: inline-block; width: 100%; margin-top: 18px; padding: 12px 16px; font: inherit;
  font-weight: 600; border-radius: 8px; border: 2px solid #1d4ed8; background: #1d4ed8; color: #fff;
  text-align: center; text-decoration: none; cursor: pointer; }
button.secondary, .button.secondary { background: #fff; color: #1d4ed8; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
a { color: #1d4ed8; }
details { margin-top: 16px; } summary { cursor: pointer; font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin-top: 8px; font-size: .95rem; }
th, td { text-align: left; padding: 6px 4px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
.number { font-family: ui-monospace, monospace; white-space: nowrap; }
.qr { display: block; width: 220px; height: 220px; margin: 12px auto; }
.status-ok { color: #166534; } .status-fail { color: #b91c1c; }
@media (max-width: 420px) { .row { grid-template-columns: 1fr; } .card { padding: 16px; } }
`;

export interface LayoutOptions {
  locale: PageLocale;
  title: string;
  /** The same page in the other language (a plain link; the page keeps no state in it). */
  otherLanguageHref: string;
  body: Html;
}

/** A whole page: the test-mode banner, the language switch and the content. */
export function renderLayout({ locale, title, otherLanguageHref, body }: LayoutOptions): string {
  const t = PAGE_TEXTS[locale];
  const other: PageLocale = locale === 'ru' ? 'en' : 'ru';
  return (
    '<!doctype html>' +
    html`<html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <link rel="icon" href="data:," />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} — ${t.htmlTitle}</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <div class="banner" role="note">
          <strong>${t.banner}</strong>
          <p>${t.bannerNote}</p>
        </div>
        <div class="top">
          <a href="${otherLanguageHref}" lang="${other}" hreflang="${other}">${t.switchLanguage}</a>
        </div>
        <main>${body}</main>
      </body>
    </html>`.html
  );
}

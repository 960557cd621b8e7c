import type { Locale } from '../../../../shared/errors.js';
import { escapeHtml } from '../../notify/mail-layout.js';
import { RECEIPT_TEXT, receiptRows, refundRows, type ReceiptView } from './receipt-format.js';

// Inline styles only: the page is standalone (no SPA assets), and the app's CSP allows inline
// styles but no scripts, so printing is the browser's own (Ctrl+P); @media print drops colour.
const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;color:#212529;max-width:720px;margin:32px auto;padding:0 24px;line-height:1.45}
h1{font-size:22px;margin:0 0 4px}
.org{color:#495057;margin:0 0 24px}
table{width:100%;border-collapse:collapse;margin:0 0 24px}
th,td{text-align:left;vertical-align:top;padding:8px 6px;border-bottom:1px solid #dee2e6}
th{width:40%;font-weight:normal;color:#495057}
.total td{font-weight:bold}
h2{font-size:16px;margin:24px 0 8px}
.note{font-size:13px;color:#495057;border-left:3px solid #adb5bd;padding:4px 12px}
@media print{body{margin:0;max-width:none}.note{border-color:#000}}
`;

const rowsHtml = (rows: Array<[string, string]>, boldLast = false) =>
  rows
    .map(
      ([label, value], index) =>
        `<tr${boldLast && index === rows.length - 1 ? ' class="total"' : ''}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');

/** The print-friendly receipt page of one succeeded payment (ru/en), a complete HTML document. */
export function renderReceiptHtml(receipt: ReceiptView, locale: Locale): string {
  const t = RECEIPT_TEXT[locale];
  const refunds = refundRows(receipt, locale);
  const contacts = [receipt.organization.supportEmail, receipt.organization.supportPhone]
    .filter(Boolean)
    .join(', ');
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(t.title(receipt.number))}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(t.title(receipt.number))}</h1>`,
    `<p class="org">${escapeHtml(receipt.organization.name)}</p>`,
    `<table>${rowsHtml(receiptRows(receipt, locale), true)}</table>`,
    refunds.length > 0
      ? `<h2>${escapeHtml(t.refunds)}</h2><table>${rowsHtml(refunds, true)}</table>`
      : '',
    `<p class="note">${escapeHtml(t.notFiscal)}</p>`,
    `<p class="note">${escapeHtml(t.timeZone(receipt.organization.timezone))}</p>`,
    contacts ? `<p>${escapeHtml(`${t.contacts}: ${contacts}`)}</p>` : '',
    '</body></html>',
  ].join('');
}

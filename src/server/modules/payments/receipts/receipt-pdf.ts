import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locale } from '../../../../shared/errors.js';
import { RECEIPT_TEXT, receiptRows, refundRows, type ReceiptView } from './receipt-format.js';

// pdfkit's built-in fonts have no Cyrillic; DejaVu ships TTFs that do. Resolved through the
// package, so it works from src (tsx) and from a build alike.
const fontDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const REGULAR = path.join(fontDir, 'DejaVuSans.ttf');
const BOLD = path.join(fontDir, 'DejaVuSans-Bold.ttf');

const LABEL_WIDTH = 190;
const GAP = 12;

/** Draws label/value rows as a two-column table; the last row in bold when `boldLast`. */
function drawRows(doc: PDFKit.PDFDocument, rows: Array<[string, string]>, boldLast: boolean) {
  const left = doc.page.margins.left;
  const valueWidth = doc.page.width - left - doc.page.margins.right - LABEL_WIDTH - GAP;
  rows.forEach(([label, value], index) => {
    const bold = boldLast && index === rows.length - 1;
    doc.font('regular').fontSize(10);
    const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH });
    doc.font(bold ? 'bold' : 'regular').fontSize(11);
    const valueHeight = doc.heightOfString(value, { width: valueWidth });
    const height = Math.max(labelHeight, valueHeight);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    doc.font('regular').fontSize(10).fillColor('#495057');
    doc.text(label, left, top, { width: LABEL_WIDTH });
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(11)
      .fillColor('#000000');
    doc.text(value, left + LABEL_WIDTH + GAP, top, { width: valueWidth });
    const bottom = top + height + 6;
    doc
      .moveTo(left, bottom - 3)
      .lineTo(doc.page.width - doc.page.margins.right, bottom - 3)
      .lineWidth(0.5)
      .strokeColor('#ced4da')
      .stroke();
    doc.x = left;
    doc.y = bottom;
  });
}

/** The printable receipt of one succeeded payment as a PDF (A4, ru/en, Cyrillic-safe). */
export function renderReceiptPdf(receipt: ReceiptView, locale: Locale): Promise<Buffer> {
  const t = RECEIPT_TEXT[locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: t.title(receipt.number), Author: receipt.organization.name },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(18).text(t.title(receipt.number));
  doc.font('regular').fontSize(11).fillColor('#495057').text(receipt.organization.name);
  doc.fillColor('#000000').moveDown(1.2);
  drawRows(doc, receiptRows(receipt, locale), true);
  const refunds = refundRows(receipt, locale);
  if (refunds.length > 0) {
    doc.moveDown(0.8).font('bold').fontSize(13).text(t.refunds).moveDown(0.4);
    drawRows(doc, refunds, true);
  }
  doc.moveDown(1).font('regular').fontSize(9).fillColor('#495057');
  doc.text(t.notFiscal).moveDown(0.4);
  doc.text(t.timeZone(receipt.organization.timezone));
  const contacts = [receipt.organization.supportEmail, receipt.organization.supportPhone]
    .filter(Boolean)
    .join(', ');
  if (contacts) doc.moveDown(0.4).text(`${t.contacts}: ${contacts}`);
  doc.end();
  return done;
}

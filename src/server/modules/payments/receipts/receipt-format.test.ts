import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../../shared/money.js';
import { formatDateTime, paidWithText, refundRows, type ReceiptView } from './receipt-format.js';
import { renderReceiptHtml } from './receipt-html.js';

const receipt: ReceiptView = {
  id: '00000000-0000-4000-8000-000000000015',
  number: 15,
  organization: {
    name: 'Рога & Копыта <b>',
    timezone: 'Asia/Yekaterinburg',
    supportEmail: null,
    supportPhone: '+7 900 000-00-00',
  },
  purpose: 'debt',
  description: '<script>alert(1)</script>',
  amountKopecks: 150_050,
  method: 'card',
  paidWith: 'Карта *1234',
  provider: 'sandbox',
  providerPaymentId: null,
  paidAt: new Date('2026-11-20T19:30:00Z'),
  payerName: null,
  payerEmail: null,
  payerLocale: null,
  studentName: null,
  refunds: [
    { amountKopecks: 50_000, at: new Date('2026-11-21T05:00:00Z') },
    { amountKopecks: 50, at: new Date('2026-11-21T06:00:00Z') },
  ],
};

describe('receipt formatting', () => {
  it('shows date and time in the organization time zone, past midnight included', () => {
    expect(formatDateTime(receipt.paidAt, 'ru', 'Asia/Yekaterinburg')).toBe(
      '21 ноября 2026 г., 00:30',
    );
    expect(formatDateTime(receipt.paidAt, 'en', 'Europe/Moscow')).toBe('20 November 2026, 22:30');
  });

  it('names the card by its last digits in the reader’s language, and СБП', () => {
    expect(paidWithText(receipt, 'ru')).toBe('Банковская карта *1234');
    expect(paidWithText(receipt, 'en')).toBe('Bank card *1234');
    expect(paidWithText({ method: 'card', paidWith: null }, 'ru')).toBe('Банковская карта');
    expect(paidWithText({ method: 'sbp', paidWith: 'СБП' }, 'en')).toBe(
      'SBP (Faster Payments System)',
    );
  });

  it('totals refunds and what stays paid', () => {
    expect(refundRows(receipt, 'ru').slice(-2)).toEqual([
      ['Возвращено всего', formatMoney(50_050)],
      ['Итого оплачено с учётом возвратов', formatMoney(100_000)],
    ]);
    expect(refundRows({ ...receipt, refunds: [] }, 'ru')).toEqual([]);
  });

  it('escapes what people typed and leaves out rows it has nothing for', () => {
    const html = renderReceiptHtml(receipt, 'ru');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Рога &#38; Копыта &#60;b&#62;');
    expect(html).not.toContain('Плательщик');
    expect(html).not.toContain('Идентификатор платежа');
    expect(html).toContain('Вопросы по оплате: +7 900 000-00-00');
  });
});

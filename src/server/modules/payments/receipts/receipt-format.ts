import type { Locale } from '../../../../shared/errors.js';
import { formatMoney } from '../../../../shared/money.js';
import type { PaymentPurpose } from '../../../../shared/contracts/payments.js';

/** What a receipt (email, HTML page, PDF) says about one succeeded payment. */
export interface ReceiptView {
  id: string;
  number: number;
  organization: {
    name: string;
    timezone: string;
    supportEmail: string | null;
    supportPhone: string | null;
  };
  purpose: PaymentPurpose;
  description: string;
  amountKopecks: number;
  method: 'card' | 'sbp';
  /** As the provider said it («Карта *4444», «СБП»); null when it said nothing. */
  paidWith: string | null;
  provider: string;
  providerPaymentId: string | null;
  /** When the payment became final (succeeded). */
  paidAt: Date;
  payerName: string | null;
  /** Where the receipt email goes: the payer's email, else the 54-FZ receipt contact. */
  payerEmail: string | null;
  payerLocale: Locale | null;
  studentName: string | null;
  /** Refunds that succeeded, oldest first. */
  refunds: Array<{ amountKopecks: number; at: Date }>;
}

/** «22 ноября 2026 г., 14:05» / «22 November 2026, 14:05» in the organization's time zone. */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  const tag = locale === 'ru' ? 'ru-RU' : 'en-GB';
  // Date and time apart: ICU versions join them differently («в», «at»), receipts must not.
  const date = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(instant);
  const time = new Intl.DateTimeFormat(tag, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(instant);
  return `${date}, ${time}`;
}

/** «Карта *4444» / «Card *4444», «СБП» / «SBP (Faster Payments System)». */
export function paidWithText(
  receipt: Pick<ReceiptView, 'method' | 'paidWith'>,
  locale: Locale,
): string {
  if (receipt.method === 'sbp') {
    return locale === 'ru' ? 'СБП (Система быстрых платежей)' : 'SBP (Faster Payments System)';
  }
  // The provider's text carries the last four digits; the label is ours, in the reader's language.
  const last4 = /\*\s?(\d{4})/.exec(receipt.paidWith ?? '')?.[1];
  const card = locale === 'ru' ? 'Банковская карта' : 'Bank card';
  return last4 ? `${card} *${last4}` : card;
}

const PURPOSE_LABELS: Record<PaymentPurpose, { ru: string; en: string }> = {
  subscription_purchase: { ru: 'Покупка абонемента', en: 'Subscription purchase' },
  subscription_remaining: { ru: 'Доплата за абонемент', en: 'Subscription balance due' },
  debt: { ru: 'Оплата занятий в долг', en: 'Lessons in debt' },
  course_fee: { ru: 'Оплата курса', en: 'Course fee' },
  balance_top_up: { ru: 'Пополнение баланса', en: 'Balance top-up' },
  course_access: { ru: 'Доступ к онлайн-курсу', en: 'Online course access' },
};

/** The kind of payment in the reader's language. */
export const purposeLabel = (purpose: PaymentPurpose, locale: Locale) =>
  PURPOSE_LABELS[purpose][locale];

/** The amount as people read it (`1 000 ₽`). */
export const money = (kopecks: number, locale: Locale) => formatMoney(kopecks, locale);

/** Every fixed text of the printable receipt, per language. */
export const RECEIPT_TEXT = {
  ru: {
    title: (n: number) => `Квитанция об оплате №${String(n)}`,
    organization: 'Получатель',
    number: 'Номер платежа',
    paidAt: 'Дата и время оплаты',
    purpose: 'Вид платежа',
    description: 'За что',
    student: 'Ученик',
    payer: 'Плательщик',
    method: 'Способ оплаты',
    amount: 'Сумма',
    providerId: 'Идентификатор платежа',
    refunds: 'Возвраты',
    refund: (when: string) => `Возврат ${when}`,
    refunded: 'Возвращено всего',
    net: 'Итого оплачено с учётом возвратов',
    notFiscal:
      'Этот документ подтверждает оплату в личном кабинете и не является кассовым чеком. Кассовый чек по 54-ФЗ формирует и присылает платёжный сервис.',
    contacts: 'Вопросы по оплате',
    timeZone: (zone: string) => `Время указано по часовому поясу ${zone}.`,
  },
  en: {
    title: (n: number) => `Payment receipt No. ${String(n)}`,
    organization: 'Paid to',
    number: 'Payment number',
    paidAt: 'Paid on',
    purpose: 'Payment type',
    description: 'For',
    student: 'Student',
    payer: 'Payer',
    method: 'Paid with',
    amount: 'Amount',
    providerId: 'Payment ID',
    refunds: 'Refunds',
    refund: (when: string) => `Refund on ${when}`,
    refunded: 'Refunded in total',
    net: 'Total paid after refunds',
    notFiscal:
      'This document confirms the payment in the customer portal and is not a fiscal receipt. The fiscal receipt (Russian law 54-FZ) is issued and sent by the payment service.',
    contacts: 'Questions about the payment',
    timeZone: (zone: string) => `Times are in the ${zone} time zone.`,
  },
} as const;

/** The label/value rows both printable forms show, in order. */
export function receiptRows(receipt: ReceiptView, locale: Locale): Array<[string, string]> {
  const t = RECEIPT_TEXT[locale];
  const rows: Array<[string, string | null]> = [
    [t.organization, receipt.organization.name],
    [t.number, String(receipt.number)],
    [t.paidAt, formatDateTime(receipt.paidAt, locale, receipt.organization.timezone)],
    [t.purpose, purposeLabel(receipt.purpose, locale)],
    [t.description, receipt.description],
    [t.student, receipt.studentName],
    [t.payer, [receipt.payerName, receipt.payerEmail].filter(Boolean).join(', ') || null],
    [t.method, paidWithText(receipt, locale)],
    [t.providerId, receipt.providerPaymentId],
    [t.amount, money(receipt.amountKopecks, locale)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null && row[1] !== '');
}

/** The refund rows and totals, or nothing when there were no refunds. */
export function refundRows(receipt: ReceiptView, locale: Locale): Array<[string, string]> {
  if (receipt.refunds.length === 0) return [];
  const t = RECEIPT_TEXT[locale];
  const refunded = receipt.refunds.reduce((sum, refund) => sum + refund.amountKopecks, 0);
  return [
    ...receipt.refunds.map((refund): [string, string] => [
      t.refund(formatDateTime(refund.at, locale, receipt.organization.timezone)),
      money(-refund.amountKopecks, locale),
    ]),
    [t.refunded, money(refunded, locale)],
    [t.net, money(receipt.amountKopecks - refunded, locale)],
  ];
}

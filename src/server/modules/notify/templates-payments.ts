import type { Locale } from '../../../shared/errors.js';
import { layout, plainText, type RenderedMail } from './mail-layout.js';

/** Payment emails: the receipt, a course's access email after payment. */
export const PAYMENT_MAIL_TEMPLATES = {
  /**
   * After an online payment succeeded (payments/receipts/receipt-mail.ts). Every value comes
   * formatted for the locale and the organization's time zone.
   */
  payment_receipt(
    data: {
      /** Null for a buyer whose name we do not know. */
      displayName: string | null;
      organizationName: string;
      number: number;
      paidAt: string;
      description: string;
      amount: string;
      paidWith: string;
      receiptUrl: string;
    },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Открыть квитанцию' : 'Open the receipt',
      url: data.receiptUrl,
    };
    const paragraphs =
      locale === 'ru'
        ? [
            data.displayName ? `Здравствуйте, ${data.displayName}!` : 'Здравствуйте!',
            `Оплата прошла: «${data.organizationName}» получил ваш платёж №${String(data.number)}.`,
            `За что: ${data.description}`,
            `Сумма: ${data.amount}`,
            `Когда: ${data.paidAt}`,
            `Способ оплаты: ${data.paidWith}`,
            'Квитанцию можно открыть и распечатать по ссылке ниже. Это не кассовый чек: чек по 54-ФЗ присылает платёжный сервис отдельно.',
          ]
        : [
            data.displayName ? `Hello, ${data.displayName}!` : 'Hello!',
            `Your payment went through: "${data.organizationName}" received payment No. ${String(data.number)}.`,
            `For: ${data.description}`,
            `Amount: ${data.amount}`,
            `When: ${data.paidAt}`,
            `Paid with: ${data.paidWith}`,
            'You can open and print the receipt using the link below. It is not a fiscal receipt: the payment service sends the fiscal receipt (54-FZ) separately.',
          ];
    return {
      subject:
        locale === 'ru'
          ? `Платёж №${String(data.number)} на ${data.amount} прошёл`
          : `Payment No. ${String(data.number)} of ${data.amount} received`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /**
   * A paid course extended the access of someone who can already sign in (training module).
   * New people get the access module's `invitation` instead.
   */
  course_access_extended(
    data: {
      displayName: string;
      organizationName: string;
      courseTitle: string;
      /** The new end of the access period, formatted; null: access has no end. */
      validUntil: string | null;
      cabinetUrl: string;
    },
    locale: Locale,
  ): RenderedMail {
    const action = {
      label: locale === 'ru' ? 'Открыть личный кабинет' : 'Open the portal',
      url: data.cabinetUrl,
    };
    const until =
      locale === 'ru'
        ? data.validUntil
          ? `Доступ к личному кабинету открыт до ${data.validUntil}.`
          : 'Ваш доступ к личному кабинету не ограничен по сроку.'
        : data.validUntil
          ? `Your portal access is now open until ${data.validUntil}.`
          : 'Your portal access has no end date.';
    const paragraphs =
      locale === 'ru'
        ? [
            `Здравствуйте, ${data.displayName}!`,
            `Спасибо за оплату курса «${data.courseTitle}» в «${data.organizationName}».`,
            until,
            'Входите с прежним логином и паролем.',
          ]
        : [
            `Hello, ${data.displayName}!`,
            `Thank you for paying for the course "${data.courseTitle}" at "${data.organizationName}".`,
            until,
            'Sign in with your usual login and password.',
          ];
    return {
      subject:
        locale === 'ru'
          ? `Доступ к курсу «${data.courseTitle}» продлён`
          : `Your access to "${data.courseTitle}" is extended`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },
} as const;

import type { CardFieldError } from './sandbox.checkout.js';
import type { CardOutcome, SandboxCancellationReason } from './sandbox.cards.js';

/** The payment page's words, Russian first; the page picks by `?lang=` or Accept-Language. */

export type PageLocale = 'ru' | 'en';

const ru = {
  htmlTitle: 'Тестовая оплата',
  banner: 'Тестовый режим — деньги не списываются',
  bannerNote: 'Это песочница платёжной системы Кабинета. Настоящие карты здесь не принимаются.',
  switchLanguage: 'English',
  merchant: 'Магазин',
  purpose: 'Назначение',
  amount: 'К оплате',
  cardHeading: 'Оплата картой',
  cardNumber: 'Номер карты',
  expiry: 'Срок действия (ММ/ГГ)',
  cvc: 'CVC / CVV',
  holder: 'Имя владельца (необязательно)',
  pay: 'Оплатить',
  settingsSummary: 'Настройки песочницы',
  deliveryLabel: 'Доставка уведомлений',
  deliveryHint: 'Как песочница сообщит серверу о результате — для проверки устойчивости.',
  delivery: {
    normal: 'Обычная',
    duplicate: 'С повторами (каждое уведомление ×3)',
    out_of_order: 'Не по порядку (устаревшее уведомление придёт позже)',
    none: 'Без уведомлений (только опрос)',
  },
  testCardsHeading: 'Тестовые карты',
  testCardsNote: 'Срок действия — любая будущая дата, CVC — любые три цифры.',
  cardColumn: 'Номер',
  outcomeColumn: 'Результат',
  outcome: (outcome: CardOutcome) =>
    outcome.kind === 'success'
      ? 'Оплата проходит'
      : outcome.kind === '3ds'
        ? `Запрос кода 3-D Secure (верный код — 12345)`
        : `Отказ: ${reasons[outcome.reason]}`,
  fieldErrors: {
    number_invalid: 'Проверьте номер карты: в нём ошибка.',
    number_not_test: 'Это не тестовая карта. Используйте одну из карт из списка ниже.',
    expiry_invalid: 'Укажите срок действия в виде ММ/ГГ, например 12/30.',
    cvc_invalid: 'CVC — три цифры с обратной стороны карты.',
    holder_invalid: 'Имя владельца — латинскими буквами, как на карте.',
  } satisfies Record<CardFieldError, string>,
  formHasErrors: 'Форма заполнена с ошибками — исправьте отмеченные поля.',
  threeDsHeading: 'Подтверждение платежа (3-D Secure)',
  threeDsText: (last4: string) => `Банк отправил код подтверждения для карты *${last4}.`,
  threeDsHint: 'Введите код 12345. Любой другой код отклонит платёж.',
  threeDsCode: 'Код из СМС',
  confirm: 'Подтвердить',
  sbpHeading: 'Оплата через СБП',
  sbpText:
    'Отсканируйте QR-код камерой телефона или в приложении банка. В песочнице ответ банка можно выбрать кнопками ниже.',
  qrAlt: 'QR-код для оплаты через СБП',
  sbpPay: 'Оплатить в приложении банка (тест)',
  sbpRefuse: 'Отказаться',
  leaveUnpaid: 'Вернуться в магазин без оплаты',
  resultSucceeded: 'Оплата прошла',
  resultSucceededText: 'Деньги (тестовые) списаны. Магазин получит уведомление.',
  resultAuthorised: 'Оплата подтверждена',
  resultAuthorisedText:
    'Сумма заблокирована на карте и будет списана, когда магазин подтвердит заказ.',
  resultCanceled: 'Платёж отклонён',
  reasonCode: 'Код причины',
  paidWith: 'Способ оплаты',
  backToShop: 'Вернуться в магазин',
  notFoundTitle: 'Платёж не найден',
  notFoundText:
    'Ссылка устарела или набрана с ошибкой. Вернитесь в магазин и начните оплату заново.',
};

type Texts = typeof ru;

const reasons: Record<SandboxCancellationReason, string> = {
  insufficient_funds: 'недостаточно средств на карте',
  payment_method_limit_exceeded: 'превышен лимит по карте',
  payment_method_restricted: 'банк запретил оплату этой картой в интернете',
  card_expired: 'истёк срок действия карты',
  '3d_secure_failed': 'не пройдена проверка 3-D Secure',
  fraud_suspected: 'платёж заблокирован антифрод-системой',
  general_decline: 'банк отклонил платёж',
  expired_on_confirmation: 'время на оплату истекло',
  canceled_by_merchant: 'магазин отменил платёж',
};

const reasonsEn: Record<SandboxCancellationReason, string> = {
  insufficient_funds: 'insufficient funds on the card',
  payment_method_limit_exceeded: 'the card limit is exceeded',
  payment_method_restricted: 'the bank blocked online payments with this card',
  card_expired: 'the card has expired',
  '3d_secure_failed': '3-D Secure check failed',
  fraud_suspected: 'blocked by the anti-fraud system',
  general_decline: 'the bank declined the payment',
  expired_on_confirmation: 'the time to pay ran out',
  canceled_by_merchant: 'the shop canceled the payment',
};

const en: Texts = {
  htmlTitle: 'Test payment',
  banner: 'Test mode — no money is charged',
  bannerNote: "This is the Kabinet payment sandbox. Real cards aren't accepted here.",
  switchLanguage: 'Русский',
  merchant: 'Shop',
  purpose: 'For',
  amount: 'Amount',
  cardHeading: 'Pay by card',
  cardNumber: 'Card number',
  expiry: 'Expiry date (MM/YY)',
  cvc: 'CVC / CVV',
  holder: 'Cardholder name (optional)',
  pay: 'Pay',
  settingsSummary: 'Sandbox settings',
  deliveryLabel: 'Notification delivery',
  deliveryHint: 'How the sandbox tells the server the result — to test resilience.',
  delivery: {
    normal: 'Normal',
    duplicate: 'Duplicated (each notification ×3)',
    out_of_order: 'Out of order (a stale notification arrives later)',
    none: 'None (polling only)',
  },
  testCardsHeading: 'Test cards',
  testCardsNote: 'Expiry: any future date; CVC: any three digits.',
  cardColumn: 'Number',
  outcomeColumn: 'Result',
  outcome: (outcome: CardOutcome) =>
    outcome.kind === 'success'
      ? 'Payment succeeds'
      : outcome.kind === '3ds'
        ? 'Asks for a 3-D Secure code (the right one is 12345)'
        : `Declined: ${reasonsEn[outcome.reason]}`,
  fieldErrors: {
    number_invalid: 'Check the card number: it has a mistake.',
    number_not_test: 'This is not a test card. Use one of the cards listed below.',
    expiry_invalid: 'Enter the expiry date as MM/YY, e.g. 12/30.',
    cvc_invalid: 'The CVC is the three digits on the back of the card.',
    holder_invalid: 'Enter the name in Latin letters, as on the card.',
  },
  formHasErrors: 'The form has mistakes — fix the marked fields.',
  threeDsHeading: 'Payment confirmation (3-D Secure)',
  threeDsText: (last4: string) => `The bank sent a confirmation code for card *${last4}.`,
  threeDsHint: 'Enter the code 12345. Any other code declines the payment.',
  threeDsCode: 'Code from the text message',
  confirm: 'Confirm',
  sbpHeading: 'Pay by SBP',
  sbpText:
    "Scan the QR code with your phone's camera or your bank's app. In the sandbox, choose the bank's answer with the buttons below.",
  qrAlt: 'QR code to pay by SBP',
  sbpPay: 'Pay in the bank app (test)',
  sbpRefuse: 'Refuse',
  leaveUnpaid: 'Back to the shop without paying',
  resultSucceeded: 'Payment succeeded',
  resultSucceededText: 'The (test) money is charged. The shop will be notified.',
  resultAuthorised: 'Payment authorised',
  resultAuthorisedText:
    'The amount is held on the card and will be charged when the shop confirms.',
  resultCanceled: 'Payment declined',
  reasonCode: 'Reason code',
  paidWith: 'Paid with',
  backToShop: 'Back to the shop',
  notFoundTitle: 'Payment not found',
  notFoundText:
    'The link is outdated or mistyped. Go back to the shop and start the payment again.',
};

export const PAGE_TEXTS: Record<PageLocale, Texts> = { ru, en };

/** The decline's explanation in the page's language; the raw code is shown beside it. */
export function reasonText(reason: string, locale: PageLocale): string {
  const table = locale === 'ru' ? reasons : reasonsEn;
  return reason in table ? table[reason as SandboxCancellationReason] : reason;
}

/** `?lang=` wins, then the first of ru/en in Accept-Language, then Russian. */
export function pickLocale(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): PageLocale {
  if (lang === 'ru' || lang === 'en') return lang;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().slice(0, 2).toLowerCase())
    .find((code) => code === 'ru' || code === 'en');
  return preferred === 'en' ? 'en' : 'ru';
}

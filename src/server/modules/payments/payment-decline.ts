import type { DeclineCode } from '../../../shared/contracts/payments.js';
import type { Locale } from '../../../shared/errors.js';

/**
 * Provider cancellation reasons (YooKassa's `cancellation_details.reason`, which the sandbox
 * also speaks) → the guidance code the payer sees. Staff see the raw reason.
 */
const REASON_TO_CODE: Record<string, DeclineCode> = {
  insufficient_funds: 'insufficient_funds',
  payment_method_limit_exceeded: 'card_limit',
  payment_method_restricted: 'online_payments_blocked',
  call_issuer: 'online_payments_blocked',
  country_forbidden: 'online_payments_blocked',
  card_expired: 'card_expired',
  '3d_secure_failed': 'three_d_secure_failed',
  fraud_suspected: 'fraud_suspected',
  expired_on_confirmation: 'expired',
  expired_on_capture: 'expired',
  deal_expired: 'expired',
  canceled_by_payer: 'canceled_by_payer',
};

/** The guidance code for a provider's reason; unknown reasons get the general advice. */
export function declineCodeOf(reason: string | null): DeclineCode {
  return (reason && REASON_TO_CODE[reason]) || 'other';
}

const TRY_ANOTHER = {
  ru: 'Попробуйте другую карту (Visa, MasterCard, МИР) или оплатите через СБП.',
  en: 'Try another card (Visa, MasterCard, MIR) or pay by SBP.',
};

/**
 * What to do next, in both languages: the push notification and the email say it; the web page
 * has its own texts per code (i18next) with a retry button.
 */
export const DECLINE_GUIDANCE: Record<DeclineCode, Record<Locale, string>> = {
  insufficient_funds: {
    ru: `На карте недостаточно денег. ${TRY_ANOTHER.ru}`,
    en: `The card has insufficient funds. ${TRY_ANOTHER.en}`,
  },
  card_limit: {
    ru: `Превышен лимит по карте — проверьте лимиты в приложении банка. ${TRY_ANOTHER.ru}`,
    en: `The card limit is exceeded: check the limits in your bank app. ${TRY_ANOTHER.en}`,
  },
  online_payments_blocked: {
    ru: `Банк запретил оплату этой картой в интернете — попросите банк включить онлайн-платежи. ${TRY_ANOTHER.ru}`,
    en: `The bank blocked online payments with this card: ask the bank to enable them. ${TRY_ANOTHER.en}`,
  },
  card_expired: {
    ru: `Срок действия карты истёк. ${TRY_ANOTHER.ru}`,
    en: `The card has expired. ${TRY_ANOTHER.en}`,
  },
  three_d_secure_failed: {
    ru: 'Не удалось подтвердить платёж кодом из СМС. Попробуйте ещё раз или используйте другую карту.',
    en: 'The payment was not confirmed with the code from the bank. Try again or use another card.',
  },
  fraud_suspected: {
    ru: `Платёж отклонён системой безопасности. ${TRY_ANOTHER.ru}`,
    en: `The payment was declined by the security check. ${TRY_ANOTHER.en}`,
  },
  expired: {
    ru: 'Время на оплату истекло. Начните оплату заново.',
    en: 'The time to pay ran out. Please start the payment again.',
  },
  canceled_by_payer: {
    ru: 'Оплата отменена. Её можно начать заново.',
    en: 'The payment was cancelled. You can start it again.',
  },
  other: {
    ru: `Банк отклонил платёж. ${TRY_ANOTHER.ru}`,
    en: `The bank declined the payment. ${TRY_ANOTHER.en}`,
  },
};

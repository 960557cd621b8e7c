/** Error codes of the billing part (see errors.ts for the conventions: when each is thrown). */
export const BILLING_ERRORS = {
  /** Selling a subscription type that staff archived. */
  subscription_type_archived: {
    status: 409,
    ru: 'Этот вид абонемента в архиве, его нельзя продать.',
    en: 'This subscription type is archived and cannot be sold.',
  },
  /** A subscription type that covers no groups and no courses, and not all groups either. */
  subscription_type_scope_empty: {
    status: 400,
    ru: 'Укажите, какие группы или курсы покрывает абонемент, или отметьте «все группы».',
    en: 'Choose the groups or courses the subscription covers, or mark it as covering all groups.',
  },
  /** A sale's discount is larger than the price, or both a discount and a price were given. */
  discount_invalid: {
    status: 400,
    ru: 'Скидка не может быть больше цены абонемента.',
    en: 'The discount cannot be larger than the price.',
  },
  /** A payment for a subscription or an enrolment fee is more than is left to pay for it. */
  payment_exceeds_due: {
    status: 409,
    ru: 'Сумма больше, чем осталось оплатить. Остаток можно внести на баланс.',
    en: 'The amount is more than is left to pay. Put the rest on the balance instead.',
  },
  /** A sale or payment from the balance, or a refund, asks for more than the free balance. */
  insufficient_free_balance: {
    status: 409,
    ru: 'На балансе недостаточно свободных денег.',
    en: 'There is not enough free money on the balance.',
  },
  /** A refund larger than the money received, or than a subscription's unused paid part. */
  refund_exceeds_paid: {
    status: 409,
    ru: 'Нельзя вернуть больше, чем было оплачено и не израсходовано.',
    en: 'You cannot refund more than was paid and not used.',
  },
  /** The same Idempotency-Key was sent with a different request. */
  idempotency_key_reused: {
    status: 409,
    ru: 'Этот ключ повтора уже использован для другой операции. Обновите страницу.',
    en: 'This retry key was already used for another operation. Reload the page.',
  },
  /** A money write without an Idempotency-Key header or `idempotencyKey` in the body. */
  idempotency_key_required: {
    status: 400,
    ru: 'Не удалось безопасно провести операцию: обновите страницу и повторите.',
    en: 'The operation cannot be made safely: reload the page and try again.',
  },
  /** Paying, freezing or cancelling a subscription that has already ended or was cancelled. */
  subscription_ended: {
    status: 409,
    ru: 'Абонемент уже закончился или отменён.',
    en: 'The subscription has already ended or was cancelled.',
  },
  /** A freeze that ends before it begins, or begins outside the subscription's dates. */
  freeze_invalid: {
    status: 400,
    ru: 'Заморозка должна начинаться в сроки абонемента и заканчиваться не раньше начала.',
    en: 'A freeze must begin within the subscription dates and end no earlier than it begins.',
  },
  /** A fee payment or fee charge for an enrolment in a group that is paid per lesson. */
  enrollment_has_no_fee: {
    status: 409,
    ru: 'Это зачисление не в группу с разовой оплатой курса.',
    en: 'This enrolment is not in a group paid by a one-time fee.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;

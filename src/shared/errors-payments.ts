/** Error codes of the payments part (see errors.ts for the conventions: when each is thrown). */
export const PAYMENTS_ERRORS = {
  /** The payment provider did not answer or answered with a temporary failure; retried later. */
  payment_provider_unavailable: {
    status: 503,
    ru: 'Платёжный сервис сейчас не отвечает. Мы повторим попытку сами — проверьте статус платежа через минуту.',
    en: 'The payment service is not answering right now. We will retry; check the payment status in a minute.',
  },
  /** The provider refused to create the payment (not a temporary failure). */
  payment_provider_refused: {
    status: 502,
    ru: 'Платёжный сервис отклонил платёж. Попробуйте позже или выберите другой способ оплаты.',
    en: 'The payment service refused the payment. Try later or choose another way to pay.',
  },
  /** A purpose that needs `targetId` (or `studentId`) came without it. */
  payment_target_required: {
    status: 400,
    ru: 'Не указано, что оплачивается.',
    en: 'It is not said what is being paid for.',
  },
  /** `subscription_purchase` without `studentId`. */
  payment_student_required: {
    status: 400,
    ru: 'Выберите ученика, для которого покупается абонемент.',
    en: 'Choose the student the subscription is for.',
  },
  /** `balance_top_up` without `amountKopecks`, or an amount outside the allowed range. */
  payment_amount_invalid: {
    status: 400,
    ru: 'Укажите сумму пополнения от 100 ₽ до 500 000 ₽.',
    en: 'Enter a top-up amount from 100 to 500,000 roubles.',
  },
  /** The subscription type is not among the ones the cabinet offers this student. */
  payment_offer_unavailable: {
    status: 409,
    ru: 'Этот абонемент нельзя купить онлайн для этого ученика.',
    en: 'This subscription cannot be bought online for this student.',
  },
  /** The subscription or course fee is already paid in full, or was cancelled. */
  payment_nothing_due: {
    status: 409,
    ru: 'Здесь уже нечего оплачивать.',
    en: 'There is nothing left to pay here.',
  },
  /** `debt` for a student without lessons in debt. */
  payment_no_debt: {
    status: 409,
    ru: 'Долга за занятия нет.',
    en: 'There are no lessons in debt.',
  },
  /** Lessons in debt are in groups without a per-lesson price: staff must settle them. */
  payment_debt_unpriced: {
    status: 409,
    ru: 'Долг нельзя оплатить онлайн: у группы не указана цена занятия. Обратитесь к администратору.',
    en: 'The debt cannot be paid online: the group has no lesson price. Please contact the administrator.',
  },
  /** `course_access` while the training portal cannot sell the offer online. */
  payment_course_access_unavailable: {
    status: 409,
    ru: 'Доступ к этому курсу сейчас нельзя оплатить онлайн.',
    en: 'Access to this course cannot be paid online right now.',
  },
  /** An anonymous payment that is not `course_access`, or `course_access` without `buyer`. */
  payment_buyer_required: {
    status: 400,
    ru: 'Войдите в личный кабинет или укажите имя и email покупателя.',
    en: 'Sign in, or enter the name and email of the buyer.',
  },
  /** A refund of a payment that has not succeeded. */
  payment_not_refundable: {
    status: 409,
    ru: 'Вернуть можно только успешный платёж.',
    en: 'Only a successful payment can be refunded.',
  },
  /** A refund larger than what is left of the payment after earlier refunds. */
  refund_exceeds_payment: {
    status: 409,
    ru: 'Сумма возврата больше, чем осталось от платежа.',
    en: 'The refund is larger than what is left of the payment.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;

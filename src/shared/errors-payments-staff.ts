/** Error codes of receipts, the staff payments console and course offers (see errors.ts). */
export const PAYMENTS_STAFF_ERRORS = {
  /** A receipt (HTML or PDF) was asked for a payment that has not succeeded. */
  payment_receipt_unavailable: {
    status: 409,
    ru: 'Квитанция будет доступна после успешной оплаты.',
    en: 'The receipt is available once the payment has succeeded.',
  },
  /** Staff tried to delete a course offer that payments already name; switch it off instead. */
  course_offer_has_payments: {
    status: 409,
    ru: 'Этот курс уже оплачивали, его нельзя удалить. Снимите его с продажи.',
    en: 'This course has payments and cannot be deleted. Take it off sale instead.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;

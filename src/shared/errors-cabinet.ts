/** Error codes of the cabinet part (see errors.ts for the conventions: when each is thrown). */
export const CABINET_ERRORS = {
  /**
   * Buying from the balance a subscription type the cabinet does not offer this student: it is
   * archived, belongs to no group the student attends now, or does not exist.
   */
  cabinet_offer_unavailable: {
    status: 409,
    ru: 'Этот абонемент сейчас нельзя купить для этого ученика. Обновите страницу и выберите из предложенных.',
    en: 'This subscription cannot be bought for this student now. Reload the page and choose one of those offered.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;

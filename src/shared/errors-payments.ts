/** Error codes of the payments part (see errors.ts for the conventions: when each is thrown). */
export const PAYMENTS_ERRORS = {} as const satisfies Record<string, { status: number; ru: string; en: string }>;

/** Error codes of the billing part (see errors.ts for the conventions: when each is thrown). */
export const BILLING_ERRORS = {} as const satisfies Record<
  string,
  { status: number; ru: string; en: string }
>;

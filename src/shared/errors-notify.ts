/** Error codes of the notify part (see errors.ts for the conventions: when each is thrown). */
export const NOTIFY_ERRORS = {} as const satisfies Record<string, { status: number; ru: string; en: string }>;

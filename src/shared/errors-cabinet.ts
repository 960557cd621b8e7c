/** Error codes of the cabinet part (see errors.ts for the conventions: when each is thrown). */
export const CABINET_ERRORS = {} as const satisfies Record<
  string,
  { status: number; ru: string; en: string }
>;

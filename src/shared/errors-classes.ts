/** Error codes of the classes part (see errors.ts for the conventions: when each is thrown). */
export const CLASSES_ERRORS = {} as const satisfies Record<
  string,
  { status: number; ru: string; en: string }
>;

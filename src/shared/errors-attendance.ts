/** Error codes of the attendance part (see errors.ts for the conventions: when each is thrown). */
export const ATTENDANCE_ERRORS = {} as const satisfies Record<
  string,
  { status: number; ru: string; en: string }
>;

/** Error codes of the attendance part (see errors.ts for the conventions: when each is thrown). */
export const ATTENDANCE_ERRORS = {
  /** Marking attendance of a lesson that was cancelled (by staff or for a holiday). */
  attendance_lesson_cancelled: {
    status: 409,
    ru: 'Занятие отменено: посещаемость по нему не отмечается.',
    en: 'The lesson was cancelled: attendance cannot be marked for it.',
  },
  /** A mark names a student who is not in this organization or was merged into another card. */
  attendance_student_invalid: {
    status: 409,
    ru: 'Ученик не найден: возможно, карточку объединили с другой. Обновите страницу.',
    en: 'Student not found: the card may have been merged into another. Reload the page.',
  },
  /** A make-up names a visit that is not a missed lesson of the same student. */
  makeup_visit_invalid: {
    status: 409,
    ru: 'Отработка должна ссылаться на пропущенное занятие этого же ученика.',
    en: 'A make-up must refer to a lesson the same student missed.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;

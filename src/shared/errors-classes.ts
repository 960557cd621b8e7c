/** Error codes of the classes part (see errors.ts for the conventions: when each is thrown). */
export const CLASSES_ERRORS = {
  /** Merging a student into itself, or into a student that was merged away. */
  merge_invalid: {
    status: 409,
    ru: 'Нельзя объединить ученика с самим собой или с уже объединённой карточкой.',
    en: 'A student cannot be merged with itself or with a card that was already merged.',
  },
  /** Linking an account by email when the organization has no account with that email. */
  account_not_found: {
    status: 404,
    ru: 'Аккаунта с таким email нет. Откройте доступ, чтобы пригласить человека.',
    en: 'There is no account with this email. Open access to invite the person.',
  },
  /** Linking a teacher to a staff account whose role is not `teacher` (or to a customer). */
  teacher_account_invalid: {
    status: 409,
    ru: 'Преподавателя можно связать только с сотрудником в роли «Преподаватель».',
    en: 'A teacher can only be linked to a staff account with the Teacher role.',
  },
  /** The staff account is already linked to another teacher. */
  teacher_account_taken: {
    status: 409,
    ru: 'Этот сотрудник уже связан с другим преподавателем.',
    en: 'This staff account is already linked to another teacher.',
  },
  /** A room, teacher, course or branch referenced by the request is archived or not in this organization. */
  reference_invalid: {
    status: 409,
    ru: 'Выбранный филиал, кабинет, преподаватель или курс недоступен.',
    en: 'The chosen branch, room, teacher or course is not available.',
  },
  /** A room that belongs to another branch than the group's. */
  room_branch_mismatch: {
    status: 409,
    ru: 'Кабинет относится к другому филиалу.',
    en: 'The room belongs to another branch.',
  },
  /** A date range ends before it begins (enrolment, group). */
  dates_invalid: {
    status: 400,
    ru: 'Дата окончания раньше даты начала.',
    en: 'The end date is before the start date.',
  },
  /** Enrolling a student into a group over dates where an enrolment already exists. */
  already_enrolled: {
    status: 409,
    ru: 'Ученик уже записан в эту группу на эти даты.',
    en: 'The student is already enrolled in this group for these dates.',
  },
  /** Changing the payment mode of a group that has enrolments (their fees or visits would lie). */
  payment_mode_locked: {
    status: 409,
    ru: 'В группе уже есть ученики: способ оплаты менять нельзя.',
    en: 'The group has enrolments: its payment mode cannot change.',
  },
  /** A lesson is in a state the action does not fit (restore a scheduled lesson, move a cancelled one). */
  lesson_state_invalid: {
    status: 409,
    ru: 'С занятием в этом состоянии так сделать нельзя.',
    en: 'This cannot be done to the lesson in its current state.',
  },
  /** A client-generated id that is already used by another kind of record or organization. */
  id_conflict: {
    status: 409,
    ru: 'Этот идентификатор уже занят.',
    en: 'This identifier is already taken.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;

/**
 * Stable error codes. Clients may rely on `code`; `message` is localized.
 * Each entry says when it is thrown.
 */
export const ERRORS = {
  /** Request body, query or params failed schema validation. */
  validation_failed: {
    status: 400,
    ru: 'Проверьте введённые данные.',
    en: 'Please check the data you entered.',
  },
  /** The request needs a signed-in person and there is none (or the session expired). */
  unauthenticated: { status: 401, ru: 'Войдите в личный кабинет.', en: 'Please sign in.' },
  /** Email or password is wrong — deliberately the same for an unknown email. */
  invalid_credentials: {
    status: 401,
    ru: 'Неверный логин или пароль.',
    en: 'Wrong login or password.',
  },
  /** The signed-in person lacks the staff role the action needs. */
  forbidden: { status: 403, ru: 'Недостаточно прав.', en: 'You do not have access to this.' },
  /** A cookie-authenticated write came from another site (CSRF defence). */
  cross_site_request: {
    status: 403,
    ru: 'Запрос отклонён: он отправлен с другого сайта.',
    en: 'Request refused: it came from another site.',
  },
  /** The resource does not exist in this organization. */
  not_found: { status: 404, ru: 'Не найдено.', en: 'Not found.' },
  /** No API route matches the method and path. */
  route_not_found: { status: 404, ru: 'Такого адреса нет.', en: 'No such address.' },
  /** A one-time link was already used, expired or never existed. */
  link_invalid: {
    status: 410,
    ru: 'Ссылка недействительна: она устарела или уже использована.',
    en: 'This link is no longer valid: it expired or was already used.',
  },
  /** An email is already used by another account in this organization. */
  email_taken: {
    status: 409,
    ru: 'Этот email уже используется.',
    en: 'This email is already in use.',
  },
  /** The body is larger than the server accepts. */
  payload_too_large: {
    status: 413,
    ru: 'Слишком большой запрос.',
    en: 'The request is too large.',
  },
  /** The body is not valid JSON or has an unsupported content type. */
  malformed_request: {
    status: 400,
    ru: 'Запрос повреждён или в неподдерживаемом формате.',
    en: 'The request is malformed or in an unsupported format.',
  },
  /** Too many requests from this client in the rate-limit window. */
  rate_limited: {
    status: 429,
    ru: 'Слишком много запросов. Подождите немного и повторите.',
    en: 'Too many requests. Please wait a moment and try again.',
  },
  /** Sign-in with the right password, but the account is blocked; `details.reasons` says why. */
  account_blocked: {
    status: 403,
    ru: 'Вход в личный кабинет закрыт.',
    en: 'Access to your account is closed.',
  },
  /** The account already has as many sessions as allowed; `details.sessions` lists them. */
  session_limit_reached: {
    status: 409,
    ru: 'Вы уже вошли на другом устройстве. Чтобы войти здесь, выйдите на других устройствах.',
    en: 'You are signed in on another device. To sign in here, sign out of the other devices.',
  },
  /** Too many failed sign-ins for this login; `Retry-After` says when to try again. */
  too_many_attempts: {
    status: 429,
    ru: 'Слишком много неудачных попыток входа. Попробуйте позже или восстановите пароль.',
    en: 'Too many failed sign-in attempts. Try again later or reset your password.',
  },
  /** This session was ended because the person signed in elsewhere with a session limit. */
  signed_out_elsewhere: {
    status: 401,
    ru: 'Вы вошли в личный кабинет на другом устройстве, поэтому здесь сеанс завершён.',
    en: 'You signed in on another device, so this session was ended.',
  },
  /** This session was ended by a password change, a block or staff. */
  session_ended: {
    status: 401,
    ru: 'Сеанс завершён. Войдите снова.',
    en: 'Your session has ended. Please sign in again.',
  },
  /** A new password breaks the policy; `details.problems` lists the rules it breaks. */
  password_rejected: {
    status: 400,
    ru: 'Этот пароль не подходит.',
    en: 'This password cannot be used.',
  },
  /** The current password given to confirm a sensitive change is wrong. */
  invalid_current_password: {
    status: 403,
    ru: 'Текущий пароль указан неверно.',
    en: 'The current password is wrong.',
  },
  /** The request needs a solved captcha (after repeated failures, public forms). */
  captcha_required: {
    status: 400,
    ru: 'Подтвердите, что вы не робот.',
    en: 'Please confirm you are not a robot.',
  },
  /** The captcha solution is wrong, expired or already used. */
  captcha_invalid: {
    status: 400,
    ru: 'Проверка «не робот» не пройдена или устарела. Пройдите её ещё раз.',
    en: 'The robot check failed or expired. Please try it again.',
  },
  /** An SMS code is wrong. */
  code_invalid: { status: 400, ru: 'Неверный код.', en: 'Wrong code.' },
  /** An SMS code expired, was used, or had too many wrong tries. */
  code_expired: {
    status: 410,
    ru: 'Код больше не действует. Запросите новый.',
    en: 'This code is no longer valid. Please request a new one.',
  },
  /** A phone number is already used by another account in this organization. */
  phone_taken: {
    status: 409,
    ru: 'Этот номер телефона уже используется.',
    en: 'This phone number is already in use.',
  },
  /** A personal code given by staff is already used by another account in this organization. */
  personal_code_taken: {
    status: 409,
    ru: 'Этот личный код уже выдан другому человеку.',
    en: 'This personal code is already given to someone else.',
  },
  /** Staff tried to open access for an account that already has it and a password; `details.accountId`. */
  access_already_open: {
    status: 409,
    ru: 'У этого человека уже есть доступ к личному кабинету. Измените срок доступа в его карточке.',
    en: 'This person already has access. Change the access period on their account page.',
  },
  /** Self-registration is switched off for this organization. */
  registration_closed: {
    status: 403,
    ru: 'Регистрация закрыта: доступ открывает организация.',
    en: 'Registration is closed: the organization opens access.',
  },
  /** An uploaded file is larger than allowed; `details.maxBytes`. */
  file_too_large: {
    status: 413,
    ru: 'Файл слишком большой.',
    en: 'The file is too large.',
  },
  /** An uploaded file's content is not an allowed type; `details.allowed`. */
  file_type_not_allowed: {
    status: 415,
    ru: 'Такой тип файла не принимается.',
    en: 'This file type is not accepted.',
  },
  /** More files than allowed in one request; `details.maxFiles`. */
  too_many_files: {
    status: 413,
    ru: 'Слишком много файлов.',
    en: 'Too many files.',
  },
  /** The action does not fit the resource's current state (e.g. deciding a decided request). */
  invalid_state: {
    status: 409,
    ru: 'Это действие сейчас недоступно.',
    en: 'This action is not available now.',
  },
  /** The job name given to the staff console or CLI is not registered. */
  unknown_job: { status: 404, ru: 'Нет такого задания.', en: 'No such job.' },
  /** Anything unexpected; details are in the server log under the request id. */
  internal_error: {
    status: 500,
    ru: 'Что-то пошло не так. Мы уже разбираемся; попробуйте позже.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  /** The database or job queue is not reachable (readiness probe, overload). */
  service_unavailable: {
    status: 503,
    ru: 'Сервис временно недоступен.',
    en: 'The service is temporarily unavailable.',
  },
} as const satisfies Record<string, { status: number; ru: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Picks ru or en from an Accept-Language header; Russian unless English is preferred. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'ru';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('en')) return 'en';
  }
  return 'ru';
}

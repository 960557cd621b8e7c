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
    ru: 'Неверный email или пароль.',
    en: 'Wrong email or password.',
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

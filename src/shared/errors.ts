import { ATTENDANCE_ERRORS } from './errors-attendance.js';
import { BILLING_ERRORS } from './errors-billing.js';
import { PAYMENTS_ERRORS } from './errors-payments.js';
import { PAYMENTS_STAFF_ERRORS } from './errors-payments-staff.js';
import { NOTIFY_ERRORS } from './errors-notify.js';
import { CABINET_ERRORS } from './errors-cabinet.js';
import { CLASSES_ERRORS } from './errors-classes.js';

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
  // --- Help desk: tickets (customer side) ---
  /** Reopen asked for a ticket closed longer ago than its department's window: write a new message instead. */
  ticket_reopen_expired: {
    status: 409,
    ru: 'Срок, в который можно открыть обращение снова, прошёл. Напишите новое сообщение — мы создадим новое обращение, связанное с этим.',
    en: 'This ticket can no longer be reopened. Write a new message and we will open a new ticket linked to this one.',
  },
  /** The certificate chosen for a ticket is not the person's or not valid today. */
  ticket_certificate_invalid: {
    status: 422,
    ru: 'Этот сертификат нельзя использовать: он не ваш или не действует сегодня.',
    en: 'This certificate cannot be used: it is not yours or not valid today.',
  },
  /** An attachment id is unknown, not the sender's own upload, or already sent with a message. */
  ticket_attachment_invalid: {
    status: 422,
    ru: 'Вложение не найдено или уже отправлено. Загрузите файл ещё раз.',
    en: 'The attachment was not found or was already sent. Please upload the file again.',
  },
  /** A status change the ticket's current state does not allow (e.g. resolving a closed ticket). */
  ticket_transition_invalid: {
    status: 409,
    ru: 'Обращение сейчас в другом статусе; обновите страницу.',
    en: 'The ticket is in another status now; please reload the page.',
  },
  // --- Knowledge base ---
  /** An article or category slug already used in this organization. */
  kb_slug_taken: {
    status: 409,
    ru: 'Такой адрес (slug) уже занят. Выберите другой.',
    en: 'This address (slug) is already taken. Choose another one.',
  },
  /** Deleting a category that still has articles: move or delete them first. */
  kb_category_not_empty: {
    status: 409,
    ru: 'В разделе есть статьи. Перенесите или удалите их, затем удалите раздел.',
    en: 'The category still has articles. Move or delete them first.',
  },
  /** The article names a category that does not exist in this organization. */
  kb_category_unknown: {
    status: 422,
    ru: 'Такого раздела базы знаний нет.',
    en: 'There is no such knowledge-base category.',
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
  // --- Working-day calendar ---
  /** The time zone is not an IANA name the server knows. */
  invalid_time_zone: {
    status: 400,
    ru: 'Неизвестный часовой пояс. Укажите его как Europe/Moscow или Asia/Yekaterinburg.',
    en: 'Unknown time zone. Give it as Europe/Moscow or Asia/Yekaterinburg.',
  },
  /** The working day must end after it starts (and a shortened day must still have hours). */
  invalid_working_hours: {
    status: 400,
    ru: 'Рабочий день должен заканчиваться позже, чем начинается, и сокращённый день должен оставаться не пустым.',
    en: 'The working day must end after it starts, and a shortened day must keep some hours.',
  },
  // --- Help desk: certificates and the staff desk ---
  /** Register: no certificate with this serial, or the activation code is wrong (one answer, so serials cannot be probed). */
  certificate_not_found: {
    status: 404,
    ru: 'Сертификат не найден или код активации неверен. Проверьте серийный номер и код.',
    en: 'Certificate not found or the activation code is wrong. Check the serial number and the code.',
  },
  /** Register: the certificate's validity period is over. */
  certificate_expired: {
    status: 409,
    ru: 'Срок действия этого сертификата истёк. Обратитесь к поставщику за продлением.',
    en: 'This certificate has expired. Contact your vendor to renew it.',
  },
  /** Register: the certificate is registered to another account. */
  certificate_taken: {
    status: 409,
    ru: 'Этот сертификат уже зарегистрирован на другую учётную запись. Если это ошибка, напишите в поддержку.',
    en: 'This certificate is registered to another account. If this is a mistake, contact support.',
  },
  /** Register: too many wrong activation codes for this serial or from this account; `Retry-After`. */
  certificate_attempts_exceeded: {
    status: 429,
    ru: 'Слишком много неверных кодов активации. Попробуйте позже или напишите в поддержку.',
    en: 'Too many wrong activation codes. Try again later or contact support.',
  },
  /** Staff issue a certificate with a serial the organization already has. */
  certificate_serial_taken: {
    status: 409,
    ru: 'Сертификат с таким серийным номером уже есть.',
    en: 'A certificate with this serial number already exists.',
  },
  /** A certificate import file has no header or not the expected columns; `details.expected`. */
  certificate_import_unreadable: {
    status: 400,
    ru: 'Не удалось прочитать файл: нужна строка заголовков serial,product,level,valid_from,valid_to,activation_code,customer.',
    en: 'Cannot read the file: it needs the header serial,product,level,valid_from,valid_to,activation_code,customer.',
  },
  /** Merge of a ticket into itself, into a closed ticket, or of a ticket already merged. */
  ticket_merge_invalid: {
    status: 409,
    ru: 'Эти обращения нельзя объединить: целевое обращение закрыто или это то же самое обращение.',
    en: 'These tickets cannot be merged: the target is closed or it is the same ticket.',
  },
  /** Merge of tickets of different customers without the explicit confirmation. */
  ticket_merge_needs_confirmation: {
    status: 409,
    ru: 'Обращения от разных клиентов. Подтвердите объединение.',
    en: 'The tickets are from different customers. Confirm the merge.',
  },
  /** Assignment to someone who is not support staff of this organization. */
  ticket_assignee_invalid: {
    status: 422,
    ru: 'Назначить обращение можно только сотруднику поддержки.',
    en: 'A ticket can be assigned only to a support staff member.',
  },
  /** A department that tickets or levels use, or the general one, cannot be deleted. */
  department_in_use: {
    status: 409,
    ru: 'Этот отдел нельзя удалить: он общий или в нём есть обращения.',
    en: 'This department cannot be deleted: it is the general one or has tickets.',
  },
  /** A support level with certificates cannot be deleted. */
  support_level_in_use: {
    status: 409,
    ru: 'Этот уровень поддержки нельзя удалить: у него есть сертификаты.',
    en: 'This support level cannot be deleted: certificates use it.',
  },
  /** Another support level of the organization has this code. */
  support_level_code_taken: {
    status: 409,
    ru: 'Уровень поддержки с таким кодом уже есть.',
    en: 'A support level with this code already exists.',
  },
  /** Another ticket field of the organization has this key. */
  ticket_field_key_taken: {
    status: 409,
    ru: 'Поле с таким ключом уже есть.',
    en: 'A field with this key already exists.',
  },
  ...CLASSES_ERRORS,
  ...ATTENDANCE_ERRORS,
  ...BILLING_ERRORS,
  ...CABINET_ERRORS,
  ...PAYMENTS_ERRORS,
  ...PAYMENTS_STAFF_ERRORS,
  ...NOTIFY_ERRORS,
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

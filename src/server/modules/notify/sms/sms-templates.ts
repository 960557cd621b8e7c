import type { Locale } from '../../../../shared/errors.js';

// SMS are short and plain: one Cyrillic SMS segment holds 70 characters, so texts stay brief.

/** Every SMS Kabinet sends, in Russian and English. */
export const SMS_TEMPLATES = {
  /** A password-reset code (valid `minutes`). */
  password_reset_code(data: { code: string; minutes: number }, locale: Locale): string {
    return locale === 'ru'
      ? `Код для смены пароля: ${data.code}. Действует ${data.minutes} мин. Никому его не сообщайте.`
      : `Password reset code: ${data.code}. Valid ${data.minutes} min. Do not share it.`;
  },
  /** A code confirming a new phone number for the account. */
  phone_change_code(data: { code: string; minutes: number }, locale: Locale): string {
    return locale === 'ru'
      ? `Код подтверждения номера: ${data.code}. Действует ${data.minutes} мин.`
      : `Phone confirmation code: ${data.code}. Valid ${data.minutes} min.`;
  },
  /** A code confirming the new phone of an account-recovery request that has no new email. */
  recovery_confirm_code(data: { code: string; minutes: number }, locale: Locale): string {
    return locale === 'ru'
      ? `Код подтверждения заявки: ${data.code}. Действует ${data.minutes} мин.`
      : `Request confirmation code: ${data.code}. Valid ${data.minutes} min.`;
  },
  /** A phone-only recovery request was confirmed and went to staff. */
  recovery_received(data: { number: string }, locale: Locale): string {
    return locale === 'ru'
      ? `Заявка ${data.number} принята. Ответ придёт по SMS.`
      : `Request ${data.number} received. We will reply by SMS.`;
  },
  /** A phone-only recovery request was approved: this phone is now on the account. */
  recovery_approved(data: { number: string; forgotUrl: string }, locale: Locale): string {
    return locale === 'ru'
      ? `Заявка ${data.number} одобрена. Задайте пароль: ${data.forgotUrl} («Забыли пароль?», этот номер).`
      : `Request ${data.number} approved. Set a password: ${data.forgotUrl} ("Forgot password?", this number).`;
  },
  /** A phone-only recovery request was rejected; the status page has the whole reason. */
  recovery_rejected(data: { number: string; reason: string }, locale: Locale): string {
    // The reason can be long; an SMS carries its start, the status page all of it.
    const reason = data.reason.length > 100 ? `${data.reason.slice(0, 99)}…` : data.reason;
    return locale === 'ru'
      ? `Заявка ${data.number} отклонена: ${reason}`
      : `Request ${data.number} rejected: ${reason}`;
  },
} as const;

export type SmsTemplateName = keyof typeof SMS_TEMPLATES;
export type SmsTemplateData<Name extends SmsTemplateName> = Parameters<
  (typeof SMS_TEMPLATES)[Name]
>[0];

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
} as const;

export type SmsTemplateName = keyof typeof SMS_TEMPLATES;
export type SmsTemplateData<Name extends SmsTemplateName> = Parameters<
  (typeof SMS_TEMPLATES)[Name]
>[0];

import type { Locale } from '../../../shared/errors.js';
import { layout, plainText, type RenderedMail } from './mail-layout.js';

/** Emails of account-recovery requests, one for each status change. */
export const RECOVERY_MAIL_TEMPLATES = {
  /** Account recovery: confirm the new address (the request reaches staff only then). */
  recovery_confirm(
    data: {
      fullName: string;
      organizationName: string;
      number: string;
      confirmUrl: string;
      statusUrl: string;
      hours: number;
    },
    locale: Locale,
  ): RenderedMail {
    const ru = locale === 'ru';
    const action = {
      label: ru ? 'Подтвердить адрес' : 'Confirm the address',
      url: data.confirmUrl,
    };
    const paragraphs = ru
      ? [
          `Здравствуйте, ${data.fullName}!`,
          `Мы получили заявку ${data.number} на восстановление доступа к личному кабинету «${data.organizationName}». Подтвердите, что этот адрес ваш, — только после этого заявку увидят сотрудники.`,
          `Ссылка действует ${data.hours} ч. Статус заявки: ${data.statusUrl}`,
          'Если вы не отправляли заявку, просто удалите это письмо.',
        ]
      : [
          `Hello, ${data.fullName}!`,
          `We received request ${data.number} to restore access to the "${data.organizationName}" portal. Confirm this address is yours; only then will staff see the request.`,
          `The link works for ${data.hours} hours. Request status: ${data.statusUrl}`,
          'If you did not send this request, simply delete this email.',
        ];
    return {
      subject: ru ? `Подтвердите заявку ${data.number}` : `Confirm request ${data.number}`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** Account recovery: the address is confirmed and the request is in the staff queue. */
  recovery_received(
    data: { fullName: string; organizationName: string; number: string },
    locale: Locale,
  ): RenderedMail {
    const ru = locale === 'ru';
    const paragraphs = ru
      ? [
          `Здравствуйте, ${data.fullName}!`,
          `Адрес подтверждён, заявка ${data.number} передана сотрудникам «${data.organizationName}». Мы напишем, когда по ней будет решение.`,
          'Статус заявки можно проверить по ссылке из первого письма.',
        ]
      : [
          `Hello, ${data.fullName}!`,
          `Your address is confirmed and request ${data.number} has gone to the "${data.organizationName}" staff. We will email you when it is decided.`,
          'You can check the status with the link in the first email.',
        ];
    return {
      subject: ru ? `Заявка ${data.number} принята` : `Request ${data.number} received`,
      text: plainText(paragraphs),
      html: layout(locale, paragraphs),
    };
  },

  /** Account recovery approved: the account now uses this address; set a new password. */
  recovery_approved(
    data: {
      fullName: string;
      organizationName: string;
      number: string;
      resetUrl: string;
      minutes: number;
    },
    locale: Locale,
  ): RenderedMail {
    const ru = locale === 'ru';
    const action = { label: ru ? 'Задать новый пароль' : 'Set a new password', url: data.resetUrl };
    const paragraphs = ru
      ? [
          `Здравствуйте, ${data.fullName}!`,
          `Заявка ${data.number} одобрена: ваша учётная запись в личном кабинете «${data.organizationName}» теперь привязана к этому адресу.`,
          `Задайте новый пароль по ссылке. Она одноразовая и действует ${data.minutes} мин; если не успеете, воспользуйтесь «Забыли пароль?» на странице входа.`,
        ]
      : [
          `Hello, ${data.fullName}!`,
          `Request ${data.number} is approved: your "${data.organizationName}" portal account now uses this address.`,
          `Set a new password with the link. It works once, for ${data.minutes} minutes; if it runs out, use "Forgot password?" on the sign-in page.`,
        ];
    return {
      subject: ru ? `Доступ восстановлен (${data.number})` : `Access restored (${data.number})`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },

  /** Account recovery rejected, with the reason staff gave. */
  recovery_rejected(
    data: { fullName: string; organizationName: string; number: string; reason: string },
    locale: Locale,
  ): RenderedMail {
    const ru = locale === 'ru';
    const paragraphs = ru
      ? [
          `Здравствуйте, ${data.fullName}!`,
          `Заявка ${data.number} на восстановление доступа к личному кабинету «${data.organizationName}» отклонена.`,
          `Причина: ${data.reason}`,
          'Вы можете отправить новую заявку или связаться с организацией.',
        ]
      : [
          `Hello, ${data.fullName}!`,
          `Request ${data.number} to restore access to the "${data.organizationName}" portal was rejected.`,
          `Reason: ${data.reason}`,
          'You can send a new request or contact the organization.',
        ];
    return {
      subject: ru ? `Заявка ${data.number} отклонена` : `Request ${data.number} rejected`,
      text: plainText(paragraphs),
      html: layout(locale, paragraphs),
    };
  },
} as const;

import type { Locale } from '../../../shared/errors.js';
import { layout, plainText, type RenderedMail } from './mail-layout.js';

/** The button of a notification email, per type of notification. */
const ACTIONS: Record<string, { ru: string; en: string }> = {
  subscription_ending: { ru: 'Продлить абонемент', en: 'Renew the subscription' },
  subscription_ended: { ru: 'Продлить абонемент', en: 'Renew the subscription' },
  new_debt: { ru: 'Оплатить', en: 'Pay now' },
  payment_succeeded: { ru: 'Открыть кабинет', en: 'Open the cabinet' },
  payment_declined: { ru: 'Попробовать снова', en: 'Try again' },
  ticket_answered: { ru: 'Открыть обращение', en: 'Open the ticket' },
  access_ending: { ru: 'Открыть кабинет', en: 'Open the cabinet' },
};

/** Emails that stand in for push notifications (subscription ending, new debt…). */
export const NOTIFICATION_MAIL_TEMPLATES = {
  /**
   * A notification by email, when the person has no push subscription (or turned push off for
   * its type). Title and body arrive already written in `locale` (notify/push texts).
   */
  notification(
    data: {
      displayName: string;
      organizationName: string;
      /** The notification type (chooses the button's words). */
      type: string;
      title: string;
      body: string;
      /** Absolute link into the app. */
      url: string;
    },
    locale: Locale,
  ): RenderedMail {
    const words = ACTIONS[data.type] ?? ACTIONS.access_ending;
    const action = { label: words?.[locale] ?? data.title, url: data.url };
    const hello =
      locale === 'ru' ? `Здравствуйте, ${data.displayName}!` : `Hello, ${data.displayName}!`;
    const why =
      locale === 'ru'
        ? 'Это уведомление пришло на почту: push-уведомления на ваших устройствах не включены (или выключены для таких событий). Настроить уведомления можно в личном кабинете: «Настройки» → «Уведомления».'
        : 'This notification came by email: push notifications are not enabled on your devices (or are off for such events). Choose your notifications in the cabinet: Settings → Notifications.';
    const paragraphs = [hello, data.body, why];
    return {
      subject: `${data.title} — ${data.organizationName}`,
      text: plainText(paragraphs, action),
      html: layout(locale, paragraphs, action),
    };
  },
} as const;

import type { NotificationType } from '../../../../shared/contracts/notifications.js';
import type { Locale } from '../../../../shared/errors.js';
import { formatMoney } from '../../../../shared/money.js';

/** A text the caller already has in both languages (e.g. a decline reason from payments). */
export type LocalizedText = string | Record<Locale, string>;

/** What each notification type needs to be written; names are shown as they are. */
export interface NotificationParams {
  subscription_ending: {
    subscriptionName: string;
    studentName: string;
    /** Which threshold was reached: lessons left or days to the end. */
    reason: 'lessons' | 'days';
    lessonsLeft: number | null;
    /** Last day of the subscription, `YYYY-MM-DD`. */
    endsOn: string | null;
  };
  subscription_ended: { subscriptionName: string; studentName: string };
  new_debt: {
    studentName: string;
    /** Lessons now in debt for this student (after this one). */
    lessonsInDebt: number;
    /** Unpaid amount, when it is known. */
    debtKopecks?: number | null;
  };
  payment_succeeded: { amountKopecks: number; description: LocalizedText };
  payment_declined: {
    amountKopecks: number;
    description: LocalizedText;
    /** What to do (guidance from payments), shown as the body's second sentence. */
    guidance?: LocalizedText | null;
  };
  ticket_answered: {
    ticketNumber: number;
    ticketSubject: string;
    /** A staff reply, or the ticket was resolved/closed. */
    event: 'reply' | 'resolved';
  };
  access_ending: {
    /** Last day of the access period, `YYYY-MM-DD`. */
    endsOn: string;
  };
}

/** Payment results cannot wait for the morning: the person is looking at the payment page. */
export const URGENT_TYPES: ReadonlySet<NotificationType> = new Set([
  'payment_succeeded',
  'payment_declined',
]);

const text = (value: LocalizedText, locale: Locale) =>
  typeof value === 'string' ? value : value[locale];

/** `2026-11-29` → `29.11` (ru) or `29 Nov` (en). */
function shortDate(day: string, locale: Locale): string {
  const [, month = '1', date = '1'] = day.split('-');
  if (locale === 'ru') return `${date}.${month}`;
  const name = new Date(Date.UTC(2000, Number(month) - 1, 1)).toLocaleString('en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  return `${String(Number(date))} ${name}`;
}

/** «1 занятие», «2 занятия», «5 занятий». */
export function lessonsRu(count: number): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  const word =
    mod10 === 1 && mod100 !== 11
      ? 'занятие'
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? 'занятия'
        : 'занятий';
  return `${String(count)} ${word}`;
}

const lessonsEn = (count: number) => `${String(count)} lesson${count === 1 ? '' : 's'}`;

type Render<T extends NotificationType> = (
  params: NotificationParams[T],
  locale: Locale,
) => { title: string; body: string };

const RENDER: { [T in NotificationType]: Render<T> } = {
  subscription_ending: (p, locale) => {
    const left =
      p.reason === 'lessons' && p.lessonsLeft === 0
        ? locale === 'ru'
          ? 'занятия закончились'
          : 'no lessons left'
        : p.reason === 'lessons' && p.lessonsLeft !== null
          ? locale === 'ru'
            ? `осталось ${lessonsRu(p.lessonsLeft)}`
            : `${lessonsEn(p.lessonsLeft)} left`
          : locale === 'ru'
            ? `действует до ${shortDate(p.endsOn ?? '', locale)}`
            : `valid until ${shortDate(p.endsOn ?? '', locale)}`;
    return locale === 'ru'
      ? {
          title: 'Абонемент заканчивается',
          body: `Абонемент «${p.subscriptionName}» (${p.studentName}) заканчивается: ${left}`,
        }
      : {
          title: 'Subscription ending',
          body: `Subscription “${p.subscriptionName}” (${p.studentName}) is ending: ${left}`,
        };
  },
  subscription_ended: (p, locale) =>
    locale === 'ru'
      ? {
          title: 'Абонемент закончился',
          body: `Абонемент «${p.subscriptionName}» (${p.studentName}) закончился. Продлите его, чтобы занятия не ушли в долг.`,
        }
      : {
          title: 'Subscription ended',
          body: `Subscription “${p.subscriptionName}” (${p.studentName}) has ended. Renew it so lessons do not go into debt.`,
        },
  new_debt: (p, locale) => {
    const amount = p.debtKopecks ? ` (${formatMoney(p.debtKopecks, locale)})` : '';
    return locale === 'ru'
      ? {
          title: 'Занятие в долг',
          body: `${p.studentName}: занятий в долг — ${String(p.lessonsInDebt)}${amount}. Оплатите долг в личном кабинете.`,
        }
      : {
          title: 'Lesson in debt',
          body: `${p.studentName}: lessons in debt — ${String(p.lessonsInDebt)}${amount}. Pay the debt in your cabinet.`,
        };
  },
  payment_succeeded: (p, locale) =>
    locale === 'ru'
      ? {
          title: 'Оплата прошла',
          body: `${formatMoney(p.amountKopecks, locale)} — ${text(p.description, locale)}. Спасибо!`,
        }
      : {
          title: 'Payment received',
          body: `${formatMoney(p.amountKopecks, locale)} — ${text(p.description, locale)}. Thank you!`,
        },
  payment_declined: (p, locale) => {
    const guidance = p.guidance ? ` ${text(p.guidance, locale)}` : '';
    return locale === 'ru'
      ? {
          title: 'Оплата не прошла',
          body: `${formatMoney(p.amountKopecks, locale)} — ${text(p.description, locale)}.${guidance}`,
        }
      : {
          title: 'Payment declined',
          body: `${formatMoney(p.amountKopecks, locale)} — ${text(p.description, locale)}.${guidance}`,
        };
  },
  ticket_answered: (p, locale) =>
    locale === 'ru'
      ? {
          title:
            p.event === 'reply'
              ? `Ответ на обращение №${String(p.ticketNumber)}`
              : `Обращение №${String(p.ticketNumber)} решено`,
          body: `«${p.ticketSubject}»`,
        }
      : {
          title:
            p.event === 'reply'
              ? `Reply to ticket #${String(p.ticketNumber)}`
              : `Ticket #${String(p.ticketNumber)} resolved`,
          body: `“${p.ticketSubject}”`,
        },
  access_ending: (p, locale) =>
    locale === 'ru'
      ? {
          title: 'Доступ заканчивается',
          body: `Доступ к личному кабинету действует до ${shortDate(p.endsOn, locale)}. Продлите его, чтобы не потерять доступ к материалам.`,
        }
      : {
          title: 'Access ending',
          body: `Your access to the cabinet is valid until ${shortDate(p.endsOn, locale)}. Renew it to keep your materials.`,
        },
};

/** The title and body of a notification in the person's language. */
export function renderNotification<T extends NotificationType>(
  type: T,
  params: NotificationParams[T],
  locale: Locale,
): { title: string; body: string } {
  return (RENDER[type] as Render<T>)(params, locale);
}

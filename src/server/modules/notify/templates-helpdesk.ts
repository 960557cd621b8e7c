import type { Locale } from '../../../shared/errors.js';
import { layout, plainText, type RenderedMail } from './mail-layout.js';

/** What every help-desk email knows about the ticket. */
interface TicketMailData {
  displayName: string;
  organizationName: string;
  number: number;
  subject: string;
  /** `${PUBLIC_URL}/tickets/<number>`. */
  ticketUrl: string;
}

/** A staff message quoted in the email (the customer reads it without signing in). */
interface QuotedMessage {
  staffName: string;
  body: string;
}

const MAX_QUOTE = 4000;
const quote = (body: string) =>
  body.length > MAX_QUOTE ? `${body.slice(0, MAX_QUOTE).trimEnd()}…` : body;

const openAction = (data: TicketMailData, locale: Locale) => ({
  label: locale === 'ru' ? 'Открыть обращение' : 'Open the ticket',
  url: data.ticketUrl,
});

const hello = (data: TicketMailData, locale: Locale) =>
  locale === 'ru' ? `Здравствуйте, ${data.displayName}!` : `Hello, ${data.displayName}!`;

const subjectLine = (data: TicketMailData, locale: Locale, what: { ru: string; en: string }) =>
  locale === 'ru'
    ? `Обращение № ${data.number}: ${what.ru} — ${data.subject}`
    : `Ticket #${data.number}: ${what.en} — ${data.subject}`;

function render(
  data: TicketMailData,
  locale: Locale,
  what: { ru: string; en: string },
  paragraphs: { ru: string[]; en: string[] },
): RenderedMail {
  const body = [hello(data, locale), ...paragraphs[locale]];
  const action = openAction(data, locale);
  return {
    subject: subjectLine(data, locale, what),
    text: plainText(body, action),
    html: layout(locale, body, action),
  };
}

/** Emails of the help desk: ticket received, staff replies, every status change, reminders. */
export const HELPDESK_MAIL_TEMPLATES = {
  /** The customer filed a ticket: its number and what happens next. */
  helpdesk_ticket_received(data: TicketMailData & { priority: string }, locale: Locale) {
    return render(
      data,
      locale,
      { ru: 'получено', en: 'received' },
      {
        ru: [
          `Мы получили ваше обращение № ${data.number} «${data.subject}» в «${data.organizationName}». Приоритет: ${data.priority}.`,
          'Ответ придёт на этот адрес и появится на странице обращения.',
        ],
        en: [
          `We have received your ticket #${data.number} "${data.subject}" at "${data.organizationName}". Priority: ${data.priority}.`,
          'The answer will come to this address and appear on the ticket page.',
        ],
      },
    );
  },

  /** Staff took the ticket into work (new → open); non-essential («ход работы»). */
  helpdesk_ticket_in_progress(data: TicketMailData, locale: Locale) {
    return render(
      data,
      locale,
      { ru: 'взято в работу', en: 'in progress' },
      {
        ru: [`Специалист взял ваше обращение № ${data.number} в работу.`],
        en: [`A support specialist has started working on your ticket #${data.number}.`],
      },
    );
  },

  /** A staff reply that does not change the status; non-essential. */
  helpdesk_staff_reply(data: TicketMailData & QuotedMessage, locale: Locale) {
    return render(
      data,
      locale,
      { ru: 'новый ответ', en: 'new reply' },
      {
        ru: [`${data.staffName} ответил(а) на ваше обращение:`, quote(data.body)],
        en: [`${data.staffName} replied to your ticket:`, quote(data.body)],
      },
    );
  },

  /** Staff proposed a solution or asked for information: the ticket waits for the customer. */
  helpdesk_ticket_awaiting(
    data: TicketMailData &
      QuotedMessage & {
        reason: 'solution_proposed' | 'info_requested';
        /** When the ticket closes without an answer, formatted for the locale. */
        autoCloseOn: string;
      },
    locale: Locale,
  ) {
    const proposed = data.reason === 'solution_proposed';
    return render(
      data,
      locale,
      proposed
        ? { ru: 'предложено решение', en: 'solution proposed' }
        : { ru: 'нужна информация', en: 'information needed' },
      {
        ru: [
          proposed
            ? `${data.staffName} предложил(а) решение по вашему обращению:`
            : `${data.staffName} просит уточнить информацию по вашему обращению:`,
          quote(data.body),
          proposed
            ? `Если решение не помогло, ответьте на странице обращения. Без ответа обращение закроется ${data.autoCloseOn}.`
            : `Ответьте на странице обращения. Без ответа обращение закроется ${data.autoCloseOn}.`,
        ],
        en: [
          proposed
            ? `${data.staffName} proposed a solution to your ticket:`
            : `${data.staffName} needs more information about your ticket:`,
          quote(data.body),
          proposed
            ? `If it did not help, reply on the ticket page. Without a reply the ticket closes on ${data.autoCloseOn}.`
            : `Please reply on the ticket page. Without a reply the ticket closes on ${data.autoCloseOn}.`,
        ],
      },
    );
  },

  /** One working day into the wait: the ticket still needs the customer's answer. */
  helpdesk_ticket_reminder(data: TicketMailData & { autoCloseOn: string }, locale: Locale) {
    return render(
      data,
      locale,
      { ru: 'ждём вашего ответа', en: 'waiting for your reply' },
      {
        ru: [
          `Мы ждём вашего ответа по обращению № ${data.number} «${data.subject}».`,
          `Если ответа не будет, обращение закроется ${data.autoCloseOn}. Его можно будет открыть снова.`,
        ],
        en: [
          `We are waiting for your reply to ticket #${data.number} "${data.subject}".`,
          `Without a reply it closes on ${data.autoCloseOn}. You will be able to reopen it.`,
        ],
      },
    );
  },

  /** Staff marked the ticket resolved. */
  helpdesk_ticket_resolved(data: TicketMailData, locale: Locale) {
    return render(
      data,
      locale,
      { ru: 'решено', en: 'resolved' },
      {
        ru: [
          `Ваше обращение № ${data.number} отмечено как решённое.`,
          'Если вопрос остался, просто ответьте на странице обращения — оно откроется снова.',
        ],
        en: [
          `Your ticket #${data.number} has been marked as resolved.`,
          'If the problem remains, simply reply on the ticket page and it opens again.',
        ],
      },
    );
  },

  /** The ticket closed (by staff, by the customer, or by itself); says how to reopen it. */
  helpdesk_ticket_closed(
    data: TicketMailData & {
      closedBy: 'customer' | 'staff' | 'auto' | 'merge';
      /** The end of the reopen window, formatted for the locale. */
      reopenUntil: string;
    },
    locale: Locale,
  ) {
    const why = {
      customer: { ru: 'Вы закрыли обращение', en: 'You closed ticket' },
      staff: { ru: 'Специалист закрыл обращение', en: 'Support closed ticket' },
      auto: {
        ru: 'Мы не получили ответа за три рабочих дня и закрыли обращение',
        en: 'We received no reply within three working days and closed ticket',
      },
      merge: { ru: 'Обращение объединено с другим и закрыто:', en: 'Merged into another ticket:' },
    }[data.closedBy];
    return render(
      data,
      locale,
      { ru: 'закрыто', en: 'closed' },
      {
        ru: [
          `${why.ru} № ${data.number} «${data.subject}».`,
          `До ${data.reopenUntil} его можно открыть снова на странице обращения. Позже ответ создаст новое обращение, связанное с этим.`,
        ],
        en: [
          `${why.en} #${data.number} "${data.subject}".`,
          `Until ${data.reopenUntil} you can reopen it on the ticket page. After that, a reply starts a new ticket linked to this one.`,
        ],
      },
    );
  },

  /** Staff reopened a resolved or closed ticket. */
  helpdesk_ticket_reopened(data: TicketMailData, locale: Locale) {
    return render(
      data,
      locale,
      { ru: 'открыто снова', en: 'reopened' },
      {
        ru: [`Обращение № ${data.number} снова в работе.`],
        en: [`Ticket #${data.number} is being worked on again.`],
      },
    );
  },
} as const satisfies Record<string, (data: never, locale: Locale) => RenderedMail>;

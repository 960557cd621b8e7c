import type { HelpdeskPreferences } from '../../../shared/contracts/helpdesk-tickets.js';
import { eq } from 'drizzle-orm';
import type { Locale } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { enqueueEmail, type MailTemplateName } from '../notify/index.js';
import { notifyTicketEvent } from '../notify/push/index.js';
import type { MAIL_TEMPLATES } from '../notify/mail-templates.js';
import { helpdeskPreferences } from './helpdesk.schema.js';

// Every help-desk email to a customer goes through here, inside the transaction of the change
// that causes it. Status changes, the received notice, reminders and closing are essential and
// always go; "progress" and plain staff replies follow the person's preferences.

type HelpdeskTemplate = Extract<MailTemplateName, `helpdesk_${string}`>;

/** Templates the person may switch off, and the preference that governs each. */
const OPTIONAL: Partial<Record<HelpdeskTemplate, 'emailOnProgress' | 'emailOnReply'>> = {
  helpdesk_ticket_in_progress: 'emailOnProgress',
  helpdesk_staff_reply: 'emailOnReply',
};

/** The customer a ticket email goes to. */
export interface TicketRecipient {
  id: string;
  email: string | null;
  displayName: string;
  locale: string;
}

/** The ticket part every template needs. */
export interface TicketMailTicket {
  number: number;
  subject: string;
}

export const localeOfUser = (user: { locale: string }): Locale =>
  user.locale === 'en' ? 'en' : 'ru';

/** The customer's page of a ticket. */
export const ticketUrl = (ctx: AppContext, number: number) =>
  `${ctx.config.publicUrl.replace(/\/$/, '')}/tickets/${number}`;

/** A date and time in the organization's time zone, in the person's language. */
export function formatTicketTime(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** The person's choices (defaults: every email) */
export async function readHelpdeskPreferences(
  db: DbOrTx,
  userId: string,
): Promise<HelpdeskPreferences> {
  const [row] = await db
    .select({
      emailOnProgress: helpdeskPreferences.emailOnProgress,
      emailOnReply: helpdeskPreferences.emailOnReply,
    })
    .from(helpdeskPreferences)
    .where(eq(helpdeskPreferences.userId, userId))
    .limit(1);
  return row ?? { emailOnProgress: true, emailOnReply: true };
}

type ExtraData<Name extends HelpdeskTemplate> = Omit<
  Parameters<(typeof MAIL_TEMPLATES)[Name]>[0],
  'displayName' | 'organizationName' | 'number' | 'subject' | 'ticketUrl'
>;

/**
 * Enqueues a help-desk email to the ticket's customer in `tx`, unless the person has no email
 * address or switched this kind of email off. Returns whether an email was written.
 */
export async function enqueueTicketEmail<Name extends HelpdeskTemplate>(
  ctx: AppContext,
  tx: DbOrTx,
  options: {
    organization: { id: string; name: string };
    recipient: TicketRecipient;
    ticket: TicketMailTicket;
    template: Name;
    data: ExtraData<Name>;
  },
): Promise<boolean> {
  const { recipient, ticket, organization } = options;
  // A staff reply or a resolution also notifies by push (notify/push decides which templates).
  await notifyTicketEvent(ctx, tx, {
    organizationId: organization.id,
    userId: recipient.id,
    template: options.template,
    ticket,
  });
  if (!recipient.email) return false;
  const preference = OPTIONAL[options.template];
  if (preference) {
    const preferences = await readHelpdeskPreferences(tx, recipient.id);
    if (!preferences[preference]) return false;
  }
  const data = {
    displayName: recipient.displayName,
    organizationName: organization.name,
    number: ticket.number,
    subject: ticket.subject,
    ticketUrl: ticketUrl(ctx, ticket.number),
    ...options.data,
  } as Parameters<(typeof MAIL_TEMPLATES)[Name]>[0];
  await enqueueEmail(ctx, tx, {
    organizationId: organization.id,
    to: { address: recipient.email, name: recipient.displayName },
    locale: localeOfUser(recipient),
    template: options.template,
    data,
  });
  return true;
}

import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { AppError } from '../../infra/app-error.js';
import { deliverEmailJob } from './mail.jobs.js';
import { MAIL_TEMPLATES, type MailTemplateData, type MailTemplateName } from './mail-templates.js';
import {
  findOutboxMessage,
  insertOutboxMessage,
  listOutboxMessages,
  lockOutboxMessageForDelivery,
  markOutboxMessage,
} from './outbox.repo.js';

/** Options of `enqueueEmail`. */
export interface EnqueueEmailOptions<Name extends MailTemplateName> {
  organizationId: string;
  to: { address: string; name?: string | null };
  locale: Locale;
  template: Name;
  data: MailTemplateData<Name>;
}

/**
 * Renders an email and writes it to the outbox together with its delivery job, both in `tx`:
 * the email exists exactly when the change that causes it commits.
 */
export async function enqueueEmail<Name extends MailTemplateName>(
  ctx: AppContext,
  tx: DbOrTx,
  options: EnqueueEmailOptions<Name>,
) {
  const render = MAIL_TEMPLATES[options.template] as (
    data: MailTemplateData<Name>,
    locale: Locale,
  ) => ReturnType<(typeof MAIL_TEMPLATES)[Name]>;
  const rendered = render(options.data, options.locale);
  const domain = new URL(ctx.config.publicUrl).hostname || 'kabinet.local';
  const row = await insertOutboxMessage(tx, {
    organizationId: options.organizationId,
    toAddress: options.to.address,
    toName: options.to.name ?? null,
    template: options.template,
    locale: options.locale,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    messageId: `<${randomUUID()}@${domain}>`,
  });
  await ctx.queue.send(
    deliverEmailJob,
    { outboxId: row.id, organizationId: options.organizationId },
    { tx, singletonKey: row.id },
  );
  return row;
}

/**
 * Delivers one outbox message. Idempotent: a message already sent or stored is left alone,
 * and the row lock keeps two workers from sending it at once. A refused delivery is recorded
 * and then rethrown, so the job retries with backoff; after the last attempt it is `failed`.
 */
export async function deliverOutboxMessage(
  ctx: AppContext,
  outboxId: string,
  isLastAttempt: boolean,
): Promise<void> {
  const failure = await ctx.db.transaction(async (tx) => {
    const message = await lockOutboxMessageForDelivery(tx, outboxId);
    if (!message || message.status === 'sent' || message.status === 'stored') return null;
    if (!ctx.mailer) {
      await markOutboxMessage(tx, message.id, { status: 'stored', delivered: true });
      return null;
    }
    try {
      await ctx.mailer.send({
        from: ctx.config.mailFrom,
        to: { address: message.toAddress, name: message.toName },
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        messageId: message.messageId,
      });
      await markOutboxMessage(tx, message.id, { status: 'sent', delivered: true });
      return null;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await markOutboxMessage(tx, message.id, {
        status: isLastAttempt ? 'failed' : 'pending',
        lastError: reason.slice(0, 1000),
      });
      return error instanceof Error ? error : new Error(reason);
    }
  });
  if (failure) throw failure;
}

export async function getOutboxMessage(ctx: AppContext, organizationId: string, id: string) {
  const message = await findOutboxMessage(ctx.db, organizationId, id);
  if (!message) throw new AppError('not_found');
  return message;
}

export async function listOutbox(
  ctx: AppContext,
  organizationId: string,
  options: { before?: Date; limit: number },
) {
  const messages = await listOutboxMessages(ctx.db, organizationId, options);
  const last = messages.at(-1);
  return {
    messages,
    nextBefore: messages.length === options.limit && last ? last.createdAt.toISOString() : null,
  };
}

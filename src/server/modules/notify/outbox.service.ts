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
  findOutboxMessageById,
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

// Messages being delivered by this process. With embedded PGlite this is every process.
const delivering = new Set<string>();

/**
 * Delivers one outbox message. Idempotent: a message already sent or stored is left alone, and
 * one process never sends a message twice at once. A refused delivery is recorded and then
 * rethrown, so the job retries with backoff; after the last attempt it is `failed`.
 *
 * No transaction or row lock is held while the relay is talking: on embedded PGlite an open
 * transaction blocks every other query, so a slow relay would stall the whole application.
 * Across instances, pg-boss runs a message's single job (singletonKey = id) in one worker at a
 * time; the stable Message-ID lets a receiver drop the rare duplicate of a manual `jobs run`.
 */
export async function deliverOutboxMessage(
  ctx: AppContext,
  outboxId: string,
  isLastAttempt: boolean,
): Promise<void> {
  if (delivering.has(outboxId)) return;
  delivering.add(outboxId);
  try {
    const message = await findOutboxMessageById(ctx.db, outboxId);
    if (!message || message.status === 'sent' || message.status === 'stored') return;
    if (!ctx.mailer) {
      await markOutboxMessage(ctx.db, message.id, { status: 'stored', delivered: true });
      return;
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
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await markOutboxMessage(ctx.db, message.id, {
        status: isLastAttempt ? 'failed' : 'pending',
        lastError: reason.slice(0, 1000),
      });
      throw error instanceof Error ? error : new Error(reason);
    }
    await markOutboxMessage(ctx.db, message.id, { status: 'sent', delivered: true });
  } finally {
    delivering.delete(outboxId);
  }
}

export async function getOutboxMessage(ctx: AppContext, organizationId: string, id: string) {
  const message = await findOutboxMessage(ctx.db, organizationId, id);
  if (!message) throw new AppError('not_found');
  return message;
}

/**
 * One page of the outbox, newest first. `before` is a previous page's `nextBefore`: an ISO
 * timestamp with microseconds (see `listOutboxMessages`).
 */
export async function listOutbox(
  ctx: AppContext,
  organizationId: string,
  options: { before?: string; limit: number },
) {
  const rows = await listOutboxMessages(ctx.db, organizationId, options);
  const last = rows.at(-1);
  return {
    messages: rows.map(({ cursor: _cursor, ...message }) => message),
    nextBefore: rows.length === options.limit && last ? last.cursor : null,
  };
}

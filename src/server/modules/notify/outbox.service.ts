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
  insertOutboxMessages,
  listOutboxMessages,
  claimOutboxMessage,
  markOutboxMessage,
  type OutboxCursor,
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
 * `enqueueEmail` for many emails at once, in `tx`: one outbox insert and one job insert, so a
 * sweep over thousands of rows (auto-close) stays a handful of statements per batch.
 */
export async function enqueueEmails<Name extends MailTemplateName>(
  ctx: AppContext,
  tx: DbOrTx,
  emails: EnqueueEmailOptions<Name>[],
): Promise<void> {
  if (emails.length === 0) return;
  const domain = new URL(ctx.config.publicUrl).hostname || 'kabinet.local';
  const rows = await insertOutboxMessages(
    tx,
    emails.map((options) => {
      const render = MAIL_TEMPLATES[options.template] as (
        data: MailTemplateData<Name>,
        locale: Locale,
      ) => ReturnType<(typeof MAIL_TEMPLATES)[Name]>;
      const rendered = render(options.data, options.locale);
      return {
        organizationId: options.organizationId,
        toAddress: options.to.address,
        toName: options.to.name ?? null,
        template: options.template,
        locale: options.locale,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
        messageId: `<${randomUUID()}@${domain}>`,
      };
    }),
  );
  await ctx.queue.sendMany(
    deliverEmailJob,
    rows.map((row) => ({
      payload: { outboxId: row.id, organizationId: row.organizationId },
      singletonKey: row.id,
    })),
    { tx },
  );
}

// Longer than the relay's worst case (see infra/mailer.ts timeouts), so a live delivery is
// never claimed twice; a worker that died mid-delivery frees the message when it runs out.
const DELIVERY_LEASE_SECONDS = 300;

/**
 * Delivers one outbox message. Idempotent and safe with many instances: the message is
 * claimed with a lease first, so it is sent by one worker at a time and never after it was
 * sent or stored. A refused delivery is recorded and rethrown, so the job retries with
 * backoff; after the last attempt the message is `failed`.
 */
export async function deliverOutboxMessage(
  ctx: AppContext,
  outboxId: string,
  isLastAttempt: boolean,
): Promise<void> {
  const message = await claimOutboxMessage(ctx.db, outboxId, DELIVERY_LEASE_SECONDS);
  if (!message) return;
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
}

export async function getOutboxMessage(ctx: AppContext, organizationId: string, id: string) {
  const message = await findOutboxMessage(ctx.db, organizationId, id);
  if (!message) throw new AppError('not_found');
  return message;
}

/** The opaque page cursor clients pass back as `before`. */
export function encodeOutboxCursor(cursor: OutboxCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

function decodeOutboxCursor(value: string): OutboxCursor {
  const [createdAt = '', id = ''] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const valid =
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(createdAt) &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  if (!valid)
    throw new AppError('validation_failed', [{ path: ['before'], code: 'invalid_cursor' }]);
  return { createdAt, id };
}

/** One page of the outbox, newest first; `before` is a previous page's `nextBefore`. */
export async function listOutbox(
  ctx: AppContext,
  organizationId: string,
  options: { before?: string; limit: number },
) {
  const rows = await listOutboxMessages(ctx.db, organizationId, {
    ...(options.before ? { after: decodeOutboxCursor(options.before) } : {}),
    limit: options.limit,
  });
  const last = rows.at(-1);
  return {
    messages: rows.map(({ cursorTime: _cursorTime, ...message }) => message),
    nextBefore:
      rows.length === options.limit && last
        ? encodeOutboxCursor({ createdAt: last.cursorTime, id: last.id })
        : null,
  };
}

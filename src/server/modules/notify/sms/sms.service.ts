import type { Locale } from '../../../../shared/errors.js';
import type { AppContext } from '../../../infra/context.js';
import type { DbOrTx } from '../../../infra/db.js';
import { deliverSmsJob } from './sms.jobs.js';
import { createSmsProvider, type SmsProvider } from './sms-provider.js';
import { claimSmsMessage, insertSmsMessage, listSmsMessages, markSmsMessage } from './sms.repo.js';
import { SMS_TEMPLATES, type SmsTemplateData, type SmsTemplateName } from './sms-templates.js';

/** Options of `enqueueSms`. */
export interface EnqueueSmsOptions<Name extends SmsTemplateName> {
  organizationId: string;
  /** E.164 (`normalizePhone`). */
  to: string;
  locale: Locale;
  template: Name;
  data: SmsTemplateData<Name>;
}

/**
 * Renders an SMS and writes it to the SMS outbox together with its delivery job, both in `tx`:
 * the SMS exists exactly when the change that causes it commits.
 */
export async function enqueueSms<Name extends SmsTemplateName>(
  ctx: AppContext,
  tx: DbOrTx,
  options: EnqueueSmsOptions<Name>,
) {
  const render = SMS_TEMPLATES[options.template] as (
    data: SmsTemplateData<Name>,
    locale: Locale,
  ) => string;
  const row = await insertSmsMessage(tx, {
    organizationId: options.organizationId,
    toPhone: options.to,
    template: options.template,
    locale: options.locale,
    body: render(options.data, options.locale),
  });
  await ctx.queue.send(deliverSmsJob, { smsId: row.id }, { tx, singletonKey: row.id });
  return row;
}

// One provider per application context (its configuration does not change while it runs).
const providers = new WeakMap<AppContext, SmsProvider | null>();

function providerOf(ctx: AppContext): SmsProvider | null {
  if (!providers.has(ctx)) providers.set(ctx, createSmsProvider(ctx.config.smsUrl));
  return providers.get(ctx) ?? null;
}

// Longer than the gateway request timeout, so a live delivery is never claimed twice.
const DELIVERY_LEASE_SECONDS = 120;

/**
 * Delivers one SMS. Idempotent: the message is claimed with a lease first, so it is sent by
 * one worker at a time and never after it was sent or stored. Without a gateway the outbox is
 * the destination (`stored`). A refusal is recorded and rethrown so the job retries; after the
 * last attempt the message is `failed`.
 */
export async function deliverSms(ctx: AppContext, smsId: string, isLastAttempt: boolean) {
  const message = await claimSmsMessage(ctx.db, smsId, DELIVERY_LEASE_SECONDS);
  if (!message) return;
  const provider = providerOf(ctx);
  if (!provider) {
    await markSmsMessage(ctx.db, message.id, { status: 'stored', delivered: true });
    return;
  }
  try {
    const { providerMessageId } = await provider.send({ to: message.toPhone, text: message.body });
    await markSmsMessage(ctx.db, message.id, {
      status: 'sent',
      providerMessageId,
      delivered: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await markSmsMessage(ctx.db, message.id, {
      status: isLastAttempt ? 'failed' : 'pending',
      lastError: reason.slice(0, 1000),
    });
    throw error instanceof Error ? error : new Error(reason);
  }
}

/** One page of the SMS outbox, newest first; `before` is a previous page's `nextBefore`. */
export async function listSmsOutbox(
  ctx: AppContext,
  organizationId: string,
  options: { before?: string | undefined; limit: number },
) {
  const rows = await listSmsMessages(ctx.db, organizationId, {
    ...(options.before ? { before: options.before } : {}),
    limit: options.limit,
  });
  const last = rows.at(-1);
  return { messages: rows, nextBefore: rows.length === options.limit && last ? last.id : null };
}

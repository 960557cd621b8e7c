import { and, eq, gte, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineAppJob } from '../../infra/context.js';
import type { AppContext } from '../../infra/context.js';
import { users } from '../access/access.schema.js';
import { enqueueEmail } from '../notify/index.js';
import { organizations } from '../orgs/orgs.schema.js';
import { certificateStatus, expiringWindow, localDate } from './certificate-status.js';
import { certificates } from './helpdesk.schema.js';

const BATCH = 200;

const dateFormat = (date: string, locale: 'ru' | 'en') =>
  new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

/**
 * One batch of an organization's registered certificates ending within the window, locked
 * (`skip locked`: a second instance takes the next rows), emailed and marked in one
 * transaction, so each certificate gets its email exactly once. Returns how many it handled.
 */
async function remindBatch(
  ctx: AppContext,
  organization: { id: string; name: string; timezone: string },
  now: Date,
): Promise<number> {
  const today = localDate(now, organization.timezone);
  const window = expiringWindow(today);
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({
        certificate: certificates,
        user: { email: users.email, displayName: users.displayName, locale: users.locale },
      })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .where(
        and(
          eq(certificates.organizationId, organization.id),
          isNotNull(certificates.userId),
          isNull(certificates.expiryReminderSentAt),
          gte(certificates.validTo, window.from),
          lte(certificates.validTo, window.to),
        ),
      )
      .orderBy(certificates.validTo)
      .limit(BATCH)
      .for('update', { of: certificates, skipLocked: true });
    for (const { certificate, user } of due) {
      // No email on the account: nothing to send, but marked so it is not looked at again.
      if (!user.email) continue;
      const locale = user.locale === 'en' ? 'en' : 'ru';
      await enqueueEmail(ctx, tx, {
        organizationId: organization.id,
        to: { address: user.email, name: user.displayName },
        locale,
        template: 'certificate_expiring',
        data: {
          displayName: user.displayName,
          organizationName: organization.name,
          serial: certificate.serial,
          product: certificate.product,
          validTo: dateFormat(certificate.validTo, locale),
          daysLeft: certificateStatus(certificate.validFrom, certificate.validTo, today).daysLeft,
          certificatesUrl: `${ctx.config.publicUrl}/certificates`,
        },
      });
    }
    if (due.length > 0)
      await tx
        .update(certificates)
        .set({ expiryReminderSentAt: now })
        .where(
          inArray(
            certificates.id,
            due.map((row) => row.certificate.id),
          ),
        );
    return due.length;
  });
}

/**
 * Emails people whose registered certificate ends within 30 days (template
 * `certificate_expiring`), once per certificate: `expiry_reminder_sent_at` is set in the
 * transaction that enqueues the email (a re-import with a new end date clears it). Daily at
 * 09:15 Moscow time; "today" is each organization's own date.
 */
export const certificateExpiryJob = defineAppJob({
  name: 'helpdesk.certificate-expiry',
  payload: z.object({ organizationId: z.uuid().optional() }),
  schedule: { cron: '15 9 * * *', payload: {} },
  async handler(payload, run) {
    const { app: ctx, now } = run;
    const orgs = await ctx.db
      .select({ id: organizations.id, name: organizations.name, timezone: organizations.timezone })
      .from(organizations)
      .where(payload.organizationId ? eq(organizations.id, payload.organizationId) : sql`true`);
    let reminded = 0;
    for (const organization of orgs) {
      while (!run.stopping()) {
        const handled = await remindBatch(ctx, organization, now);
        reminded += handled;
        if (handled < BATCH) break;
      }
    }
    run.log.info({ reminded }, 'certificate expiry reminders sent');
  },
});

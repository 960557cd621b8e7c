import { z } from 'zod';
import { defineAppJob } from '../../infra/context.js';
import { enqueueEmail } from '../notify/index.js';
import { notifyAccessEnding } from '../notify/push/index.js';
import {
  claimAccessWarning,
  findAccountsToWarn,
  findInactiveAccounts,
  lockIfStillInactive,
} from './access-warnings.repo.js';
import { insertBlock } from './blocks.repo.js';
import { formatDate } from './invitations.service.js';
import { endUserSessions } from './sessions.repo.js';
import { auditAs } from './staff-audit.service.js';

// Accounts handled per query; each handled one drops out of the next query, so loops end.
const BATCH = 200;

/** Both jobs: every organization (the daily run), or one (tests, `--payload`). */
const ZAccessJobPayload = z.object({ organizationId: z.uuid().optional() });

/**
 * Emails people whose access period ends within their organization's `access_warning_days`
 * (template `access_ending`). Once per period: `access_warning_sent_for` records the end that
 * was warned about, set in the transaction that writes the email, so a rerun sends nothing
 * and extending the period arms a new warning. Daily at 09:05 Moscow time.
 */
export const warnAccessEndingJob = defineAppJob({
  name: 'access.warn-access-ending',
  payload: ZAccessJobPayload,
  schedule: { cron: '5 9 * * *', payload: {} },
  async handler(payload, run) {
    const { app: ctx, now } = run;
    let warned = 0;
    while (!run.stopping()) {
      const warnedBefore = warned;
      const batch = await findAccountsToWarn(ctx.db, now, {
        organizationId: payload.organizationId ?? null,
        limit: BATCH,
      });
      for (const { user, organization } of batch) {
        const endsAt = user.accessValidUntil;
        if (!endsAt || !user.email) continue;
        const email = user.email;
        await ctx.db.transaction(async (tx) => {
          if (!(await claimAccessWarning(tx, user.id, endsAt))) return;
          const locale = user.locale === 'en' ? 'en' : 'ru';
          await enqueueEmail(ctx, tx, {
            organizationId: organization.id,
            to: { address: email, name: user.displayName },
            locale,
            template: 'access_ending',
            data: {
              displayName: user.displayName,
              organizationName: organization.name,
              endsOn: formatDate(endsAt, locale, organization.timezone),
              cabinetUrl: ctx.config.publicUrl,
              supportEmail: organization.supportEmail,
              supportPhone: organization.supportPhone,
            },
          });
          // The same warning by push to the person's devices.
          await notifyAccessEnding(ctx, tx, {
            organizationId: organization.id,
            userId: user.id,
            endsAt,
            timeZone: organization.timezone,
            now,
          });
          warned++;
        });
      }
      // A full batch with nothing claimed means another run is on it: stop rather than spin.
      if (batch.length < BATCH || warned === warnedBefore) break;
    }
    run.log.info({ warned }, 'access period warnings sent');
  },
});

/**
 * Blocks customer accounts (`inactive_too_long`) that have not signed in for their
 * organization's `inactivity_block_days` (counted from the opening of access when they never
 * signed in). Idempotent: the row is locked and re-checked before each block, and an account
 * with such a block — or one lifted since the cutoff — is skipped. Daily at 04:10 Moscow time.
 */
export const blockInactiveAccountsJob = defineAppJob({
  name: 'access.block-inactive',
  payload: ZAccessJobPayload,
  schedule: { cron: '10 4 * * *', payload: {} },
  async handler(payload, run) {
    const { app: ctx, now } = run;
    let blocked = 0;
    while (!run.stopping()) {
      const blockedBefore = blocked;
      const batch = await findInactiveAccounts(ctx.db, now, {
        organizationId: payload.organizationId ?? null,
        limit: BATCH,
      });
      for (const account of batch) {
        const cutoff = new Date(now.getTime() - (account.days ?? 0) * 86_400_000);
        await ctx.db.transaction(async (tx) => {
          if (!(await lockIfStillInactive(tx, account.id, cutoff))) return;
          const block = await insertBlock(tx, {
            organizationId: account.organizationId,
            userId: account.id,
            reason: 'inactive_too_long',
            startsAt: now,
            note: null,
            createdBy: null,
          });
          const sessionsEnded = await endUserSessions(tx, account.id, 'account_blocked');
          await auditAs(
            tx,
            { kind: 'system' },
            {
              organizationId: account.organizationId,
              subjectId: account.id,
              action: 'block.set',
              details: {
                blockId: block.id,
                reason: block.reason,
                endsAt: null,
                inactiveDays: account.days,
                sessionsEnded,
              },
            },
          );
          blocked++;
        });
      }
      if (batch.length < BATCH || blocked === blockedBefore) break;
    }
    run.log.info({ blocked }, 'inactive accounts blocked');
  },
});

/** Jobs of staff-opened access (registered in runtime.ts APP_JOBS). */
export const accessWarningJobs = [warnAccessEndingJob, blockInactiveAccountsJob];

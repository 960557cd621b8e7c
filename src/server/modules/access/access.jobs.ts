import { and, isNotNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { defineAppJob } from '../../infra/context.js';
import { oneTimeTokens, sessions } from './access.schema.js';

/** Deletes expired sessions and spent one-time links; idempotent, daily at 03:17 Moscow time. */
export const purgeExpiredAccessJob = defineAppJob({
  name: 'access.purge-expired',
  payload: z.object({}),
  schedule: { cron: '17 3 * * *', payload: {} },
  async handler(_payload, run) {
    const { db } = run.app;
    await db.delete(sessions).where(lt(sessions.expiresAt, run.now));
    await db
      .delete(oneTimeTokens)
      .where(or(lt(oneTimeTokens.expiresAt, run.now), and(isNotNull(oneTimeTokens.usedAt))));
  },
});

export const accessJobs = [purgeExpiredAccessJob];

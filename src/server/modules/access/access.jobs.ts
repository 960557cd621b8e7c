import { z } from 'zod';
import { defineAppJob } from '../../infra/context.js';
import { deleteSpentOneTimeTokens } from './one-time-tokens.repo.js';
import { deleteSessionsExpiredBefore } from './sessions.repo.js';

/** Deletes expired sessions and spent one-time links; idempotent, daily at 03:17 Moscow time. */
export const purgeExpiredAccessJob = defineAppJob({
  name: 'access.purge-expired',
  payload: z.object({}),
  schedule: { cron: '17 3 * * *', payload: {} },
  async handler(_payload, run) {
    await deleteSessionsExpiredBefore(run.app.db, run.now);
    await deleteSpentOneTimeTokens(run.app.db, run.now);
  },
});

export const accessJobs = [purgeExpiredAccessJob];

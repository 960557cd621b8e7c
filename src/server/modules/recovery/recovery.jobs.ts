import { z } from 'zod';
import { defineAppJob } from '../../infra/context.js';
import { findDocumentsToPurge, markDocumentsDeleted } from './recovery.repo.js';

const BATCH = 200;

/**
 * Deletes identity documents `RECOVERY_DOCUMENT_RETENTION_DAYS` after the decision (and those of
 * requests never confirmed, as long after their link expired) from storage, and marks them
 * deleted; the request and the audit log keep the decision. Daily at 04:23 Moscow time;
 * idempotent (a file already gone is not an error).
 */
export const purgeRecoveryDocumentsJob = defineAppJob({
  name: 'recovery.purge-documents',
  payload: z.object({}),
  schedule: { cron: '23 4 * * *', payload: {} },
  async handler(_payload, run) {
    const { app, now } = run;
    const cutoff = new Date(now.getTime() - app.config.recovery.documentRetentionDays * 86_400_000);
    while (!run.stopping()) {
      const due = await findDocumentsToPurge(app.db, cutoff, BATCH);
      for (const document of due) await app.storage.delete(document.storageKey);
      await markDocumentsDeleted(
        app.db,
        due.map((document) => document.id),
        now,
      );
      if (due.length < BATCH) break;
    }
  },
});

/** Jobs of the recovery module. */
export const recoveryJobs = [purgeRecoveryDocumentsJob];

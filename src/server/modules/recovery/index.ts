import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { captchaRoutes } from './captcha.routes.js';
import { recoveryStaffRoutes } from './recovery-staff.routes.js';
import { recoveryRoutes } from './recovery.routes.js';

export { recoveryJobs } from './recovery.jobs.js';

/** Captcha challenges and account-recovery requests (the person lost their email or phone). */
export async function recoveryModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  const { maxFileBytes, maxFiles } = ctx.config.recovery;
  // Registered here, so multipart bodies are accepted by this module's routes only.
  await app.register(multipart, {
    limits: {
      fileSize: maxFileBytes,
      files: maxFiles,
      fields: 20,
      fieldSize: 16_000,
      parts: maxFiles + 20,
      headerPairs: 100,
    },
  });
  captchaRoutes(app, ctx);
  recoveryRoutes(app, ctx);
  recoveryStaffRoutes(app, ctx, guards);
}

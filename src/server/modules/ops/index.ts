import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import { ZFailedJobsResponse, ZRetryJobParams } from '../../../shared/contracts/staff.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { findFailedJob, listFailedJobs } from './jobs.repo.js';

const toIso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/**
 * What staff see of a job's failure: its message. Stack traces and internals stay in the logs
 * (and in pg-boss's table for operators).
 */
function errorSummary(output: unknown): { message: string } | null {
  if (output && typeof output === 'object' && 'message' in output) {
    return { message: String(output.message).slice(0, 500) };
  }
  if (typeof output === 'string') return { message: output.slice(0, 500) };
  return output === null || output === undefined
    ? null
    : { message: JSON.stringify(output).slice(0, 500) };
}

/** Staff console: jobs that failed every retry (the dead letter), with retry. */
export function opsModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const adminsOnly = guards.requireStaff('owner', 'admin');
  const errors = { 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

  r.get(
    '/api/staff/jobs/failed',
    {
      schema: {
        tags: ['staff'],
        summary: 'Jobs that failed every retry',
        response: { 200: ZFailedJobsResponse, ...errors },
      },
      preHandler: adminsOnly,
    },
    async (request) => {
      const rows = await listFailedJobs(
        ctx.database.executor,
        request.organization.id,
        request.organization.isDefault,
        100,
      );
      return {
        jobs: rows.map((row) => ({
          id: row.id,
          name: row.name,
          data: row.data,
          output: errorSummary(row.output),
          retryCount: row.retry_count,
          createdOn: new Date(row.created_on).toISOString(),
          completedOn: toIso(row.completed_on),
        })),
      };
    },
  );

  r.post(
    '/api/staff/jobs/:name/:id/retry',
    {
      schema: {
        tags: ['staff'],
        summary: 'Queue a failed job again',
        params: ZRetryJobParams,
        response: { 204: z.null(), ...errors },
      },
      preHandler: adminsOnly,
    },
    async (request, reply) => {
      const { name, id } = request.params;
      const { organization } = request;
      if (
        !(await findFailedJob(
          ctx.database.executor,
          organization.id,
          organization.isDefault,
          name,
          id,
        ))
      ) {
        throw new AppError('not_found');
      }
      await ctx.queue.retry(name, id);
      return reply.status(204).send(null);
    },
  );
}

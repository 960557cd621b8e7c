import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZAccountBlockParams,
  ZBlockResponse,
  ZChangeBlockRequest,
  ZLiftBlockQuery,
  ZSetBlockRequest,
} from '../../../shared/contracts/staff-accounts.js';
import type { AppContext } from '../../infra/context.js';
import { changeBlockEnd, liftAccountBlock, setBlock } from './blocks.service.js';
import type { Guards } from './guards.js';
import { ADMINISTERING_ROLES } from './staff-accounts.policy.js';
import { actorOf } from './staff-accounts.routes.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

/** Staff console: set, shorten or extend, and lift blocks of an account. */
export function blocksRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const administrators = guards.requireStaff(...ADMINISTERING_ROLES);
  const tags = ['staff accounts'];

  r.post(
    '/api/staff/accounts/:id/blocks',
    {
      schema: {
        tags,
        summary: 'Block the account with a reason (ends all its sessions)',
        params: ZIdParams,
        body: ZSetBlockRequest,
        response: { 201: ZBlockResponse, ...errors },
      },
      preHandler: administrators,
    },
    async (request, reply) => {
      const block = await setBlock(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        actorOf(request),
      );
      return reply.status(201).send({ block });
    },
  );

  r.patch(
    '/api/staff/accounts/:id/blocks/:blockId',
    {
      schema: {
        tags,
        summary: 'Shorten or extend a block in force',
        params: ZAccountBlockParams,
        body: ZChangeBlockRequest,
        response: { 200: ZBlockResponse, ...errors },
      },
      preHandler: administrators,
    },
    async (request) => ({
      block: await changeBlockEnd(
        ctx,
        request.organization.id,
        request.params.id,
        request.params.blockId,
        request.body.endsAt,
        actorOf(request),
      ),
    }),
  );

  r.delete(
    '/api/staff/accounts/:id/blocks/:blockId',
    {
      schema: {
        tags,
        summary: 'Lift a block (optional `note` for the audit log)',
        params: ZAccountBlockParams,
        querystring: ZLiftBlockQuery,
        response: { 200: ZBlockResponse, ...errors },
      },
      preHandler: administrators,
    },
    async (request) => ({
      block: await liftAccountBlock(
        ctx,
        request.organization.id,
        request.params.id,
        request.params.blockId,
        request.query.note ?? null,
        actorOf(request),
      ),
    }),
  );
}

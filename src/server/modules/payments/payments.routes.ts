import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';

// Placeholder until the payments work lands here.
export async function paymentsRoutes(_app: FastifyInstance, _ctx: AppContext, _guards: Guards) {}

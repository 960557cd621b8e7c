import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../infra/context.js';

// Placeholder until the sandbox provider lands here.
export async function sandboxRoutes(_app: FastifyInstance, _ctx: AppContext) {}

import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';

// SCAFFOLD: the owning helper replaces this file.
export async function attendanceRoutes(_app: FastifyInstance, _ctx: AppContext, _guards: Guards) {}

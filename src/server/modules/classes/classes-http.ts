import type { FastifyRequest } from 'fastify';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import type { StaffRole } from '../../../shared/contracts/session.js';
import { AppError } from '../../infra/app-error.js';
import type { Actor } from '../access/index.js';

/** Staff who change the centre's structure, people and schedule. */
export const WRITER_ROLES: StaffRole[] = ['owner', 'admin', 'manager'];
/** Staff who may read the schedule and groups (teachers included). */
export const SCHEDULE_READER_ROLES: StaffRole[] = [...WRITER_ROLES, 'teacher'];

/** The error answers every classes route may give. */
export const classesErrors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

export const CLASSES_TAGS = ['classes'];

/** The signed-in staff member behind a request (the guards ran before). */
export function staffActor(request: FastifyRequest): Actor & { kind: 'staff' } {
  const user = request.user;
  if (!user?.staffRole) throw new AppError('forbidden');
  return { kind: 'staff', id: user.id, staffRole: user.staffRole, ip: request.ip };
}

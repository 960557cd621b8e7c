import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/contracts/common.js';
import {
  ZOrganizationSettings,
  ZUpdateOrganizationSettings,
} from '../../../shared/contracts/org-settings.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { changeOrganizationSettings, getOrganizationSettings } from './settings.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse };

/** Staff console: the organization's access settings (owners and admins). */
export function organizationSettingsModule(
  app: FastifyInstance,
  { ctx, guards }: { ctx: AppContext; guards: Guards },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ownersAndAdmins = guards.requireStaff('owner', 'admin');
  const tags = ['organization'];

  r.get(
    '/api/staff/organization/settings',
    {
      schema: {
        tags,
        summary: 'Access settings of the organization',
        response: { 200: ZOrganizationSettings, ...errors },
      },
      preHandler: ownersAndAdmins,
    },
    (request) => getOrganizationSettings(ctx, request.organization.id),
  );

  r.patch(
    '/api/staff/organization/settings',
    {
      schema: {
        tags,
        summary: 'Change access settings (omitted fields stay; audited)',
        body: ZUpdateOrganizationSettings,
        response: { 200: ZOrganizationSettings, ...errors },
      },
      preHandler: ownersAndAdmins,
    },
    (request) => {
      // The guard let only signed-in owners and administrators through.
      if (!request.user) throw new AppError('unauthenticated');
      return changeOrganizationSettings(ctx, request.organization.id, request.body, {
        id: request.user.id,
        ip: request.ip,
      });
    },
  );
}

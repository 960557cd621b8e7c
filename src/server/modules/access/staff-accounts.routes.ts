import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZAccessSheetResponse,
  ZAuditListQuery,
  ZAuditListResponse,
  ZOpenAccessRequest,
  ZOpenAccessResponse,
  ZResendInvitationResponse,
  ZRevokeSessionsResponse,
  ZStaffAccountDetail,
  ZStaffAccountListQuery,
  ZStaffAccountListResponse,
  ZStaffAccountSummary,
  ZUpdateAccountRequest,
} from '../../../shared/contracts/staff-accounts.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from './guards.js';
import { ADMINISTERING_ROLES, VIEWING_ROLES, type Actor } from './staff-accounts.policy.js';
import { getStaffAccount, listStaffAccounts } from './staff-accounts-view.service.js';
import { reissueAccessSheet, resendInvitation } from './account-invitations.service.js';
import { openAccess, revokeAccountSessions, updateStaffAccount } from './staff-accounts.service.js';
import { listAudit } from './staff-audit.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
};

/** The signed-in staff member making a change (the guard has checked the role). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.user) throw new AppError('unauthenticated');
  return { kind: 'staff', id: request.user.id, staffRole: request.user.staffRole, ip: request.ip };
}

/** Staff console: accounts, opening access, invitations, access sheets, sessions, audit. */
export function staffAccountsRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const viewers = guards.requireStaff(...VIEWING_ROLES);
  const administrators = guards.requireStaff(...ADMINISTERING_ROLES);
  const tags = ['staff accounts'];

  r.get(
    '/api/staff/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts, newest first; search by name, email, phone or personal code',
        querystring: ZStaffAccountListQuery,
        response: { 200: ZStaffAccountListResponse, ...errors },
      },
      preHandler: viewers,
    },
    (request) => listStaffAccounts(ctx, request.organization.id, request.query),
  );

  r.post(
    '/api/staff/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account or open access for an existing one, and invite the person',
        body: ZOpenAccessRequest,
        response: { 201: ZOpenAccessResponse, ...errors },
      },
      preHandler: administrators,
    },
    async (request, reply) => {
      const result = await openAccess(ctx, request.organization.id, request.body, actorOf(request));
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/api/staff/accounts/:id',
    {
      schema: {
        tags,
        summary: 'An account with its blocks, sessions, sign-ins and audit entries',
        params: ZIdParams,
        response: { 200: ZStaffAccountDetail, ...errors },
      },
      preHandler: viewers,
    },
    (request) => getStaffAccount(ctx, request.organization.id, request.params.id),
  );

  r.patch(
    '/api/staff/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Change the name, access period or session limit',
        params: ZIdParams,
        body: ZUpdateAccountRequest,
        response: { 200: ZStaffAccountSummary, ...errors },
      },
      preHandler: administrators,
    },
    (request) =>
      updateStaffAccount(
        ctx,
        request.organization.id,
        request.params.id,
        request.body,
        actorOf(request),
      ),
  );

  r.post(
    '/api/staff/accounts/:id/invitation',
    {
      schema: {
        tags,
        summary: 'Send the invitation again with a fresh link (older links stop working)',
        params: ZIdParams,
        response: { 200: ZResendInvitationResponse, ...errors },
      },
      preHandler: administrators,
    },
    (request) =>
      resendInvitation(ctx, request.organization.id, request.params.id, actorOf(request)),
  );

  r.post(
    '/api/staff/accounts/:id/access-sheet',
    {
      schema: {
        tags,
        summary: 'A fresh one-time activation code for a printed access sheet',
        params: ZIdParams,
        response: { 200: ZAccessSheetResponse, ...errors },
      },
      preHandler: administrators,
    },
    (request) =>
      reissueAccessSheet(ctx, request.organization.id, request.params.id, actorOf(request)),
  );

  r.post(
    '/api/staff/accounts/:id/sessions/revoke',
    {
      schema: {
        tags,
        summary: 'End every session of the account',
        params: ZIdParams,
        response: { 200: ZRevokeSessionsResponse, ...errors },
      },
      preHandler: administrators,
    },
    (request) =>
      revokeAccountSessions(ctx, request.organization.id, request.params.id, actorOf(request)),
  );

  r.get(
    '/api/staff/audit',
    {
      schema: {
        tags,
        summary: 'Security audit log, newest first (of one account with subjectId)',
        querystring: ZAuditListQuery,
        response: { 200: ZAuditListResponse, ...errors },
      },
      preHandler: viewers,
    },
    (request) => listAudit(ctx, request.organization.id, request.query),
  );
}

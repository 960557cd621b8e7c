import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZIdParams } from '../../../shared/contracts/common.js';
import {
  ZCertificateImportJson,
  ZCertificateImportResponse,
  ZIssueCertificateRequest,
  ZIssueCertificateResponse,
  ZMyCertificatesResponse,
  ZNewActivationCodeResponse,
  ZRegisterCertificateRequest,
  ZRegisterCertificateResponse,
  ZStaffCertificateListQuery,
  ZStaffCertificateListResponse,
} from '../../../shared/contracts/helpdesk-certificates.js';
import { localeFromAcceptLanguage } from '../../../shared/errors.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import type { Guards } from '../access/index.js';
import { importCertificates } from './certificate-import.service.js';
import { registerCertificate } from './certificate-register.service.js';
import {
  issueCertificate,
  listMyCertificates,
  listStaffCertificates,
  renewActivationCode,
} from './certificates.service.js';

const errors = {
  400: ZErrorResponse,
  401: ZErrorResponse,
  403: ZErrorResponse,
  404: ZErrorResponse,
  409: ZErrorResponse,
  413: ZErrorResponse,
  429: ZErrorResponse,
};

const MAX_CSV_BYTES = 20 * 1024 * 1024;

/** The signed-in person's id (the guards ran, so there is one). */
function userIdOf(request: FastifyRequest): string {
  if (!request.user) throw new AppError('unauthenticated');
  return request.user.id;
}

const actorOf = (request: FastifyRequest) => ({ id: request.user?.id ?? null, ip: request.ip });
const localeOf = (request: FastifyRequest) =>
  request.user?.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);

/** The CSV from a multipart `file` part, a `text/csv` or `text/plain` body, or JSON `{ csv }`. */
async function readCsvBody(request: FastifyRequest): Promise<string> {
  if (request.isMultipart()) {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.file.truncated) throw new AppError('file_too_large', { maxBytes: MAX_CSV_BYTES });
        return content.toString('utf8');
      }
      if (part.fieldname === 'csv' && typeof part.value === 'string') return part.value;
    }
    throw new AppError('validation_failed', [{ path: ['file'], code: 'missing_file' }]);
  }
  const body = request.body;
  if (typeof body === 'string' && body.length > 0) return body;
  const parsed = ZCertificateImportJson.safeParse(body);
  if (parsed.success) return parsed.data.csv;
  throw new AppError('validation_failed', [{ path: ['csv'], code: 'missing_csv' }]);
}

/** «Мои сертификаты», registration, and the staff certificate console (issue, import, list). */
export async function certificatesRoutes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  // An own scope: the CSV parsers and multipart apply to these routes only.
  await app.register(async (scope) => {
    if (!scope.hasRequestDecorator('parts'))
      await scope.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 5 } });
    scope.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'string', bodyLimit: MAX_CSV_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );
    routes(scope, ctx, guards);
  });
}

function routes(app: FastifyInstance, ctx: AppContext, guards: Guards) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = guards.requireStaff('owner', 'admin', 'manager', 'support_agent');
  const issuers = guards.requireStaff('owner', 'admin', 'manager');

  r.get(
    '/api/helpdesk/certificates',
    {
      schema: {
        tags: ['helpdesk'],
        summary: '«Мои сертификаты»: the signed-in person’s certificates with their status',
        response: { 200: ZMyCertificatesResponse, ...errors },
      },
      preHandler: guards.requireUser,
    },
    (request) => listMyCertificates(ctx, request.organization, userIdOf(request)),
  );

  r.post(
    '/api/helpdesk/certificates/register',
    {
      schema: {
        tags: ['helpdesk'],
        summary: 'Register a certificate with its serial and activation code',
        description:
          'Errors in the order checked: 404 certificate_not_found (unknown serial or wrong code), 409 certificate_expired, 409 certificate_taken, 429 certificate_attempts_exceeded (Retry-After). Registering one’s own again is 200 with alreadyRegistered.',
        body: ZRegisterCertificateRequest,
        response: { 200: ZRegisterCertificateResponse, ...errors },
      },
      preHandler: guards.requireUser,
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (request) =>
      registerCertificate(
        ctx,
        request.organization,
        { id: userIdOf(request), ip: request.ip },
        request.body,
      ),
  );

  r.get(
    '/api/staff/helpdesk/certificates',
    {
      schema: {
        tags: ['staff'],
        summary: 'Certificates with status and owner, newest first',
        querystring: ZStaffCertificateListQuery,
        response: { 200: ZStaffCertificateListResponse, ...errors },
      },
      preHandler: staff,
    },
    (request) => listStaffCertificates(ctx, request.organization, request.query),
  );

  r.post(
    '/api/staff/helpdesk/certificates',
    {
      schema: {
        tags: ['staff'],
        summary: 'Issue a certificate; the activation code is shown once',
        body: ZIssueCertificateRequest,
        response: { 201: ZIssueCertificateResponse, ...errors },
      },
      preHandler: issuers,
    },
    async (request, reply) => {
      const issued = await issueCertificate(
        ctx,
        request.organization,
        actorOf(request),
        request.body,
      );
      return reply.status(201).send(issued);
    },
  );

  r.post(
    '/api/staff/helpdesk/certificates/:id/activation-code',
    {
      schema: {
        tags: ['staff'],
        summary: 'A new activation code (the old one stops working); shown once',
        params: ZIdParams,
        response: { 200: ZNewActivationCodeResponse, ...errors },
      },
      preHandler: issuers,
    },
    (request) =>
      renewActivationCode(ctx, request.organization, actorOf(request), request.params.id),
  );

  r.post(
    '/api/staff/helpdesk/certificates/import',
    {
      schema: {
        tags: ['staff'],
        summary: 'Import certificates from CSV',
        description:
          'multipart/form-data (field `file`), text/csv, text/plain or JSON `{ csv }`. Header: serial,product,level,valid_from,valid_to,activation_code,customer; `,` or `;`; UTF-8 with or without BOM. Bad rows are reported with line numbers; the others are imported.',
        // nullish: Fastify validates a body no parser filled as null (multipart is read later
        // from `request.parts()`), so `.optional()` refused every file upload.
        body: z.union([z.string(), ZCertificateImportJson]).nullish(),
        response: { 200: ZCertificateImportResponse, ...errors },
      },
      preHandler: issuers,
      bodyLimit: MAX_CSV_BYTES,
    },
    async (request) =>
      importCertificates(
        ctx,
        request.organization,
        actorOf(request),
        await readCsvBody(request),
        localeOf(request),
      ),
  );
}

import {
  normalizeCertificateKey,
  type IssueCertificateRequest,
  type IssueCertificateResponse,
  type MyCertificate,
  type MyCertificatesResponse,
  type RegisterCertificateResponse,
  type StaffCertificate,
  type StaffCertificateListQuery,
  type StaffCertificateListResponse,
} from '../../../shared/contracts/helpdesk-certificates.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { decodePageCursor, nextPageCursor } from '../access/page-cursor.js';
import { recordAudit } from '../access/index.js';
import type { Organization } from '../orgs/index.js';
import { hashActivationCode, newActivationCode } from './certificate-codes.js';
import { certificateStatus, localDate } from './certificate-status.js';
import {
  findCertificateView,
  findSupportLevelByCode,
  listCertificates,
  listUserCertificates,
  replaceActivationCode,
  type CertificateView,
} from './certificates.repo.js';
import { certificates } from './helpdesk.schema.js';
import { ensureHelpdeskDefaults } from './helpdesk-defaults.js';

/** Someone acting from the staff console or the CLI (null id: the operator's CLI). */
export interface CertificateActor {
  id: string | null;
  ip?: string | null;
}

function levelOf(view: CertificateView) {
  const { level } = view;
  return {
    id: level.id,
    code: level.code,
    nameRu: level.nameRu,
    nameEn: level.nameEn,
    priority: level.priority,
  };
}

/** The customer's view of a registered certificate. */
export function presentMyCertificate(view: CertificateView, today: string): MyCertificate {
  const { certificate } = view;
  return {
    id: certificate.id,
    serial: certificate.serial,
    product: certificate.product,
    level: levelOf(view),
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
    ...certificateStatus(certificate.validFrom, certificate.validTo, today),
    customerName: certificate.customerName,
    registeredAt: (certificate.registeredAt ?? certificate.createdAt).toISOString(),
  };
}

function presentStaffCertificate(view: CertificateView, today: string): StaffCertificate {
  const { certificate, owner } = view;
  return {
    id: certificate.id,
    serial: certificate.serial,
    product: certificate.product,
    level: levelOf(view),
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
    ...certificateStatus(certificate.validFrom, certificate.validTo, today),
    customerName: certificate.customerName,
    registeredTo: owner?.id ? owner : null,
    registeredAt: certificate.registeredAt?.toISOString() ?? null,
    expiryReminderSentAt: certificate.expiryReminderSentAt?.toISOString() ?? null,
    failedRegistrations: certificate.failedRegistrations,
    createdAt: certificate.createdAt.toISOString(),
  };
}

// Valid and expiring ones first, then not yet valid, then expired; latest end first within.
const STATUS_ORDER = { expiring_soon: 0, valid: 0, not_yet_valid: 1, expired: 2 } as const;

/** «Мои сертификаты»: statuses computed on today's date in the organization's time zone. */
export async function listMyCertificates(
  ctx: AppContext,
  organization: Organization,
  userId: string,
  now = new Date(),
): Promise<MyCertificatesResponse> {
  const today = localDate(now, organization.timezone);
  const rows = await listUserCertificates(ctx.db, organization.id, userId);
  const presented = rows.map((row) => presentMyCertificate(row, today));
  presented.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
  return { certificates: presented, timeZone: organization.timezone };
}

/** Staff list with computed statuses; `q` matches a serial prefix, product, customer or owner. */
export async function listStaffCertificates(
  ctx: AppContext,
  organization: Organization,
  query: StaffCertificateListQuery,
  now = new Date(),
): Promise<StaffCertificateListResponse> {
  const today = localDate(now, organization.timezone);
  const text = query.q?.trim() ? query.q.trim() : null;
  const rows = await listCertificates(ctx.db, organization.id, {
    text,
    serialPrefix: text ? normalizeCertificateKey(text) || null : null,
    status: query.status,
    registered: query.registered,
    levelCode: query.level,
    today,
    after: query.cursor ? decodePageCursor(query.cursor) : null,
    limit: query.limit,
  });
  return {
    certificates: rows.map((row) => presentStaffCertificate(row, today)),
    nextCursor: nextPageCursor(
      rows.map((row) => ({ cursorTime: row.cursorTime, id: row.certificate.id })),
      query.limit,
    ),
  };
}

/** The level a certificate names, by code; `validation_failed` on `field` when unknown. */
export async function requireSupportLevel(
  ctx: AppContext,
  organizationId: string,
  code: string,
  field = 'level',
) {
  await ensureHelpdeskDefaults(ctx.db, organizationId);
  const level = await findSupportLevelByCode(ctx.db, organizationId, code.trim().toLowerCase());
  if (!level)
    throw new AppError('validation_failed', [
      { path: [field], code: 'unknown_level', level: code },
    ]);
  return level;
}

/** Staff issue one certificate; the activation code is returned here once. */
export async function issueCertificate(
  ctx: AppContext,
  organization: Organization,
  actor: CertificateActor,
  input: IssueCertificateRequest,
  now = new Date(),
): Promise<IssueCertificateResponse> {
  const serial = normalizeCertificateKey(input.serial);
  if (!serial)
    throw new AppError('validation_failed', [{ path: ['serial'], code: 'invalid_serial' }]);
  const level = await requireSupportLevel(ctx, organization.id, input.level);
  const code = input.activationCode
    ? {
        code: normalizeCertificateKey(input.activationCode),
        formatted: input.activationCode.trim(),
      }
    : newActivationCode();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(certificates)
      .values({
        organizationId: organization.id,
        serial,
        product: input.product,
        supportLevelId: level.id,
        validFrom: input.validFrom,
        validTo: input.validTo,
        customerName: input.customerName || null,
        activationCodeHash: hashActivationCode(code.code),
      })
      .onConflictDoNothing()
      .returning({ id: certificates.id });
    if (!row) throw new AppError('certificate_serial_taken');
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: actor.id,
      subjectId: null,
      action: 'certificate.issued',
      details: { serial, level: level.code },
      ip: actor.ip ?? null,
    });
    return row.id;
  });
  const view = await findCertificateView(ctx.db, organization.id, id);
  if (!view) throw new AppError('not_found');
  return {
    certificate: presentStaffCertificate(view, localDate(now, organization.timezone)),
    activationCode: code.formatted,
  };
}

/** A new activation code for a certificate (lost paper): the old one stops working. */
export async function renewActivationCode(
  ctx: AppContext,
  organization: Organization,
  actor: CertificateActor,
  id: string,
  now = new Date(),
): Promise<IssueCertificateResponse> {
  const code = newActivationCode();
  await ctx.db.transaction(async (tx) => {
    const row = await replaceActivationCode(tx, organization.id, id, hashActivationCode(code.code));
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: actor.id,
      subjectId: null,
      action: 'certificate.code_renewed',
      details: { certificateId: id },
      ip: actor.ip ?? null,
    });
  });
  const view = await findCertificateView(ctx.db, organization.id, id);
  if (!view) throw new AppError('not_found');
  return {
    certificate: presentStaffCertificate(view, localDate(now, organization.timezone)),
    activationCode: code.formatted,
  };
}

export type { RegisterCertificateResponse };

import { z } from 'zod';
import { normalizeIdentifier } from '../login.js';

// Support certificates (contracts): staff issue or import them, customers register them with
// the activation code and then file tickets under them.

const ZDateTime = z.iso.datetime({ offset: true });
/** A calendar date `YYYY-MM-DD` in the organization's time zone. */
export const ZCalendarDate = z.iso.date();

// Cyrillic letters that look like Latin ones: a person copying a code from paper often types
// them on a Russian keyboard. Serials and codes are Latin, so map them back.
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
};

/**
 * How serials and activation codes are compared: invisible characters, spaces and dashes
 * removed, upper-case, Cyrillic look-alike letters read as Latin. `kb-2025 0001` and
 * `KB20250001` are the same serial.
 */
export function normalizeCertificateKey(raw: string): string {
  return normalizeIdentifier(raw)
    .toUpperCase()
    .replace(/[\s\-‐-―−_]/g, '')
    .replace(/[АВЕКМНОРСТУХ]/g, (letter) => CYRILLIC_LOOKALIKES[letter] ?? letter);
}

/** Printable form of a generated activation code: `ABCD-EFGH-JKMN`. */
export function formatActivationCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * A certificate's state on a given day in the organization's time zone: `not_yet_valid` before
 * `validFrom`, `expired` after `validTo`, `expiring_soon` within `CERTIFICATE_EXPIRING_DAYS` of
 * the end, else `valid`.
 */
export const CERTIFICATE_STATUSES = ['valid', 'expiring_soon', 'expired', 'not_yet_valid'] as const;
export const ZCertificateStatus = z.enum(CERTIFICATE_STATUSES);
export type CertificateStatus = z.infer<typeof ZCertificateStatus>;

/** Days before the end from which a certificate counts as expiring soon (and the reminder goes). */
export const CERTIFICATE_EXPIRING_DAYS = 30;

export const ZTicketPriorityValue = z.enum(['low', 'normal', 'high', 'urgent']);

/** The support level named on a certificate. */
export const ZCertificateLevel = z.object({
  id: z.uuid(),
  code: z.string(),
  nameRu: z.string(),
  nameEn: z.string(),
  priority: ZTicketPriorityValue,
});

/** One row of «Мои сертификаты». */
export const ZMyCertificate = z.object({
  id: z.uuid(),
  /** Normalized: upper-case, without spaces and dashes. */
  serial: z.string(),
  product: z.string(),
  level: ZCertificateLevel,
  validFrom: ZCalendarDate,
  validTo: ZCalendarDate,
  status: ZCertificateStatus,
  /** Days left until the end, counting today (0 after the end). */
  daysLeft: z.number().int(),
  customerName: z.string().nullable(),
  registeredAt: ZDateTime,
});
export type MyCertificate = z.infer<typeof ZMyCertificate>;

/** GET /api/helpdesk/certificates: the signed-in person's certificates, valid ones first. */
export const ZMyCertificatesResponse = z.object({
  certificates: z.array(ZMyCertificate),
  /** The organization's time zone the statuses were computed in. */
  timeZone: z.string(),
});
export type MyCertificatesResponse = z.infer<typeof ZMyCertificatesResponse>;

/**
 * POST /api/helpdesk/certificates/register. Both fields are normalized (spaces, dashes, case,
 * Cyrillic look-alikes). Errors, checked in this order: 404 `certificate_not_found` (no such
 * serial or a wrong code: the same answer for both), 409 `certificate_expired`, 409
 * `certificate_taken` (registered to another account), 429 `too_many_attempts` (Retry-After).
 * Registering one's own certificate again is 200 with `alreadyRegistered: true`.
 */
export const ZRegisterCertificateRequest = z.object({
  serial: z.string().trim().min(1).max(100),
  activationCode: z.string().trim().min(1).max(100),
});
export type RegisterCertificateRequest = z.infer<typeof ZRegisterCertificateRequest>;

export const ZRegisterCertificateResponse = z.object({
  certificate: ZMyCertificate,
  /** It was already registered to this account (nothing changed). */
  alreadyRegistered: z.boolean(),
});
export type RegisterCertificateResponse = z.infer<typeof ZRegisterCertificateResponse>;

// ---- Staff -----------------------------------------------------------------------------------

/** A certificate as staff see it. */
export const ZStaffCertificate = z.object({
  id: z.uuid(),
  serial: z.string(),
  product: z.string(),
  level: ZCertificateLevel,
  validFrom: ZCalendarDate,
  validTo: ZCalendarDate,
  status: ZCertificateStatus,
  daysLeft: z.number().int(),
  customerName: z.string().nullable(),
  /** The account it is registered to; null while nobody registered it. */
  registeredTo: z
    .object({ id: z.uuid(), displayName: z.string(), email: z.string().nullable() })
    .nullable(),
  registeredAt: ZDateTime.nullable(),
  expiryReminderSentAt: ZDateTime.nullable(),
  /** Wrong activation codes tried with this serial (registration locks after 5). */
  failedRegistrations: z.number().int(),
  createdAt: ZDateTime,
});
export type StaffCertificate = z.infer<typeof ZStaffCertificate>;

/**
 * GET /api/staff/helpdesk/certificates: newest first, keyset-paginated. `q` matches the serial
 * (normalized prefix), the product or the customer name; `status` filters by the computed state
 * on today's date in the organization's time zone.
 */
export const ZStaffCertificateListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: ZCertificateStatus.optional(),
  /** `yes`: registered to someone; `no`: not registered yet. */
  registered: z.enum(['yes', 'no']).optional(),
  /** Support level code. */
  level: z.string().trim().max(50).optional(),
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type StaffCertificateListQuery = z.infer<typeof ZStaffCertificateListQuery>;

export const ZStaffCertificateListResponse = z.object({
  certificates: z.array(ZStaffCertificate),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type StaffCertificateListResponse = z.infer<typeof ZStaffCertificateListResponse>;

/**
 * POST /api/staff/helpdesk/certificates: issue one. Without `activationCode` the server
 * generates one (12 characters from the look-alike-free alphabet). 409 `certificate_serial_taken`
 * when the serial exists; 400 `validation_failed` for an unknown level or reversed dates.
 */
export const ZIssueCertificateRequest = z
  .object({
    serial: z.string().trim().min(1).max(64),
    product: z.string().trim().min(1).max(200),
    /** Support level code (`basic`, `standard`, `premium`, …). */
    level: z.string().trim().min(1).max(50),
    validFrom: ZCalendarDate,
    validTo: ZCalendarDate,
    customerName: z.string().trim().max(300).optional(),
    activationCode: z.string().trim().min(6).max(64).optional(),
  })
  .refine((value) => value.validFrom <= value.validTo, {
    path: ['validTo'],
    message: 'The end date is before the start date',
  });
export type IssueCertificateRequest = z.infer<typeof ZIssueCertificateRequest>;

/** 201 of the issue: the activation code is shown here once and never again. */
export const ZIssueCertificateResponse = z.object({
  certificate: ZStaffCertificate,
  /** Formatted `ABCD-EFGH-JKMN`; stored only as a SHA-256 hash. */
  activationCode: z.string(),
});
export type IssueCertificateResponse = z.infer<typeof ZIssueCertificateResponse>;

/** POST /api/staff/helpdesk/certificates/{id}/activation-code: a new code (old one stops working). */
export const ZNewActivationCodeResponse = ZIssueCertificateResponse;

/**
 * Why a CSV row was not imported: `missing_field` (`details.field`), `invalid_date`
 * (`details.field`), `dates_reversed`, `unknown_level` (`details.level`), `invalid_serial`,
 * `invalid_activation_code`, `duplicate_in_file` (`details.firstLine`), `column_count`.
 */
export const CERTIFICATE_IMPORT_ROW_ERRORS = [
  'missing_field',
  'invalid_date',
  'dates_reversed',
  'unknown_level',
  'invalid_serial',
  'invalid_activation_code',
  'duplicate_in_file',
  'column_count',
] as const;
export const ZCertificateImportRowError = z.object({
  /** Line number in the file (the header is line 1). */
  line: z.number().int(),
  serial: z.string().nullable(),
  code: z.enum(CERTIFICATE_IMPORT_ROW_ERRORS),
  field: z.string().nullable(),
  /** In the person's language. */
  message: z.string(),
});
export type CertificateImportRowError = z.infer<typeof ZCertificateImportRowError>;

/**
 * POST /api/staff/helpdesk/certificates/import: a CSV with the header
 * `serial,product,level,valid_from,valid_to,activation_code,customer` (UTF-8 with or without BOM,
 * `,` or `;`), sent as `multipart/form-data` (field `file`), `text/csv`, `text/plain`, or JSON
 * `{ csv }`. Valid rows are imported, bad ones reported; re-importing a serial updates it
 * (`updated`) or leaves it (`unchanged`), never duplicates. An empty `activation_code` keeps the
 * existing code, or generates one for a new certificate (returned in `generatedCodes`, once).
 * 400 `certificate_import_unreadable` when the header is missing or wrong.
 */
export const ZCertificateImportJson = z.object({ csv: z.string().min(1).max(20_000_000) });

export const ZCertificateImportResponse = z.object({
  /** Data rows read (the header excluded). */
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ZCertificateImportRowError),
  /** Codes the server generated for new certificates without one: show once, then gone. */
  generatedCodes: z.array(z.object({ serial: z.string(), activationCode: z.string() })),
});
export type CertificateImportResponse = z.infer<typeof ZCertificateImportResponse>;

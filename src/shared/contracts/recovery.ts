import { z } from 'zod';
import { normalizePhone } from '../login.js';
import { ZEmail } from './common.js';

// Account-recovery requests: a person who lost their email or phone asks staff to move the
// account to a new address, with identity documents attached (multipart).

/** Unconfirmed until the new address is confirmed; only confirmed requests reach staff. */
export const RECOVERY_STATUSES = ['unconfirmed', 'pending', 'approved', 'rejected'] as const;
export const ZRecoveryStatus = z.enum(RECOVERY_STATUSES);
export type RecoveryStatus = z.infer<typeof ZRecoveryStatus>;

/** Content types accepted for identity documents (checked by content on the server). */
export const RECOVERY_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The request number people quote: `В-000123` (Cyrillic В, «восстановление»). */
export const formatRecoveryNumber = (value: number) => `В-${String(value).padStart(6, '0')}`;

/**
 * The number as typed: `В-000123`, `в000123`, Latin `B-123` (the look-alike letter) or `123`;
 * null when it is not a request number.
 */
export function parseRecoveryNumber(raw: string): number | null {
  const match = /^(?:[ВвBb]\s*-?\s*)?0*(\d{1,9})$/.exec(raw.trim());
  return match?.[1] ? Number(match[1]) : null;
}

// Multipart sends empty inputs as empty strings; they mean "not given".
const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * How the person confirms the request: a link to the new email, or — when they gave only a
 * new phone — a 6-digit SMS code (`POST /api/recovery-requests/{number}/confirm-phone`). Status
 * changes then go the same way (email, or short SMS).
 */
export const ZRecoveryConfirmationChannel = z.enum(['email', 'sms']);
export type RecoveryConfirmationChannel = z.infer<typeof ZRecoveryConfirmationChannel>;

/**
 * POST /api/recovery-requests, sent as `multipart/form-data`: these text fields, plus up to
 * `RECOVERY_MAX_FILES` files in `documents` (PDF, JPEG or PNG, each at most
 * `RECOVERY_MAX_FILE_MB`).
 */
export const ZRecoveryRequestFields = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    /** The old login (email, phone or personal code) if the person remembers it. */
    knownLogin: optionalText(z.string().trim().max(320)),
    /**
     * The new address: receives the confirmation link and every status email. Optional when a
     * new phone is given (then an SMS code confirms the request and status news go by SMS).
     */
    newEmail: optionalText(ZEmail),
    /** A new phone to put on the account, in any usual notation. */
    newPhone: optionalText(
      z
        .string()
        .max(40)
        .refine((value) => normalizePhone(value) !== null, { message: 'Invalid phone number' }),
    ),
    description: z.string().trim().min(1).max(4000),
    /** The ALTCHA payload (from `GET /api/captcha/challenge`). */
    captcha: optionalText(z.string().max(10_000)),
  })
  // The request needs a way to reach the person: a new email, a new phone, or both.
  .refine((fields) => fields.newEmail !== undefined || fields.newPhone !== undefined, {
    path: ['newEmail'],
    message: 'Give a new email or a new phone',
  });
export type RecoveryRequestFields = z.infer<typeof ZRecoveryRequestFields>;

/** 201 of POST /api/recovery-requests. Show `statusUrl` to the person: it is their only key. */
export const ZRecoverySubmitResponse = z.object({
  number: z.string().meta({ example: 'В-000123' }),
  /** Secret for the status page and for resending the confirmation; stored only hashed. */
  statusSecret: z.string(),
  statusUrl: z.string(),
  confirmationExpiresAt: z.iso.datetime({ offset: true }),
  /** `sms`: ask for the code sent to the new phone; `email`: tell them to open the link. */
  confirmationChannel: ZRecoveryConfirmationChannel,
});

export const ZRecoveryNumberParams = z.object({
  number: z
    .string()
    .max(20)
    .refine((value) => parseRecoveryNumber(value) !== null, { message: 'Not a request number' }),
});
export const ZRecoverySecretQuery = z.object({ secret: z.string().min(1).max(200) });
export const ZRecoverySecretBody = z.object({ secret: z.string().min(1).max(200) });

/** What the person sees on the status page. */
export const ZRecoveryPublicStatus = z.object({
  number: z.string(),
  status: ZRecoveryStatus,
  createdAt: z.iso.datetime({ offset: true }),
  confirmedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The confirmation link expired unused: offer «Отправить ссылку ещё раз». */
  confirmationExpired: z.boolean(),
  /** How an unconfirmed request is confirmed: the email link, or a code sent by SMS. */
  confirmationChannel: ZRecoveryConfirmationChannel,
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  rejectReason: z.string().nullable(),
});
export type RecoveryPublicStatus = z.infer<typeof ZRecoveryPublicStatus>;

/** POST /api/recovery-requests/confirm: the link from the confirmation email. */
export const ZRecoveryConfirmRequest = z.object({ token: z.string().min(1).max(200) });

/**
 * POST /api/recovery-requests/{number}/confirm-phone: the 6-digit code sent by SMS to the new
 * phone of a request that has no new email. 400 `code_invalid` (details.triesLeft), 410
 * `code_expired` (expired, used, replaced or out of tries: resend for a new one).
 */
export const ZRecoveryConfirmPhoneRequest = z.object({
  secret: z.string().min(1).max(200),
  code: z.string().regex(/^\d{6}$/),
});

/** 202 of POST /api/recovery-requests/{number}/resend-confirmation (a new link, or a new SMS code). */
export const ZRecoveryResendResponse = z.object({
  confirmationExpiresAt: z.iso.datetime({ offset: true }),
});

/** GET /api/staff/recovery-requests */
export const ZRecoveryListQuery = z.object({
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZRecoveryRequestSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: ZRecoveryStatus,
  fullName: z.string(),
  knownLogin: z.string().nullable(),
  /** Null when the person gave only a new phone. */
  newEmail: z.string().nullable(),
  newPhone: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  confirmedAt: z.iso.datetime({ offset: true }).nullable(),
  decidedAt: z.iso.datetime({ offset: true }).nullable(),
  documentCount: z.number().int(),
});
export const ZRecoveryListResponse = z.object({ requests: z.array(ZRecoveryRequestSummary) });

export const ZRecoveryDocument = z.object({
  id: z.uuid(),
  /** As uploaded (for display only; never used as a path). */
  fileName: z.string(),
  contentType: z.enum(RECOVERY_DOCUMENT_TYPES),
  sizeBytes: z.number().int(),
  /** Deleted after the retention period; the decision stays. */
  deletedAt: z.iso.datetime({ offset: true }).nullable(),
});

/** An account the old login points to, to help staff pick the right one. */
export const ZRecoveryAccountMatch = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personalCode: z.string().nullable(),
});

export const ZRecoveryRequestDetail = ZRecoveryRequestSummary.extend({
  description: z.string(),
  rejectReason: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** The account the new contact was moved to (approved requests). */
  approvedUserId: z.uuid().nullable(),
  matchedAccount: ZRecoveryAccountMatch.nullable(),
  documents: z.array(ZRecoveryDocument),
});
export type RecoveryRequestDetail = z.infer<typeof ZRecoveryRequestDetail>;

export const ZRecoveryDocumentParams = z.object({ id: z.uuid(), docId: z.uuid() });
export const ZRecoveryApproveRequest = z.object({ userId: z.uuid() });
export const ZRecoveryRejectRequest = z.object({ reason: z.string().trim().min(1).max(2000) });

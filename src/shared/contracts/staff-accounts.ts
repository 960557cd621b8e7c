import { z } from 'zod';
import { normalizePersonalCode, normalizePhone } from '../login.js';
import { ZBlockReasonCode } from './auth.js';
import { ZEmail, ZLocale } from './common.js';
import { ZStaffRole } from './session.js';

const ZDateTime = z.iso.datetime({ offset: true });

/**
 * An account's state as the staff console shows it, most pressing first: `blocked` (a block is
 * in force), `not_opened` (access never opened), `access_ended` (the access period is over),
 * `invited` (opened, but the person has not set a password yet), `active`.
 */
export const ACCOUNT_STATUSES = [
  'active',
  'invited',
  'blocked',
  'access_ended',
  'not_opened',
] as const;
export const ZAccountStatus = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof ZAccountStatus>;

/** Who granted an access period: the person paid, or their employer granted it. */
export const ZAccessGrantedBy = z.enum(['payment', 'employer']);

/** A phone in any usual notation; the server stores it as E.164. */
export const ZPhoneInput = z
  .string()
  .trim()
  .min(5)
  .max(32)
  .refine((value) => normalizePhone(value) !== null, { message: 'Not a phone number' });

/** A personal code typed by staff (spaces and dashes allowed), from the look-alike-free alphabet. */
export const ZPersonalCodeInput = z
  .string()
  .trim()
  .min(8)
  .max(12)
  .refine((value) => normalizePersonalCode(value) !== null, { message: 'Not a personal code' });

/** Sessions one account may hold at once; null: the organization's limit. */
export const ZSessionLimit = z.number().int().min(1).max(100).nullable();

/** A person named in a list (the staff member who set a block, the actor of an audit entry). */
export const ZPersonRef = z.object({ id: z.uuid(), displayName: z.string() }).nullable();

/** A block as staff see it. */
export const ZStaffBlock = z.object({
  id: z.uuid(),
  reason: ZBlockReasonCode,
  startsAt: ZDateTime,
  /** Null: until lifted by staff. */
  endsAt: ZDateTime.nullable(),
  note: z.string().nullable(),
  createdBy: ZPersonRef,
  createdAt: ZDateTime,
  liftedAt: ZDateTime.nullable(),
  liftedBy: ZPersonRef,
  /** In force now (not lifted, started, not ended). */
  active: z.boolean(),
});
export type StaffBlock = z.infer<typeof ZStaffBlock>;

/** One row of the account list. */
export const ZStaffAccountSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** Stored without the dash; show it as `ABCD-EFGH`. */
  personalCode: z.string().nullable(),
  staffRole: ZStaffRole.nullable(),
  locale: ZLocale,
  status: ZAccountStatus,
  /** The person has set a password (through an invitation, an access sheet or a reset). */
  activated: z.boolean(),
  accessOpenedAt: ZDateTime.nullable(),
  /** End of the access period; null: no end. */
  accessValidUntil: ZDateTime.nullable(),
  accessGrantedBy: ZAccessGrantedBy,
  sessionLimit: ZSessionLimit,
  lastSignInAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  /** Blocks in force now. */
  activeBlocks: z.array(
    z.object({ id: z.uuid(), reason: ZBlockReasonCode, endsAt: ZDateTime.nullable() }),
  ),
});
export type StaffAccountSummary = z.infer<typeof ZStaffAccountSummary>;

/** GET /api/staff/accounts — newest first, keyset-paginated by `cursor`. */
export const ZStaffAccountListQuery = z.object({
  /** An email, phone or personal code finds that account exactly; other text searches names. */
  query: z.string().trim().max(200).optional(),
  status: ZAccountStatus.optional(),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type StaffAccountListQuery = z.infer<typeof ZStaffAccountListQuery>;
export const ZStaffAccountListResponse = z.object({
  accounts: z.array(ZStaffAccountSummary),
  nextCursor: z.string().nullable(),
});
export type StaffAccountListResponse = z.infer<typeof ZStaffAccountListResponse>;

/** A live session of the account. */
export const ZStaffSessionInfo = z.object({
  id: z.uuid(),
  /** "Chrome 131 · Windows 10", from the user agent. */
  device: z.string(),
  ip: z.string().nullable(),
  signedInAt: ZDateTime,
  lastActiveAt: ZDateTime,
});

/** One sign-in attempt of the account. */
export const ZSignInEventInfo = z.object({
  id: z.uuid(),
  /** `success`, `invalid_credentials`, `account_blocked`, `too_many_attempts`, `session_limit_reached`. */
  result: z.string(),
  ip: z.string().nullable(),
  device: z.string(),
  at: ZDateTime,
});

/** One entry of the security audit log. */
export const ZAuditEntry = z.object({
  id: z.uuid(),
  /** Stable dotted name: `account.opened`, `block.set`, `block.changed`, `block.lifted`, `access_period.changed`, `invitation.sent`, `sessions.revoked`, … */
  action: z.string(),
  /** Null: the system or the person themselves. */
  actor: ZPersonRef,
  subject: ZPersonRef,
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  createdAt: ZDateTime,
});
export type AuditEntry = z.infer<typeof ZAuditEntry>;

/** GET /api/staff/accounts/{id} */
export const ZStaffAccountDetail = z.object({
  account: ZStaffAccountSummary,
  /** Every block, newest first (at most 100). */
  blocks: z.array(ZStaffBlock),
  sessions: z.array(ZStaffSessionInfo),
  /** The last 20 sign-in attempts. */
  signIns: z.array(ZSignInEventInfo),
  /** The last 20 audit entries about this account. */
  audit: z.array(ZAuditEntry),
});
export type StaffAccountDetail = z.infer<typeof ZStaffAccountDetail>;

/** POST /api/staff/accounts — create an account, or open access for the existing one with this email or phone. */
export const ZOpenAccessRequest = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    email: ZEmail.optional(),
    phone: ZPhoneInput.optional(),
    /** A code the organization already uses (e.g. a student number from its alphabet). */
    personalCode: ZPersonalCodeInput.optional(),
    /** Generate a personal code (ignored when `personalCode` is given or the account has one). */
    generatePersonalCode: z.boolean().default(false),
    accessValidUntil: ZDateTime.nullable().optional(),
    accessGrantedBy: ZAccessGrantedBy.optional(),
    sessionLimit: ZSessionLimit.optional(),
    /** Language of the invitation and the account; the organization's by default. */
    locale: ZLocale.optional(),
    /** Also issue a one-time activation code for a printed access sheet. */
    accessSheet: z.boolean().default(false),
  })
  .refine((body) => body.email !== undefined || body.phone !== undefined, {
    message: 'Give an email or a phone',
    path: ['email'],
  });
export type OpenAccessRequest = z.input<typeof ZOpenAccessRequest>;

/** What a printed access sheet shows; returned once, since only hashes are stored. */
export const ZAccessSheet = z.object({
  organizationName: z.string(),
  displayName: z.string(),
  /** The login to type: the personal code (as `ABCD-EFGH`), else the email or phone. */
  login: z.string(),
  personalCode: z.string().nullable(),
  /** One-time code typed on the activation page instead of following a link. */
  activationCode: z.string(),
  /** The activation page where the code is typed. */
  activationUrl: z.string(),
  expiresAt: ZDateTime,
});
export type AccessSheet = z.infer<typeof ZAccessSheet>;

/** The invitation email written to the outbox (its delivery status is in the outbox). */
export const ZInvitationInfo = z.object({
  outboxId: z.uuid(),
  sentTo: z.string(),
  /** When the activation link stops working. */
  expiresAt: ZDateTime,
});

export const ZOpenAccessResponse = z.object({
  account: ZStaffAccountSummary,
  /** False when access was opened for an account that already existed. */
  created: z.boolean(),
  /** Null when the account has no email (hand over an access sheet instead). */
  invitation: ZInvitationInfo.nullable(),
  /** The single-use activation link, shown once (to pass on by other means); null when the person has a password already. */
  activationLink: z.string().nullable(),
  accessSheet: ZAccessSheet.nullable(),
});
export type OpenAccessResponse = z.infer<typeof ZOpenAccessResponse>;

/** PATCH /api/staff/accounts/{id} — omitted fields stay as they are. */
export const ZUpdateAccountRequest = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  /** Extend or shorten the access period; null: no end. */
  accessValidUntil: ZDateTime.nullable().optional(),
  /** End the access period now (wins over `accessValidUntil`). */
  endAccessNow: z.boolean().optional(),
  accessGrantedBy: ZAccessGrantedBy.optional(),
  sessionLimit: ZSessionLimit.optional(),
});
export type UpdateAccountRequest = z.infer<typeof ZUpdateAccountRequest>;

/** POST /api/staff/accounts/{id}/invitation */
export const ZResendInvitationResponse = z.object({
  invitation: ZInvitationInfo,
  activationLink: z.string(),
});

/** POST /api/staff/accounts/{id}/access-sheet — a fresh code; older unused codes stop working. */
export const ZAccessSheetResponse = z.object({ accessSheet: ZAccessSheet });

/** POST /api/staff/accounts/{id}/sessions/revoke */
export const ZRevokeSessionsResponse = z.object({ ended: z.number().int() });

/** POST /api/staff/accounts/{id}/blocks */
export const ZSetBlockRequest = z.object({
  reason: ZBlockReasonCode,
  /** Null or omitted: until lifted. Must be in the future. */
  endsAt: ZDateTime.nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type SetBlockRequest = z.infer<typeof ZSetBlockRequest>;

/** PATCH /api/staff/accounts/{id}/blocks/{blockId} — shorten or extend. */
export const ZChangeBlockRequest = z.object({
  /** Null: until lifted. Must be in the future (lift it to end it now). */
  endsAt: ZDateTime.nullable(),
});

/** DELETE /api/staff/accounts/{id}/blocks/{blockId}?note= — the note goes to the audit log. */
export const ZLiftBlockQuery = z.object({ note: z.string().trim().max(1000).optional() });

export const ZBlockResponse = z.object({ block: ZStaffBlock });

export const ZAccountBlockParams = z.object({ id: z.uuid(), blockId: z.uuid() });

/** GET /api/staff/audit — newest first; the whole organization, or one account. */
export const ZAuditListQuery = z.object({
  subjectId: z.uuid().optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const ZAuditListResponse = z.object({
  entries: z.array(ZAuditEntry),
  nextCursor: z.string().nullable(),
});
export type AuditListResponse = z.infer<typeof ZAuditListResponse>;

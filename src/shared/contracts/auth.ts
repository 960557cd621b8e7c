import { z } from 'zod';
import { BLOCK_REASON_CODES } from '../block-reasons.js';
import { ZLocale } from './common.js';
import { ZStaffRole } from './session.js';

/** Email, phone or personal code, as typed (the server normalizes it). */
export const ZLogin = z.string().min(1).max(320);
/** A password as typed: never trimmed; NFKC on the server. */
export const ZPassword = z.string().min(1).max(1024);

export const ZBlockReasonCode = z.enum(BLOCK_REASON_CODES);

/** The signed-in person, as the person sees their own account. */
export const ZAccount = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personalCode: z.string().nullable(),
  staffRole: ZStaffRole.nullable(),
  locale: ZLocale,
  accessValidUntil: z.iso.datetime({ offset: true }).nullable(),
});
export type Account = z.infer<typeof ZAccount>;

/** One signed-in device. */
export const ZSessionInfo = z.object({
  id: z.uuid(),
  /** "Chrome 131 · Windows 10", from the user agent. */
  device: z.string(),
  ip: z.string().nullable(),
  signedInAt: z.iso.datetime({ offset: true }),
  lastActiveAt: z.iso.datetime({ offset: true }),
  /** This is the device making the request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof ZSessionInfo>;

export const ZOrganizationPublic = z.object({
  id: z.uuid(),
  name: z.string(),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable(),
  selfRegistration: z.boolean(),
  passwordMinLength: z.number().int(),
  passwordMaxLength: z.number().int(),
  /** IANA time zone in which the organization's dates (block ends, access periods) are shown. */
  timezone: z.string(),
});

/** POST /api/auth/sign-in */
export const ZSignInRequest = z.object({
  login: ZLogin,
  password: ZPassword,
  /** "Remember me": a long idle timeout. */
  remember: z.boolean().default(false),
  /** End the other sessions when the session limit is reached, then sign in. */
  signOutOtherDevices: z.boolean().default(false),
  /** ALTCHA payload, required after repeated failures from one address. */
  captcha: z.string().max(10_000).optional(),
});
export type SignInRequest = z.infer<typeof ZSignInRequest>;

export const ZSignInResponse = z.object({
  organization: ZOrganizationPublic,
  account: ZAccount,
  session: ZSessionInfo,
});
export type SignInResponse = z.infer<typeof ZSignInResponse>;

/** GET /api/auth/session */
export const ZAuthSessionResponse = z.object({
  organization: ZOrganizationPublic,
  account: ZAccount.nullable(),
  session: ZSessionInfo.nullable(),
});
export type AuthSessionResponse = z.infer<typeof ZAuthSessionResponse>;

/** GET /api/auth/sessions */
export const ZSessionsResponse = z.object({ sessions: z.array(ZSessionInfo) });

/** `details` of 403 `account_blocked`. */
export const ZAccountBlockedDetails = z.object({
  reasons: z.array(
    z.object({ code: ZBlockReasonCode, until: z.iso.datetime({ offset: true }).nullable() }),
  ),
  /** The login to quote to support. */
  login: z.string(),
  support: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
});
export type AccountBlockedDetails = z.infer<typeof ZAccountBlockedDetails>;

/** `details` of 409 `session_limit_reached`. */
export const ZSessionLimitDetails = z.object({
  limit: z.number().int(),
  sessions: z.array(ZSessionInfo),
});
export type SessionLimitDetails = z.infer<typeof ZSessionLimitDetails>;

/** Rules a new password can break (`details.problems` of `password_rejected`). */
export const PASSWORD_PROBLEMS = [
  'too_short',
  'too_long',
  'surrounding_whitespace',
  'invisible_characters',
  'too_common',
  'contains_login',
] as const;
export const ZPasswordProblem = z.enum(PASSWORD_PROBLEMS);
export type PasswordProblem = z.infer<typeof ZPasswordProblem>;

/** POST /api/auth/password-check — live feedback while a new password is typed. */
export const ZPasswordCheckRequest = z.object({
  password: ZPassword,
  login: z.string().max(320).optional(),
});
export const ZPasswordCheckResponse = z.object({
  ok: z.boolean(),
  problems: z.array(ZPasswordProblem),
});

/** POST /api/auth/activate — an invitation link (or access-sheet code) becomes the person's own password. */
export const ZActivateRequest = z.object({
  /** The token from the invitation link, or the one-time activation code from the access sheet. */
  token: z.string().min(6).max(200),
  newPassword: ZPassword,
});
/** GET /api/auth/activate/{token} — is the link valid, and for whom. */
export const ZActivationStatusResponse = z.object({ displayName: z.string(), login: z.string() });

/** POST /api/auth/password-reset/request — 202 whatever happens. */
export const ZPasswordResetRequest = z.object({
  login: ZLogin,
  captcha: z.string().max(10_000).optional(),
});
export const ZAcceptedResponse = z.object({ accepted: z.literal(true) });

/** POST /api/auth/password-reset/confirm — by email link or by SMS code. */
export const ZPasswordResetConfirm = z.union([
  z.object({ token: z.string().min(16).max(200), newPassword: ZPassword }),
  z.object({
    phone: z.string().min(5).max(32),
    code: z.string().regex(/^\d{6}$/),
    newPassword: ZPassword,
  }),
]);
/** GET /api/auth/password-reset/{token} — is the link still valid. */
export const ZResetLinkStatusResponse = z.object({ login: z.string() });

export const ZTokenParams = z.object({ token: z.string().min(6).max(200) });

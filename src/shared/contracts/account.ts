import { z } from 'zod';
import { ZPassword } from './auth.js';
import { ZEmail, ZLocale } from './common.js';

// The signed-in person's own profile and settings (`/api/account/*`), and self-registration.

/** POST /api/account/password — change one's password (re-authentication by the current one). */
export const ZChangePasswordRequest = z.object({
  currentPassword: ZPassword,
  newPassword: ZPassword,
  /** End every other session of the account (this device stays signed in). Ticked by default. */
  signOutOtherDevices: z.boolean().default(true),
});
export type ChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
export const ZChangePasswordResponse = z.object({
  /** How many other devices were signed out. */
  signedOutSessions: z.number().int(),
});

/** POST /api/account/email — ask to change the sign-in email; a link goes to the new address. */
export const ZChangeEmailRequest = z.object({ currentPassword: ZPassword, newEmail: ZEmail });
export type ChangeEmailRequest = z.infer<typeof ZChangeEmailRequest>;

/** 202 answer of requests whose result arrives by email or SMS. */
export const ZSentResponse = z.object({
  /** Where the link or code went (the address or number the person typed, normalized). */
  sentTo: z.string(),
});

/** POST /api/account/email/confirm — the link from the email to the new address (no sign-in needed). */
export const ZConfirmTokenRequest = z.object({ token: z.string().min(16).max(200) });
export const ZEmailChangedResponse = z.object({ email: z.string() });

/** POST /api/account/phone — ask to change the phone; a 6-digit code goes to the new number by SMS. */
export const ZChangePhoneRequest = z.object({
  currentPassword: ZPassword,
  /** Any usual notation: +7 999 123-45-67, 8 (999) 123 45 67… */
  newPhone: z.string().min(5).max(32),
});
export type ChangePhoneRequest = z.infer<typeof ZChangePhoneRequest>;

/** POST /api/account/phone/confirm — the code from the SMS. */
export const ZConfirmPhoneRequest = z.object({
  phone: z.string().min(5).max(32),
  code: z.string().regex(/^\d{6}$/),
});
export type ConfirmPhoneRequest = z.infer<typeof ZConfirmPhoneRequest>;
export const ZPhoneChangedResponse = z.object({ phone: z.string() });

/** PUT /api/account/locale — the language of the interface and of emails. */
export const ZLocaleRequest = z.object({ locale: ZLocale });
export const ZLocaleResponse = z.object({ locale: ZLocale });

/** GET /api/account/sign-ins — the account's sign-in history, newest first. */
export const ZSignInHistoryQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZSignInHistoryEntry = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  /** `success`, `invalid_credentials`, `account_blocked`, `too_many_attempts`, `session_limit_reached`. */
  result: z.string(),
  ip: z.string().nullable(),
  /** "Chrome 131 · Windows 10", from the user agent. */
  device: z.string(),
});
export type SignInHistoryEntry = z.infer<typeof ZSignInHistoryEntry>;
export const ZSignInHistoryResponse = z.object({ events: z.array(ZSignInHistoryEntry) });

/** POST /api/auth/register — self-registration, when the organization allows it (202 always). */
export const ZRegisterRequest = z.object({
  displayName: z.string().trim().min(1).max(200),
  email: ZEmail,
  password: ZPassword,
  /** ALTCHA payload. */
  captcha: z.string().max(10_000).optional(),
});
export type RegisterRequest = z.infer<typeof ZRegisterRequest>;

/**
 * Answer of POST /api/auth/register/confirm and POST /api/auth/activate: the login to sign in
 * with next (no session is started).
 */
export const ZLoginResponse = z.object({ login: z.string() });

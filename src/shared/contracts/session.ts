import { z } from 'zod';
import { ZEmail, ZLocale } from './common.js';

export const STAFF_ROLES = ['owner', 'admin', 'manager', 'support_agent', 'teacher'] as const;
export const ZStaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof ZStaffRole>;

export const ZSessionUser = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  displayName: z.string(),
  /** Null for customers (parents, students, clients). */
  staffRole: ZStaffRole.nullable(),
  locale: ZLocale,
});
export type SessionUser = z.infer<typeof ZSessionUser>;

/** GET /api/session — who is signed in, in which organization. */
export const ZSessionResponse = z.object({
  organization: z.object({ id: z.uuid(), name: z.string() }),
  user: ZSessionUser.nullable(),
});
export type SessionResponse = z.infer<typeof ZSessionResponse>;

/** GET /api/setup/:token — is this first-administrator link still valid. */
export const ZSetupStatusResponse = z.object({
  organization: z.object({ name: z.string() }),
});

/** POST /api/setup/:token — create the first administrator (owner) and sign in. */
export const ZSetupRequest = z.object({
  displayName: z.string().trim().min(1).max(200),
  email: ZEmail,
  /** Checked against the password policy (`password_rejected` with `details.problems`). */
  password: z.string().min(1).max(1024),
});
export type SetupRequest = z.infer<typeof ZSetupRequest>;
export const ZSetupTokenParams = z.object({ token: z.string().min(16).max(200) });

import { z } from 'zod';
import { ZEmail } from './common.js';

/** The organization's access settings (GET/PATCH /api/staff/organization/settings). */
export const ZOrganizationSettings = z.object({
  /** Sessions one account may hold at once; null: unlimited (accounts may override). */
  sessionLimit: z.number().int().min(1).max(100).nullable(),
  /** Block customer accounts with no sign-in for this many days; null: never. */
  inactivityBlockDays: z.number().int().min(7).max(3650).nullable(),
  /** Warn a person by email this many days before their access period ends; 0: no warning. */
  accessWarningDays: z.number().int().min(0).max(90),
  /** People may create their own accounts (email verification and captcha). */
  selfRegistration: z.boolean(),
  /** Minimum length of a new password (NIST SP 800-63B: at least 8). */
  passwordMinLength: z.number().int().min(8).max(64),
  /** How people reach support; shown on the blocked screen. */
  supportEmail: ZEmail.nullable(),
  supportPhone: z.string().trim().min(3).max(50).nullable(),
});
export type OrganizationSettings = z.infer<typeof ZOrganizationSettings>;

/** PATCH: omitted fields stay as they are. */
export const ZUpdateOrganizationSettings = ZOrganizationSettings.partial();
export type UpdateOrganizationSettings = z.infer<typeof ZUpdateOrganizationSettings>;

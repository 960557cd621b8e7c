import type {
  OrganizationSettings,
  UpdateOrganizationSettings,
} from '../../../shared/contracts/org-settings.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { findOrganizationById, type Organization } from './orgs.repo.js';
import { invalidateOrganizationDirectory } from './orgs.service.js';
import { updateOrganizationSettings } from './settings.repo.js';

/** The settings part of an organization row. */
export function toOrganizationSettings(organization: Organization): OrganizationSettings {
  return {
    sessionLimit: organization.sessionLimit,
    inactivityBlockDays: organization.inactivityBlockDays,
    accessWarningDays: organization.accessWarningDays,
    selfRegistration: organization.selfRegistration,
    passwordMinLength: organization.passwordMinLength,
    supportEmail: organization.supportEmail,
    supportPhone: organization.supportPhone,
  };
}

/** The organization's access settings, read fresh (the host directory may be 30 s old). */
export async function getOrganizationSettings(ctx: AppContext, organizationId: string) {
  const organization = await findOrganizationById(ctx.db, organizationId);
  if (!organization) throw new AppError('not_found');
  return toOrganizationSettings(organization);
}

/**
 * Changes the access settings; omitted fields stay. This process sees the change at once;
 * other instances within the host directory's reload interval (30 s).
 */
export async function changeOrganizationSettings(
  ctx: AppContext,
  organizationId: string,
  change: UpdateOrganizationSettings,
) {
  const { supportEmail, ...rest } = change;
  const updated = await updateOrganizationSettings(ctx.db, organizationId, {
    ...rest,
    ...(supportEmail !== undefined
      ? { supportEmail: supportEmail === null ? null : normalizeEmail(supportEmail) }
      : {}),
  });
  if (!updated) throw new AppError('not_found');
  invalidateOrganizationDirectory();
  return toOrganizationSettings(updated);
}

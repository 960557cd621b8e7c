import type {
  OrganizationSettings,
  UpdateOrganizationSettings,
} from '../../../shared/contracts/org-settings.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { AppError } from '../../infra/app-error.js';
import type { AppContext } from '../../infra/context.js';
import { recordAudit } from '../access/index.js';
import { findOrganizationById, type Organization } from './orgs.repo.js';
import { invalidateOrganizationDirectory } from './orgs.service.js';
import { lockOrganization, updateOrganizationSettings } from './settings.repo.js';

/** The staff member changing the settings, and from where (for the audit log). */
export interface SettingsActor {
  id: string;
  ip: string;
}

/** Each setting `change` gives a new value for, with the value it replaces. */
export function changedSettings(
  before: OrganizationSettings,
  change: Partial<OrganizationSettings>,
): Partial<Record<keyof OrganizationSettings, { from: unknown; to: unknown }>> {
  const changes: Partial<Record<keyof OrganizationSettings, { from: unknown; to: unknown }>> = {};
  for (const key of Object.keys(change) as (keyof OrganizationSettings)[]) {
    const to = change[key];
    if (to !== undefined && to !== before[key]) changes[key] = { from: before[key], to };
  }
  return changes;
}

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
 * Changes the access settings; omitted fields stay. The security audit log gets one
 * `organization.settings_changed` entry (no subject: it concerns the whole organization) with
 * each changed field's old and new value, in the same transaction; a change that changes
 * nothing records nothing. This process sees the change at once; other instances within the
 * host directory's reload interval (30 s).
 */
export async function changeOrganizationSettings(
  ctx: AppContext,
  organizationId: string,
  change: UpdateOrganizationSettings,
  actor: SettingsActor,
) {
  const { supportEmail, ...rest } = change;
  const next = {
    ...rest,
    ...(supportEmail !== undefined
      ? { supportEmail: supportEmail === null ? null : normalizeEmail(supportEmail) }
      : {}),
  };
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await lockOrganization(tx, organizationId);
    if (!before) throw new AppError('not_found');
    const changes = changedSettings(toOrganizationSettings(before), next);
    // An empty PATCH (or one repeating the current values) writes nothing.
    if (Object.keys(changes).length === 0) return before;
    const row = await updateOrganizationSettings(tx, organizationId, next);
    if (!row) throw new AppError('not_found');
    await recordAudit(tx, {
      organizationId,
      actorId: actor.id,
      subjectId: null,
      action: 'organization.settings_changed',
      details: { changes },
      ip: actor.ip,
    });
    return row;
  });
  invalidateOrganizationDirectory();
  return toOrganizationSettings(updated);
}

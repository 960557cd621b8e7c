import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { organizations } from './orgs.schema.js';

/** The settings columns staff may change. */
export type OrganizationSettingsRow = Pick<
  typeof organizations.$inferSelect,
  | 'sessionLimit'
  | 'inactivityBlockDays'
  | 'accessWarningDays'
  | 'selfRegistration'
  | 'passwordMinLength'
  | 'supportEmail'
  | 'supportPhone'
>;

export async function updateOrganizationSettings(
  db: DbOrTx,
  organizationId: string,
  change: Partial<OrganizationSettingsRow>,
) {
  const [row] = await db
    .update(organizations)
    .set(change)
    .where(eq(organizations.id, organizationId))
    .returning();
  return row ?? null;
}

/**
 * The organization row, locked until the transaction ends: two concurrent changes of the
 * settings then audit the values each one really replaced.
 */
export async function lockOrganization(tx: DbOrTx, organizationId: string) {
  const [row] = await tx
    .select()
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for('update');
  return row ?? null;
}

/** Sets the organization's IANA time zone (working-day calendar, dates in emails). */
export async function updateOrganizationTimeZone(
  db: DbOrTx,
  organizationId: string,
  timeZone: string,
) {
  await db
    .update(organizations)
    .set({ timezone: timeZone })
    .where(eq(organizations.id, organizationId));
}

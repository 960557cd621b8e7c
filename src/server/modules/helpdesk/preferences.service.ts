import type { HelpdeskPreferences } from '../../../shared/contracts/helpdesk-tickets.js';
import type { DbOrTx } from '../../infra/db.js';
import { readHelpdeskPreferences } from './helpdesk-mails.js';
import { helpdeskPreferences } from './helpdesk.schema.js';

/** The person's help-desk email choices (every email on by default). */
export function getHelpdeskPreferences(db: DbOrTx, userId: string): Promise<HelpdeskPreferences> {
  return readHelpdeskPreferences(db, userId);
}

/** Saves the choices (one row per person, upserted). */
export async function saveHelpdeskPreferences(
  db: DbOrTx,
  options: { organizationId: string; userId: string; preferences: HelpdeskPreferences },
): Promise<HelpdeskPreferences> {
  const values = { ...options.preferences, updatedAt: new Date() };
  await db
    .insert(helpdeskPreferences)
    .values({ userId: options.userId, organizationId: options.organizationId, ...values })
    .onConflictDoUpdate({ target: helpdeskPreferences.userId, set: values });
  return options.preferences;
}

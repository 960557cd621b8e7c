import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db.js';
import { departments, supportLevels } from './helpdesk.schema.js';

const HOUR = 60;

/**
 * The levels every organization starts with: priority and SLA targets in working hours (first
 * response / resolution). Staff may edit them later; the codes stay stable for CSV imports.
 */
export const DEFAULT_SUPPORT_LEVELS = [
  {
    code: 'basic',
    nameRu: 'Базовый',
    nameEn: 'Basic',
    priority: 'normal',
    firstResponseMinutes: 8 * HOUR,
    resolutionMinutes: 40 * HOUR,
  },
  {
    code: 'standard',
    nameRu: 'Стандартный',
    nameEn: 'Standard',
    priority: 'high',
    firstResponseMinutes: 4 * HOUR,
    resolutionMinutes: 16 * HOUR,
  },
  {
    code: 'premium',
    nameRu: 'Премиум',
    nameEn: 'Premium',
    priority: 'urgent',
    firstResponseMinutes: 1 * HOUR,
    resolutionMinutes: 8 * HOUR,
  },
] as const;

// Checked per process so routes can call this on every request for free after the first.
const ensured = new Set<string>();

/**
 * Creates the general department «Базовая поддержка» and the basic/standard/premium support
 * levels when the organization has none yet. Idempotent and safe concurrently: both inserts
 * skip conflicts on their unique indexes. Returns the general department.
 */
export async function ensureHelpdeskDefaults(db: DbOrTx, organizationId: string) {
  if (!ensured.has(organizationId)) {
    await db
      .insert(departments)
      .values({
        organizationId,
        nameRu: 'Базовая поддержка',
        nameEn: 'General support',
        isGeneral: true,
      })
      .onConflictDoNothing({
        target: departments.organizationId,
        where: sql`${departments.isGeneral}`,
      });
    // Only for an organization without levels: one staff removed must not come back.
    const [anyLevel] = await db
      .select({ id: supportLevels.id })
      .from(supportLevels)
      .where(eq(supportLevels.organizationId, organizationId))
      .limit(1);
    if (!anyLevel)
      await db
        .insert(supportLevels)
        .values(DEFAULT_SUPPORT_LEVELS.map((level) => ({ ...level, organizationId })))
        .onConflictDoNothing({ target: [supportLevels.organizationId, supportLevels.code] });
  }
  const [general] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.isGeneral, true)))
    .limit(1);
  if (!general) throw new Error('general department missing');
  ensured.add(organizationId);
  return general;
}

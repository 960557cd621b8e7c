import { eq } from 'drizzle-orm';
import type { ClassesSettings } from '../../../shared/contracts/classes.js';
import type { AppContext } from '../../infra/context.js';
import type { DbOrTx } from '../../infra/db.js';
import { classesSettings } from '../../schema.js';
import { recordAudit } from '../access/index.js';

/** The defaults of docs/classes.md, used until the organization saves its own. */
export const DEFAULT_CLASSES_SETTINGS: ClassesSettings = {
  endingLessonsLeft: 2,
  endingDaysLeft: 7,
  settleDebtsOnSale: true,
};

/** The organization's cabinet thresholds and debt settlement. */
export async function getClassesSettings(
  db: DbOrTx,
  organizationId: string,
): Promise<ClassesSettings> {
  const [row] = await db
    .select()
    .from(classesSettings)
    .where(eq(classesSettings.organizationId, organizationId));
  return row
    ? {
        endingLessonsLeft: row.endingLessonsLeft,
        endingDaysLeft: row.endingDaysLeft,
        settleDebtsOnSale: row.settleDebtsOnSale,
      }
    : DEFAULT_CLASSES_SETTINGS;
}

/** Saves the settings (audited with the previous values). */
export async function saveClassesSettings(
  ctx: AppContext,
  organizationId: string,
  input: ClassesSettings,
  actorId: string | null,
): Promise<ClassesSettings> {
  return ctx.db.transaction(async (tx) => {
    const before = await getClassesSettings(tx, organizationId);
    await tx
      .insert(classesSettings)
      .values({ organizationId, ...input })
      .onConflictDoUpdate({
        target: classesSettings.organizationId,
        set: { ...input, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      organizationId,
      actorId,
      subjectId: null,
      action: 'classes_settings.changed',
      details: { from: before, to: input },
    });
    return getClassesSettings(tx, organizationId);
  });
}

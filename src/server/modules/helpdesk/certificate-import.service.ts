import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CertificateImportResponse } from '../../../shared/contracts/helpdesk-certificates.js';
import type { Locale } from '../../../shared/errors.js';
import type { AppContext } from '../../infra/context.js';
import { recordAudit } from '../access/index.js';
import type { Organization } from '../orgs/index.js';
import { hashActivationCode, newActivationCode } from './certificate-codes.js';
import { readCertificateCsv, rowError } from './certificate-csv.js';
import { listSupportLevels } from './certificates.repo.js';
import type { CertificateActor } from './certificates.service.js';
import { certificates } from './helpdesk.schema.js';
import { ensureHelpdeskDefaults } from './helpdesk-defaults.js';

const CHUNK = 500;

const chunks = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

/**
 * Imports certificates from CSV (see `ZCertificateImportResponse`). Rows with errors are
 * reported and skipped; the others are written in one transaction with set-based upserts on
 * (organization, serial), so a re-import or two concurrent imports never duplicate a serial.
 * A row equal to the stored certificate counts as `unchanged` and is not written.
 */
export async function importCertificates(
  ctx: AppContext,
  organization: Organization,
  actor: CertificateActor,
  csv: string,
  locale: Locale,
): Promise<CertificateImportResponse> {
  const { rows, errors, total } = readCertificateCsv(csv, locale);
  await ensureHelpdeskDefaults(ctx.db, organization.id);
  const levels = await listSupportLevels(ctx.db, organization.id);
  const levelByKey = new Map<string, (typeof levels)[number]>();
  for (const level of levels)
    for (const key of [level.code, level.nameRu, level.nameEn])
      levelByKey.set(key.trim().toLowerCase(), level);

  const existing = new Map<string, typeof certificates.$inferSelect>();
  for (const part of chunks(rows.map((row) => row.serial))) {
    const found = await ctx.db
      .select()
      .from(certificates)
      .where(
        and(eq(certificates.organizationId, organization.id), inArray(certificates.serial, part)),
      );
    for (const certificate of found) existing.set(certificate.serial, certificate);
  }

  const writes: (typeof certificates.$inferInsert)[] = [];
  const generatedCodes: CertificateImportResponse['generatedCodes'] = [];
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const row of rows) {
    const level = levelByKey.get(row.level.toLowerCase());
    if (!level) {
      errors.push(rowError(locale, row.line, row.serial, 'unknown_level', 'level'));
      continue;
    }
    const before = existing.get(row.serial);
    let hash = row.activationCode
      ? hashActivationCode(row.activationCode)
      : before?.activationCodeHash;
    if (!hash) {
      const code = newActivationCode();
      hash = hashActivationCode(code.code);
      generatedCodes.push({ serial: row.serial, activationCode: code.formatted });
    }
    const values = {
      organizationId: organization.id,
      serial: row.serial,
      product: row.product,
      supportLevelId: level.id,
      validFrom: row.validFrom,
      validTo: row.validTo,
      customerName: row.customer,
      activationCodeHash: hash,
    };
    if (!before) created++;
    else if (
      before.product === values.product &&
      before.supportLevelId === values.supportLevelId &&
      before.validFrom === values.validFrom &&
      before.validTo === values.validTo &&
      before.customerName === values.customerName &&
      before.activationCodeHash === values.activationCodeHash
    ) {
      unchanged++;
      continue;
    } else updated++;
    writes.push(values);
  }

  await ctx.db.transaction(async (tx) => {
    for (const part of chunks(writes)) {
      await tx
        .insert(certificates)
        .values(part)
        .onConflictDoUpdate({
          target: [certificates.organizationId, certificates.serial],
          set: {
            product: sql`excluded.product`,
            supportLevelId: sql`excluded.support_level_id`,
            validFrom: sql`excluded.valid_from`,
            validTo: sql`excluded.valid_to`,
            customerName: sql`excluded.customer_name`,
            activationCodeHash: sql`excluded.activation_code_hash`,
            // A new end date deserves its own reminder.
            expiryReminderSentAt: sql`case when excluded.valid_to = ${certificates.validTo} then ${certificates.expiryReminderSentAt} end`,
          },
        });
    }
    await recordAudit(tx, {
      organizationId: organization.id,
      actorId: actor.id,
      subjectId: null,
      action: 'certificates.imported',
      details: { rows: total, created, updated, unchanged, errors: errors.length },
      ip: actor.ip ?? null,
    });
  });
  errors.sort((a, b) => a.line - b.line);
  return { rows: total, created, updated, unchanged, errors, generatedCodes };
}

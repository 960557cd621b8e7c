import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { z } from 'zod';
import {
  formatRecoveryNumber,
  ZRecoveryRequestFields,
  type ZRecoverySubmitResponse,
} from '../../../shared/contracts/recovery.js';
import type { Locale } from '../../../shared/errors.js';
import { normalizeEmail } from '../../../shared/normalize.js';
import { normalizePhone } from '../../../shared/login.js';
import { AppError } from '../../infra/app-error.js';
import { requireCaptcha } from '../../infra/captcha.js';
import type { AppContext } from '../../infra/context.js';
import { enqueueEmail } from '../notify/index.js';
import type { Organization } from '../orgs/index.js';
import type { StagedFile } from './recovery-upload.js';
import {
  insertRecoveryDocuments,
  insertRecoveryRequest,
  nextRecoveryNumber,
} from './recovery.repo.js';
import { generateSecret, hashSecret, recoveryUrls } from './recovery-links.js';
import { channelOf, sendRecoveryCode } from './recovery-notify.js';

/** How long the confirmation link in the first email works. */
export const RECOVERY_CONFIRM_TTL_MS = 24 * 3600_000;

/** Options of `submitRecoveryRequest`. */
export interface SubmitRecoveryOptions {
  /** The multipart text fields, unvalidated. */
  fields: Record<string, string>;
  /** Documents already checked for size, count and content type. */
  files: StagedFile[];
  client: { ip: string; locale: Locale };
  now?: Date;
}

/** Zod issues in the shape `validation_failed` uses everywhere. */
const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({
    path: issue.path.map(String),
    code: issue.code,
    message: issue.message,
  }));

/**
 * Files a recovery request: validates the fields, demands at least one document and a solved
 * captcha, then stores the documents and, in one transaction, the request (with the next
 * number of the organization) and its confirmation: a link emailed to the new address, or,
 * when the person gave only a new phone, a 6-digit SMS code (429 `rate_limited` when that phone
 * had too many codes lately). Documents are stored before the transaction so it stays short
 * (PGlite runs one at a time); if anything fails afterwards they are deleted again, so a
 * refused request leaves nothing behind.
 */
export async function submitRecoveryRequest(
  ctx: AppContext,
  organization: Organization,
  options: SubmitRecoveryOptions,
): Promise<z.infer<typeof ZRecoverySubmitResponse>> {
  const now = options.now ?? new Date();
  const parsed = ZRecoveryRequestFields.safeParse(options.fields);
  if (!parsed.success) throw new AppError('validation_failed', issuesOf(parsed.error));
  const fields = parsed.data;
  if (options.files.length === 0)
    throw new AppError('validation_failed', [
      { path: ['documents'], code: 'too_small', message: 'Attach at least one document' },
    ]);
  await requireCaptcha(ctx, fields.captcha);

  const requestId = randomUUID();
  const documents = options.files.map((file) => {
    const id = randomUUID();
    return { id, file, storageKey: `recovery/${organization.id}/${requestId}/${id}` };
  });
  const stored: string[] = [];
  const removeStored = () =>
    Promise.allSettled(stored.map((key) => ctx.storage.delete(key))).then(() => undefined);
  try {
    for (const document of documents) {
      await ctx.storage.put(document.storageKey, fs.createReadStream(document.file.path), {
        contentType: document.file.contentType,
      });
      stored.push(document.storageKey);
    }
    const newEmail = fields.newEmail ? normalizeEmail(fields.newEmail) : null;
    const newPhone = fields.newPhone ? normalizePhone(fields.newPhone) : null;
    const statusSecret = generateSecret();
    const confirmToken = generateSecret();
    const confirmExpiresAt = new Date(now.getTime() + RECOVERY_CONFIRM_TTL_MS);
    const number = await ctx.db.transaction(async (tx) => {
      const value = await nextRecoveryNumber(tx, organization.id);
      await insertRecoveryRequest(tx, {
        id: requestId,
        organizationId: organization.id,
        number: value,
        fullName: fields.fullName,
        knownLogin: fields.knownLogin ?? null,
        newEmail,
        newPhone,
        description: fields.description,
        locale: options.client.locale,
        statusSecretHash: hashSecret(statusSecret),
        // A phone-only request is confirmed by SMS code, not by a link.
        confirmTokenHash: newEmail ? hashSecret(confirmToken) : null,
        confirmExpiresAt,
        ip: options.client.ip,
        createdAt: now,
      });
      await insertRecoveryDocuments(
        tx,
        documents.map((document) => ({
          id: document.id,
          organizationId: organization.id,
          requestId,
          storageKey: document.storageKey,
          fileName: document.file.fileName,
          contentType: document.file.contentType,
          sizeBytes: document.file.sizeBytes,
          createdAt: now,
        })),
      );
      if (newEmail) {
        const urls = recoveryUrls(ctx, formatRecoveryNumber(value), statusSecret, confirmToken);
        await enqueueEmail(ctx, tx, {
          organizationId: organization.id,
          to: { address: newEmail, name: fields.fullName },
          locale: options.client.locale,
          template: 'recovery_confirm',
          data: {
            fullName: fields.fullName,
            organizationName: organization.name,
            number: formatRecoveryNumber(value),
            confirmUrl: urls.confirmUrl,
            statusUrl: urls.statusUrl,
            hours: RECOVERY_CONFIRM_TTL_MS / 3600_000,
          },
        });
      } else if (newPhone) {
        await sendRecoveryCode(ctx, tx, {
          organizationId: organization.id,
          phone: newPhone,
          locale: options.client.locale,
          now,
        });
      }
      return value;
    });
    return {
      number: formatRecoveryNumber(number),
      statusSecret,
      statusUrl: recoveryUrls(ctx, formatRecoveryNumber(number), statusSecret).statusUrl,
      confirmationExpiresAt: confirmExpiresAt.toISOString(),
      confirmationChannel: channelOf({ newEmail }),
    };
  } catch (error) {
    await removeStored();
    throw error;
  }
}

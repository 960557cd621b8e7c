import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AttachmentLimits } from '../../../shared/contracts/helpdesk-tickets.js';
import { ApiError } from '../../api/client.js';
import { uploadAttachment } from '../../api/helpdesk.js';
import { useAttachmentUploads } from './use-attachment-uploads.js';

const ZRefusalDetails = z.looseObject({
  maxMegabytes: z.number().optional(),
  maxFiles: z.number().optional(),
});

/** The picker's `accept`: the server's extensions with a leading dot. */
export function acceptOf(limits: AttachmentLimits): string {
  return limits.allowedExtensions
    .map((extension) => (extension.startsWith('.') ? extension : `.${extension}`))
    .join(',');
}

/**
 * Attachments of a ticket or reply under the organization's limits: too large or too many
 * files are refused before uploading; the server's refusals are told with the limit it names.
 */
export function useTicketAttachments(limits: AttachmentLimits | undefined) {
  const { t } = useTranslation();
  const maxBytes = limits?.maxFileBytes ?? Number.POSITIVE_INFINITY;
  const maxFiles = limits?.maxFiles ?? Number.POSITIVE_INFINITY;
  const maxMegabytes = limits?.maxFileMegabytes ?? 0;

  const precheck = useCallback(
    (file: File, index: number) => {
      if (index >= maxFiles) return t('helpdesk.attachments.tooMany', { count: maxFiles });
      if (file.size > maxBytes) return t('helpdesk.attachments.tooLarge', { mb: maxMegabytes });
      return null;
    },
    [maxBytes, maxFiles, maxMegabytes, t],
  );

  const explain = useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('helpdesk.attachments.failed', { message: '' });
      const details = ZRefusalDetails.safeParse(error.details);
      const limit = details.success ? details.data : {};
      if (error.code === 'file_too_large')
        return t('helpdesk.attachments.tooLarge', { mb: limit.maxMegabytes ?? maxMegabytes });
      if (error.code === 'too_many_files')
        return t('helpdesk.attachments.tooMany', { count: limit.maxFiles ?? maxFiles });
      if (error.code === 'file_type_not_allowed') return t('helpdesk.attachments.badType');
      return t('helpdesk.attachments.failed', { message: error.message });
    },
    [maxFiles, maxMegabytes, t],
  );

  const uploads = useAttachmentUploads(uploadAttachment, precheck, explain);
  const hint = limits
    ? t('helpdesk.attachments.hint', { count: limits.maxFiles, mb: limits.maxFileMegabytes })
    : '';
  return { uploads, hint, accept: limits ? acceptOf(limits) : undefined };
}

/** A random UUID v4, also where `crypto.randomUUID` is missing (plain-HTTP intranet hosts). */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

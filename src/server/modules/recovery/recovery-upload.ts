import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import { RECOVERY_DOCUMENT_TYPES } from '../../../shared/contracts/recovery.js';
import { AppError } from '../../infra/app-error.js';

export type RecoveryDocumentType = (typeof RECOVERY_DOCUMENT_TYPES)[number];

/** An uploaded document waiting in a private temporary folder until the request is valid. */
export interface StagedFile {
  path: string;
  /** As uploaded, cleaned for display. */
  fileName: string;
  sizeBytes: number;
  /** Detected from the first bytes of the content. */
  contentType: RecoveryDocumentType;
}

/** A parsed multipart request: text fields and staged files; `cleanup` removes the files. */
export interface ReceivedUpload {
  fields: Record<string, string>;
  files: StagedFile[];
  cleanup(): Promise<void>;
}

/** Upload limits (`RECOVERY_MAX_FILE_MB`, `RECOVERY_MAX_FILES`). */
export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
}

/** The only multipart field that may carry files. */
export const DOCUMENTS_FIELD = 'documents';

const sizeDetails = (limits: UploadLimits) => ({
  maxBytes: limits.maxFileBytes,
  maxMegabytes: Math.round((limits.maxFileBytes / 1024 / 1024) * 10) / 10,
});

/** Keeps the last path segment, drops control characters, and caps the length. */
function displayName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'document';
}

/** @fastify/multipart's limit errors → our codes, with the limit in `details`. */
function mapMultipartError(error: unknown, limits: UploadLimits): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError('file_too_large', sizeDetails(limits));
  if (code === 'FST_FILES_LIMIT')
    return new AppError('too_many_files', { maxFiles: limits.maxFiles });
  // A system error (disk full…) is ours, not the client's.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return error;
  // Wrong content type, too many fields or parts, a cut-off or garbled body.
  return new AppError('malformed_request');
}

/**
 * Reads a multipart request: fields into memory (size-limited by the parser), each file into a
 * private temporary folder, refusing a file over the size limit, more files than allowed, and
 * content that is not PDF, JPEG or PNG (judged by its bytes, not its name or declared type).
 * On any refusal the staged files are removed before the error is thrown.
 */
export async function receiveRecoveryUpload(
  request: FastifyRequest,
  limits: UploadLimits,
): Promise<ReceivedUpload> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kabinet-upload-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  const files: StagedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== DOCUMENTS_FIELD) {
        part.file.resume();
        throw new AppError('validation_failed', [
          { path: [part.fieldname], code: 'unexpected_file', message: 'Files go in "documents"' },
        ]);
      }
      const file = path.join(dir, String(files.length));
      await pipeline(part.file, fs.createWriteStream(file, { mode: 0o600 }));
      if (part.file.truncated) throw new AppError('file_too_large', sizeDetails(limits));
      const { size } = await fs.promises.stat(file);
      files.push({
        path: file,
        fileName: displayName(part.filename),
        sizeBytes: size,
        contentType: 'application/pdf',
      });
    }
    for (const file of files) {
      const detected = await fileTypeFromFile(file.path);
      const type = RECOVERY_DOCUMENT_TYPES.find((allowed) => allowed === detected?.mime);
      if (!type)
        throw new AppError('file_type_not_allowed', {
          allowed: [...RECOVERY_DOCUMENT_TYPES],
          fileName: file.fileName,
        });
      file.contentType = type;
    }
  } catch (error) {
    await cleanup();
    throw mapMultipartError(error, limits);
  }
  return { fields, files, cleanup };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import { HELPDESK_ATTACHMENT_TYPES } from '../../../shared/contracts/helpdesk-tickets.js';
import { AppError } from '../../infra/app-error.js';

/** The multipart field of `POST /api/helpdesk/attachments`. */
export const ATTACHMENT_FIELD = 'file';

/** Extensions whose files have no magic number and are accepted as text when they are text. */
const TEXT_EXTENSIONS = ['.txt', '.log'];

/** File extensions the form's picker offers (`accept`). */
export const ATTACHMENT_EXTENSIONS = [
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.pdf',
  '.zip',
  '.7z',
  '.gz',
  '.tgz',
  '.tar',
  ...TEXT_EXTENSIONS,
];

/** One received file in a private temporary folder; `cleanup` removes it. */
export interface ReceivedAttachment {
  path: string;
  fileName: string;
  sizeBytes: number;
  contentType: (typeof HELPDESK_ATTACHMENT_TYPES)[number];
  cleanup(): Promise<void>;
}

export const sizeDetails = (maxFileBytes: number) => ({
  maxBytes: maxFileBytes,
  maxMegabytes: Math.round((maxFileBytes / 1024 / 1024) * 10) / 10,
});

/** Keeps the last path segment, drops control characters, and caps the length. */
export function displayName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'file';
}

/**
 * What the bytes are: an allowed type detected by its magic number, or plain text for a
 * `.txt`/`.log` name whose bytes are valid UTF-8 without NULs (logs have no magic number; an
 * executable renamed to `.log` fails the UTF-8 or NUL test). Null when not allowed.
 */
export async function detectAttachmentType(
  file: string,
  fileName: string,
): Promise<ReceivedAttachment['contentType'] | null> {
  const detected = await fileTypeFromFile(file);
  if (detected) return HELPDESK_ATTACHMENT_TYPES.find((type) => type === detected.mime) ?? null;
  if (!TEXT_EXTENSIONS.includes(path.extname(fileName).toLowerCase())) return null;
  const bytes = await fs.promises.readFile(file);
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/plain';
  } catch {
    return null;
  }
}

function mapMultipartError(error: unknown, maxFileBytes: number): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('file_too_large', sizeDetails(maxFileBytes));
  if (code === 'FST_FILES_LIMIT') return new AppError('too_many_files', { maxFiles: 1 });
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return error;
  return new AppError('malformed_request');
}

/**
 * Reads the one file of an attachment upload into a temporary folder, refusing one over the size
 * limit (413 `file_too_large` with the limit) and content that is not an allowed type (415
 * `file_type_not_allowed`, judged by the bytes, not the name or declared type).
 */
export async function receiveAttachment(
  request: FastifyRequest,
  maxFileBytes: number,
): Promise<ReceivedAttachment> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kabinet-attachment-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    const part = await request.file();
    if (!part || part.fieldname !== ATTACHMENT_FIELD) {
      part?.file.resume();
      throw new AppError('validation_failed', [
        { path: [ATTACHMENT_FIELD], code: 'required', message: 'Send one file in "file"' },
      ]);
    }
    const file = path.join(dir, 'upload');
    await pipeline(part.file, fs.createWriteStream(file, { mode: 0o600 }));
    if (part.file.truncated) throw new AppError('file_too_large', sizeDetails(maxFileBytes));
    const fileName = displayName(part.filename);
    const { size } = await fs.promises.stat(file);
    if (size === 0)
      throw new AppError('validation_failed', [
        { path: [ATTACHMENT_FIELD], code: 'too_small', message: 'The file is empty' },
      ]);
    const contentType = await detectAttachmentType(file, fileName);
    if (!contentType)
      throw new AppError('file_type_not_allowed', {
        allowed: [...HELPDESK_ATTACHMENT_TYPES],
        fileName,
      });
    return { path: file, fileName, sizeBytes: size, contentType, cleanup };
  } catch (error) {
    await cleanup();
    throw mapMultipartError(error, maxFileBytes);
  }
}
